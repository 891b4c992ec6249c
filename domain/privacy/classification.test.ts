import { DataTypes, Model, Sequelize } from 'sequelize';
import { afterAll, describe, expect, it } from 'vitest';
import { initModels } from '../models/domain-models.js';
import { none } from './column-privacy.js';
import { findUnclassifiedColumns, listColumns } from './find-unclassified-columns.js';

// Models can be defined without a connection: Sequelize connects lazily.
const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
const models = initModels(sequelize);
afterAll(() => sequelize.close());

describe('personal-data classification', () => {
  it('classifies every column of every domain model', () => {
    // given every model of the domain
    // when the columns are checked
    const unclassified = findUnclassifiedColumns(models);
    // then none lacks a class and a rule
    expect(unclassified).toEqual([]);
    expect(listColumns(models).length).toBeGreaterThan(150);
  });

  it('names the column of a model that forgot to classify it', () => {
    // given a throwaway model with one classified and one unclassified column
    class Notiz extends Model {}
    Notiz.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, privacy: none() },
        bemerkung: { type: DataTypes.TEXT },
      },
      { sequelize, tableName: 'notiz', timestamps: false },
    );
    // when the check runs
    const unclassified = findUnclassifiedColumns([Notiz]);
    // then it names exactly the unclassified column
    expect(unclassified).toEqual(['notiz.bemerkung']);
  });

  it.each([
    ['a class that does not exist', { class: 'secret', rule: { kind: 'drop' } }],
    ['a replace rule without a replacement', { class: 'direct', rule: { kind: 'replace' } }],
    ['a generalisation without a named method', { class: 'quasi', rule: { kind: 'generalise' } }],
    [
      'an unknown generalisation method',
      { class: 'quasi', rule: { kind: 'generalise', method: 'round-somehow' } },
    ],
    [
      'an aggregate without a grouping',
      { class: 'sensitive', rule: { kind: 'aggregate', by: '' } },
    ],
  ])('counts %s as unclassified', (_case, privacy) => {
    // given a column whose classification is malformed (as plain JavaScript could write it)
    class Kaputt extends Model {}
    Kaputt.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, privacy: none() },
        wert: { type: DataTypes.STRING, privacy } as never,
      },
      { sequelize, tableName: 'kaputt', timestamps: false },
    );
    // when / then
    expect(findUnclassifiedColumns([Kaputt])).toEqual(['kaputt.wert']);
  });

  const byName = new Map(listColumns(models).map((c) => [`${c.table}.${c.column}`, c.privacy]));
  it.each([
    ['person.email', 'direct', 'replace'],
    ['person.nachname', 'direct', 'replace'],
    ['person.telefon', 'direct', 'drop'],
    ['zuwendungsempfaenger.strasse', 'direct', 'drop'],
    ['standort.strasse', 'direct', 'drop'],
    ['standort.breitengrad', 'direct', 'generalise'],
    ['foerderfall.antragsnummer', 'direct', 'drop'],
    ['foerderfall.reportingId', 'direct', 'drop'],
    ['foerderfall.id', 'direct', 'surrogate-key'],
    ['ladepunkt.evseId', 'direct', 'drop'],
    ['ladepunkt.seriennummer', 'direct', 'drop'],
    ['dokument.speicherSchluessel', 'direct', 'drop'],
    ['audit_event.vorher', 'direct', 'drop'],
    ['standort.plz', 'quasi', 'generalise'],
    ['standort.ags', 'quasi', 'generalise'],
    ['foerderfall.antragsdatum', 'quasi', 'generalise'],
    ['foerderfall.zuschussZugesagt', 'quasi', 'generalise'],
    ['foerderfall.anzahlLadepunkteBeantragt', 'quasi', 'generalise'],
    ['zuwendungsempfaenger.wzCode', 'quasi', 'generalise'],
    ['zuwendungsempfaenger.flottengroesse', 'quasi', 'generalise'],
    ['standort.standortTyp', 'quasi', 'keep'],
    ['ladevorgang.beginn', 'sensitive', 'aggregate'],
    ['ladevorgang.ende', 'sensitive', 'aggregate'],
    ['ladevorgang.energieKwh', 'sensitive', 'aggregate'],
    ['programm.code', 'none', 'keep'],
    ['foerderfall.status', 'none', 'keep'],
  ])('classifies %s as %s with rule %s (DOMAIN.md)', (column, cls, rule) => {
    expect(byName.get(column)).toMatchObject({ class: cls, rule: { kind: rule } });
  });

  it.each([
    ['standort.plz', 'plz-2-digits'],
    ['foerderfall.antragsdatum', 'date-to-month'],
    ['foerderfall.zuschussZugesagt', 'amount-band'],
    ['standort.laengengrad', 'coordinate-1km'],
    ['ladesaeulengruppe.anzahlLadesaeulen', 'count-band'],
  ])('generalises %s with %s', (column, method) => {
    expect(byName.get(column)?.rule).toEqual({ kind: 'generalise', method });
  });
});
