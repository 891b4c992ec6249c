import { DataTypes } from 'sequelize';
import type { DomainMigration } from './domain-migration.js';
import {
  boolean,
  createTable,
  dateOnly,
  decimal,
  enumText,
  id,
  index,
  integer,
  money,
  reference,
  text,
  timestamp,
  timestamps,
} from './migration-columns.js';

/**
 * Cases and what hangs off them: foerderfall, person_foerderfall, standort, ladesaeulengruppe,
 * ladepunkt. Deleting a case removes what belongs to it (cascade); programmes and recipients
 * that still have cases cannot be deleted (restrict).
 */
export const createCasesAndLocations: DomainMigration = {
  name: 'm0002-create-cases-and-locations',
  async up(qi) {
    await createTable(qi, 'foerderfall', {
      id: id(),
      programmId: reference('programm', false, 'RESTRICT'),
      zuwendungsempfaengerId: reference('zuwendungsempfaenger', false, 'RESTRICT'),
      importlaufId: reference('importlauf', true, 'SET NULL'),
      antragsnummer: text(64, false),
      zusagenummer: text(64),
      reportingId: text(32),
      reportingIdVergebenAm: timestamp(true),
      antragsdatum: dateOnly(false),
      zusagedatum: dateOnly(),
      kfwAntragsstatus: enumText(true),
      anzahlLadepunkteBeantragt: integer(false),
      foerderfaehigeKosten: money(),
      zuschussZugesagt: money(),
      zuschussAusgezahlt: money(),
      auszahlungsdatum: dateOnly(),
      fristNachweis: dateOnly(),
      deMinimis: boolean(),
      status: enumText(),
      ersteInbetriebnahme: dateOnly(),
      zweckbindungEnde: dateOnly(),
      ...timestamps(),
    });
    await index(
      qi,
      'foerderfall',
      'foerderfall_programm_antragsnummer_uq',
      ['programmId', 'antragsnummer'],
      true,
    );
    await index(qi, 'foerderfall', 'foerderfall_reporting_id_uq', ['reportingId'], true);
    await index(qi, 'foerderfall', 'foerderfall_zuwendungsempfaenger_idx', [
      'zuwendungsempfaengerId',
    ]);
    await index(qi, 'foerderfall', 'foerderfall_importlauf_idx', ['importlaufId']);
    await index(qi, 'foerderfall', 'foerderfall_status_idx', ['status']);

    await createTable(qi, 'person_foerderfall', {
      id: id(),
      personId: reference('person', false, 'CASCADE'),
      foerderfallId: reference('foerderfall', false, 'CASCADE'),
      rolle: enumText(),
      ...timestamps(),
    });
    await index(
      qi,
      'person_foerderfall',
      'person_foerderfall_person_fall_rolle_uq',
      ['personId', 'foerderfallId', 'rolle'],
      true,
    );
    await index(qi, 'person_foerderfall', 'person_foerderfall_foerderfall_idx', ['foerderfallId']);

    await createTable(qi, 'standort', {
      id: id(),
      foerderfallId: reference('foerderfall', false, 'CASCADE'),
      betreiberId: reference('betreiber', true, 'SET NULL'),
      bezeichnung: text(255),
      strasse: text(255),
      hausnummer: text(16),
      plz: text(5),
      ort: text(128),
      bundesland: enumText(true),
      ags: text(8),
      breitengrad: decimal(9, 6),
      laengengrad: decimal(9, 6),
      zugang: enumText(true),
      standortTyp: enumText(true),
      privaterWohnsitz: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      netzanschlussKw: decimal(9, 2),
      pvAnlage: boolean(),
      pvLeistungKwp: decimal(9, 2),
      speicher: boolean(),
      speicherKwh: decimal(9, 2),
      lastmanagement: boolean(),
      stromherkunft: enumText(true),
      ...timestamps(),
    });
    await index(qi, 'standort', 'standort_foerderfall_idx', ['foerderfallId']);
    await index(qi, 'standort', 'standort_betreiber_idx', ['betreiberId']);
    await index(qi, 'standort', 'standort_plz_idx', ['plz']);

    await createTable(qi, 'ladesaeulengruppe', {
      id: id(),
      standortId: reference('standort', false, 'CASCADE'),
      hersteller: text(128, false),
      modell: text(128, false),
      anzahlLadesaeulen: integer(false),
      ladepunkteProSaeule: integer(false),
      kwProLadepunkt: decimal(7, 2, false),
      stromart: enumText(),
      steckertypen: { type: DataTypes.TEXT, allowNull: false },
      inbetriebnahme: dateOnly(),
      eichrechtskonform: boolean(),
      backend: text(128),
      ocppVersion: enumText(true),
      ...timestamps(),
    });
    await index(qi, 'ladesaeulengruppe', 'ladesaeulengruppe_standort_idx', ['standortId']);

    await createTable(qi, 'ladepunkt', {
      id: id(),
      ladesaeulengruppeId: reference('ladesaeulengruppe', false, 'CASCADE'),
      evseId: text(48),
      seriennummer: text(64),
      status: enumText(),
      inbetriebnahme: dateOnly(),
      stilllegung: dateOnly(),
      ...timestamps(),
    });
    await index(qi, 'ladepunkt', 'ladepunkt_ladesaeulengruppe_idx', ['ladesaeulengruppeId']);
    await index(qi, 'ladepunkt', 'ladepunkt_evse_id_uq', ['evseId'], true);
  },
  async down(qi) {
    for (const table of [
      'ladepunkt',
      'ladesaeulengruppe',
      'standort',
      'person_foerderfall',
      'foerderfall',
    ]) {
      await qi.dropTable(table);
    }
  },
};
