import {
  ForeignKeyConstraintError,
  QueryTypes,
  UniqueConstraintError,
  ValidationError,
} from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmIds } from '../migrations/m0005-insert-programmes.js';
import { AuditEventImmutableError } from './audit-event.js';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.js';

/** How values survive a round trip through either database, and what the constraints enforce. */
describe('storage of domain data', () => {
  let t: TestDatabase;
  let sequence = 0;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  const recipient = () =>
    t.db.models.Zuwendungsempfaenger.create({
      typ: 'UNTERNEHMEN',
      name: 'Elektro Schulz GmbH',
      plz: '01067',
    });
  async function fall(
    programm: keyof typeof programmIds,
    antragsnummer = `441${String(++sequence).padStart(8, '0')}`,
  ) {
    const empfaenger = await recipient();
    return t.db.models.Foerderfall.create({
      programmId: programmIds[programm],
      zuwendungsempfaengerId: empfaenger.id,
      antragsnummer,
      antragsdatum: '2023-03-01',
      anzahlLadepunkteBeantragt: 4,
      status: 'IMPORTIERT',
      foerderfaehigeKosten: '64285.71',
      zuschussZugesagt: '45000.00',
    });
  }
  async function sessionAt(foerderfallId: string) {
    const standort = await t.db.models.Standort.create({ foerderfallId, plz: '04109' });
    const gruppe = await t.db.models.Ladesaeulengruppe.create({
      standortId: standort.id,
      hersteller: 'Alfen',
      modell: 'Eve Double Pro-line',
      anzahlLadesaeulen: 1,
      ladepunkteProSaeule: 2,
      kwProLadepunkt: '22.00',
      stromart: 'AC',
      steckertypen: ['TYP2'],
    });
    const punkt = await t.db.models.Ladepunkt.create({
      ladesaeulengruppeId: gruppe.id,
      evseId: `DE*ABC*E${String(++sequence).padStart(6, '0')}*1`,
      status: 'IN_BETRIEB',
    });
    const vorgang = await t.db.models.Ladevorgang.create({
      ladepunktId: punkt.id,
      beginn: new Date('2025-06-01T10:00:00+02:00'),
      ende: new Date('2025-06-01T12:30:00+02:00'),
      utcOffsetMinuten: 120,
      energieKwh: '31.250',
    });
    return { standort, gruppe, punkt, vorgang };
  }

  it('keeps money exact, with two decimals', async () => {
    // given amounts that a double would print differently
    const created = await fall('KFW_441');
    // when read back
    const read = await t.db.models.Foerderfall.findByPk(created.id);
    // then they come back as the exact decimal strings
    expect(read?.zuschussZugesagt).toBe('45000.00');
    expect(read?.foerderfaehigeKosten).toBe('64285.71');
    expect(read?.zuschussAusgezahlt).toBeNull();
  });

  it('keeps the leading zero of a postcode', async () => {
    const created = await recipient();
    const read = await t.db.models.Zuwendungsempfaenger.findByPk(created.id);
    expect(read?.plz).toBe('01067');
  });

  it('keeps characters outside the basic multilingual plane (utf8mb4 on MySQL)', async () => {
    const created = await t.db.models.Person.create({
      vorname: 'Zoë 😀',
      nachname: 'Ĳsselmeer-𝔊',
      email: 'zoe@example.org',
    });
    const read = await t.db.models.Person.findByPk(created.id);
    expect([read?.vorname, read?.nachname]).toEqual(['Zoë 😀', 'Ĳsselmeer-𝔊']);
  });

  it('stores timestamps in UTC and reads back the same instant', async () => {
    // given a session that started at 10:00 in Berlin summer time (08:00 UTC)
    const { vorgang } = await sessionAt((await fall('KFW_441')).id);
    // when the stored text is read with plain SQL
    const cast = t.db.dialect === 'mysql' ? 'CAST(beginn AS CHAR)' : 'beginn';
    const [row] = await t.db.sequelize.query<{ stored: string }>(
      `SELECT ${cast} AS stored FROM ladevorgang WHERE id = :id`,
      { replacements: { id: vorgang.id }, type: QueryTypes.SELECT },
    );
    // then the database holds 08:00 UTC, and the model returns the original instant
    expect(row?.stored.startsWith('2025-06-01 08:00:00')).toBe(true);
    const read = await t.db.models.Ladevorgang.findByPk(vorgang.id);
    expect(read?.beginn.toISOString()).toBe('2025-06-01T08:00:00.000Z');
    expect(read?.energieKwh).toBe('31.250');
  });

  it('refuses a second case with the same Antragsnummer in one programme, but not in another', async () => {
    // given a case with Antragsnummer 44100000042 in KfW 441
    await fall('KFW_441', '44100000042');
    // when the same number arrives again in 441, and in 440
    const duplicate = fall('KFW_441', '44100000042');
    // then the database refuses the first and accepts the second
    await expect(duplicate).rejects.toThrow(UniqueConstraintError);
    await expect(fall('KFW_440', '44100000042')).resolves.toBeDefined();
  });

  it('refuses a second session on the same point with the same start (duplicate upload)', async () => {
    const { vorgang } = await sessionAt((await fall('KFW_441')).id);
    const again = t.db.models.Ladevorgang.create({
      ladepunktId: vorgang.ladepunktId,
      beginn: new Date('2025-06-01T08:00:00Z'),
      ende: new Date('2025-06-01T09:00:00Z'),
      energieKwh: '5.000',
    });
    await expect(again).rejects.toThrow(UniqueConstraintError);
  });

  it('deletes what belongs to a case together with it (cascade)', async () => {
    // given a case with a location, a group, a point, a session, a person link and a period
    const created = await fall('KFW_441');
    const { standort, gruppe, punkt, vorgang } = await sessionAt(created.id);
    const person = await t.db.models.Person.create({
      vorname: 'Eva',
      nachname: 'Krause',
      email: 'eva.krause@example.com',
    });
    await t.db.models.PersonFoerderfall.create({
      personId: person.id,
      foerderfallId: created.id,
      rolle: 'ANTRAGSTELLER',
    });
    const periode = await t.db.models.Berichtszeitraum.create({
      foerderfallId: created.id,
      von: '2024-01-01',
      bis: '2024-12-31',
      frist: '2025-03-31',
      status: 'OFFEN',
    });
    // when the case is deleted
    await created.destroy();
    // then everything hanging off it is gone, but the person stays
    const m = t.db.models;
    expect(await m.Standort.findByPk(standort.id)).toBeNull();
    expect(await m.Ladesaeulengruppe.findByPk(gruppe.id)).toBeNull();
    expect(await m.Ladepunkt.findByPk(punkt.id)).toBeNull();
    expect(await m.Ladevorgang.findByPk(vorgang.id)).toBeNull();
    expect(await m.Berichtszeitraum.findByPk(periode.id)).toBeNull();
    expect(await m.PersonFoerderfall.count({ where: { foerderfallId: created.id } })).toBe(0);
    expect(await m.Person.findByPk(person.id)).not.toBeNull();
  });

  it('refuses to delete a programme or a recipient that still has cases (restrict)', async () => {
    const created = await fall('KFW_439');
    await expect(
      t.db.models.Programm.destroy({ where: { id: programmIds.KFW_439 } }),
    ).rejects.toThrow(ForeignKeyConstraintError);
    await expect(
      t.db.models.Zuwendungsempfaenger.destroy({ where: { id: created.zuwendungsempfaengerId } }),
    ).rejects.toThrow(ForeignKeyConstraintError);
  });

  it('refuses a case of a programme that does not exist', async () => {
    const empfaenger = await recipient();
    const orphan = t.db.models.Foerderfall.create({
      programmId: '00000000-0000-4000-8000-000000000000',
      zuwendungsempfaengerId: empfaenger.id,
      antragsnummer: 'X1',
      antragsdatum: '2023-01-01',
      anzahlLadepunkteBeantragt: 1,
      status: 'IMPORTIERT',
    });
    await expect(orphan).rejects.toThrow(ForeignKeyConstraintError);
  });

  it.each([
    ['an unknown status', { status: 'ERFUNDEN' }, 'status must be one of IMPORTIERT'],
    [
      'money that is not a number',
      { zuschussZugesagt: 'viel' },
      'zuschussZugesagt must be a decimal number',
    ],
    [
      'no charging point',
      { anzahlLadepunkteBeantragt: 0 },
      'anzahlLadepunkteBeantragt must be at least 1',
    ],
  ])('rejects %s with a message naming the field', async (_case, change, message) => {
    const empfaenger = await recipient();
    const attempt = t.db.models.Foerderfall.create({
      programmId: programmIds.KFW_441,
      zuwendungsempfaengerId: empfaenger.id,
      antragsnummer: `V${++sequence}`,
      antragsdatum: '2023-01-01',
      anzahlLadepunkteBeantragt: 1,
      status: 'IMPORTIERT',
      ...(change as object),
    });
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('rejects a postcode that lost its leading zero', async () => {
    const attempt = t.db.models.Zuwendungsempfaenger.create({
      typ: 'KOMMUNE',
      name: 'Stadt Dresden',
      plz: '1067',
    });
    await expect(attempt).rejects.toThrow('plz must be five digits');
  });

  it('stores e-mail addresses trimmed and in lower case, so lookups match on both databases', async () => {
    await t.db.models.Person.create({
      vorname: 'Jan',
      nachname: 'Berg',
      email: ' Jan.Berg@Example.COM ',
    });
    const found = await t.db.models.Person.findOne({ where: { email: 'jan.berg@example.com' } });
    expect(found?.nachname).toBe('Berg');
  });

  it('rejects a session that ends before it starts', async () => {
    const { punkt } = await sessionAt((await fall('KFW_441')).id);
    const attempt = t.db.models.Ladevorgang.create({
      ladepunktId: punkt.id,
      beginn: new Date('2025-07-01T10:00:00Z'),
      ende: new Date('2025-07-01T09:00:00Z'),
      energieKwh: '1.000',
    });
    await expect(attempt).rejects.toThrow('ladevorgang.ende must be after beginn');
  });

  it('keeps audit events as written: changing one is refused', async () => {
    // given an audit event
    const event = await t.db.models.AuditEvent.create({
      akteurTyp: 'PERSON',
      akteurId: 'p-1',
      aktion: 'foerderfall.update',
      objektTyp: 'foerderfall',
      objektId: 'f-1',
      vorher: { status: 'IMPORTIERT' },
      nachher: { status: 'EINGELADEN' },
    });
    // when someone tries to rewrite it, one by one or in bulk
    const single = event.update({ aktion: 'foerderfall.read' });
    const bulk = t.db.models.AuditEvent.update(
      { akteurId: 'someone-else' },
      { where: { id: event.id } },
    );
    // then both are refused and the event is unchanged
    await expect(single).rejects.toThrow(AuditEventImmutableError);
    await expect(bulk).rejects.toThrow(AuditEventImmutableError);
    const read = await t.db.models.AuditEvent.findByPk(event.id);
    expect(read?.get({ plain: true })).toMatchObject({
      aktion: 'foerderfall.update',
      akteurId: 'p-1',
      nachher: { status: 'EINGELADEN' },
    });
  });
});
