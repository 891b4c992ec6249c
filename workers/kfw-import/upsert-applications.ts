/**
 * Writes one batch of valid applications into the domain tables inside one transaction, keyed
 * by (Programm, Antragsnummer): new cases are created with their recipient, location and
 * applicant; changed cases are updated with one audit event listing every changed field
 * (before/after); unchanged cases are left alone. People are recognised by e-mail plus name,
 * never by name alone, so the same applicant across programmes is one person.
 */
import type { Transaction } from 'sequelize';
import type {
  Database,
  Foerderfall,
  Person,
  Standort,
  Zuwendungsempfaenger,
} from '../../domain/index.js';
import {
  caseFields,
  changedFields,
  locationFields,
  recipientFields,
  type FieldChange,
} from './case-fields.js';
import type { ProgrammCode } from './coerce-enum.js';
import { insertRows } from './insert-rows.js';
import type { KfwApplication } from './validate-row.js';

/** Who writes, for the audit log. */
export const IMPORT_ACTOR = 'kfw-import';

/** What one batch did. */
export interface BatchOutcome {
  /** Ids of the cases this run created (also those created by an earlier attempt of this run). */
  readonly newCaseIds: string[];
  readonly updated: number;
  readonly unchanged: number;
}

/** The run a batch belongs to. */
export interface BatchContext {
  readonly db: Database;
  readonly importRunId: string;
  readonly programmIds: ReadonlyMap<ProgrammCode, string>;
}

/** One valid row of the file. */
export interface ValidRow {
  readonly row: number;
  readonly application: KfwApplication;
}

/** Upserts a batch (no two rows share a case key; the caller drops duplicates). */
export async function upsertApplications(
  context: BatchContext,
  rows: readonly ValidRow[],
  transaction: Transaction,
): Promise<BatchOutcome> {
  const existing = await findCases(context, rows, transaction);
  const people = new PersonDirectory(context.db, transaction);
  await people.load(rows.map((row) => row.application.email));

  const fresh: ValidRow[] = [];
  const newCaseIds: string[] = [];
  let updated = 0;
  let unchanged = 0;
  const linked = await loadLinked(context.db, [...existing.values()], transaction);
  for (const row of rows) {
    const found = existing.get(caseKey(context, row.application));
    if (!found) {
      fresh.push(row);
      continue;
    }
    const changes = await updateCase(context, found, row.application, linked, people, transaction);
    if (changes.length) updated += 1;
    else if (found.importlaufId === context.importRunId) newCaseIds.push(found.id);
    else unchanged += 1;
  }
  if (fresh.length) {
    newCaseIds.push(...(await createCases(context, fresh, people, transaction)));
  }
  return { newCaseIds, updated, unchanged };
}

/**
 * (programme, Antragsnummer), upper-cased: MySQL's default collation compares case-insensitively,
 * so `a-1` and `A-1` are one case there and must be one case on SQLite too.
 */
function caseKey(context: BatchContext, app: KfwApplication): string {
  return `${context.programmIds.get(app.programm)}|${app.antragsnummer.toUpperCase()}`;
}

async function findCases(
  context: BatchContext,
  rows: readonly ValidRow[],
  transaction: Transaction,
): Promise<Map<string, Foerderfall>> {
  const byProgramm = new Map<string, string[]>();
  for (const { application } of rows) {
    const programmId = context.programmIds.get(application.programm)!;
    byProgramm.set(programmId, [...(byProgramm.get(programmId) ?? []), application.antragsnummer]);
  }
  const found = new Map<string, Foerderfall>();
  for (const [programmId, antragsnummern] of byProgramm) {
    const cases = await context.db.models.Foerderfall.findAll({
      where: { programmId, antragsnummer: antragsnummern },
      transaction,
    });
    for (const fall of cases) found.set(`${programmId}|${fall.antragsnummer.toUpperCase()}`, fall);
  }
  return found;
}

interface Linked {
  readonly recipients: Map<string, Zuwendungsempfaenger>;
  readonly locations: Map<string, Standort>;
  readonly applicants: Map<string, Person[]>;
}

async function loadLinked(
  db: Database,
  cases: readonly Foerderfall[],
  transaction: Transaction,
): Promise<Linked> {
  const { Zuwendungsempfaenger, Standort, PersonFoerderfall, Person } = db.models;
  if (!cases.length) return { recipients: new Map(), locations: new Map(), applicants: new Map() };
  const caseIds = cases.map((fall) => fall.id);
  const [recipients, locations, links] = await Promise.all([
    Zuwendungsempfaenger.findAll({
      where: { id: [...new Set(cases.map((fall) => fall.zuwendungsempfaengerId))] },
      transaction,
    }),
    Standort.findAll({
      where: { foerderfallId: caseIds },
      order: [['createdAt', 'ASC']],
      transaction,
    }),
    PersonFoerderfall.findAll({
      where: { foerderfallId: caseIds, rolle: 'ANTRAGSTELLER' },
      transaction,
    }),
  ]);
  const persons = await Person.findAll({
    where: { id: [...new Set(links.map((link) => link.personId))] },
    transaction,
  });
  const personById = new Map(persons.map((person) => [person.id, person]));
  const locationByCase = new Map<string, Standort>();
  // The first location of a case is the Investitionsort from KfW; later ones the applicant added.
  for (const location of locations) {
    if (!locationByCase.has(location.foerderfallId))
      locationByCase.set(location.foerderfallId, location);
  }
  const applicants = new Map<string, Person[]>();
  for (const link of links) {
    const person = personById.get(link.personId);
    if (person)
      applicants.set(link.foerderfallId, [...(applicants.get(link.foerderfallId) ?? []), person]);
  }
  return {
    recipients: new Map(recipients.map((recipient) => [recipient.id, recipient])),
    locations: locationByCase,
    applicants,
  };
}

async function updateCase(
  context: BatchContext,
  fall: Foerderfall,
  app: KfwApplication,
  linked: Linked,
  people: PersonDirectory,
  transaction: Transaction,
): Promise<FieldChange[]> {
  const recipient = linked.recipients.get(fall.zuwendungsempfaengerId);
  const location = linked.locations.get(fall.id);
  const caseChanges = changedFields('', fall.get({ plain: true }), caseFields(app));
  const recipientChanges = recipient
    ? changedFields('zuwendungsempfaenger', recipient.get({ plain: true }), recipientFields(app))
    : [];
  const locationChanges = location
    ? changedFields('standort', location.get({ plain: true }), locationFields(app))
    : [];
  const applicantChanges = await reconcileApplicant(fall, app, linked, people, transaction);
  const changes = [...caseChanges, ...recipientChanges, ...locationChanges, ...applicantChanges];
  if (!changes.length) return changes;

  if (caseChanges.length) await fall.update(assigned(caseChanges, ''), { transaction });
  if (recipient && recipientChanges.length) {
    await recipient.update(assigned(recipientChanges, 'zuwendungsempfaenger.'), { transaction });
  }
  if (location && locationChanges.length) {
    await location.update(assigned(locationChanges, 'standort.'), { transaction });
  }
  await context.db.models.AuditEvent.create(
    {
      akteurTyp: 'WORKER',
      akteurId: IMPORT_ACTOR,
      aktion: 'foerderfall.kfw-import-aktualisiert',
      objektTyp: 'foerderfall',
      objektId: fall.id,
      foerderfallId: fall.id,
      vorher: Object.fromEntries(changes.map((change) => [change.field, change.before])),
      nachher: Object.fromEntries(changes.map((change) => [change.field, change.after])),
      korrelationId: context.importRunId,
    },
    { transaction },
  );
  return changes;
}

/**
 * The applicant of the row must be linked to the case. If a linked applicant is that person
 * (e-mail plus name), their telephone and salutation follow KfW; if none is, the person named
 * by KfW is linked as a further applicant (never replacing anyone's access by an import).
 */
async function reconcileApplicant(
  fall: Foerderfall,
  app: KfwApplication,
  linked: Linked,
  people: PersonDirectory,
  transaction: Transaction,
): Promise<FieldChange[]> {
  const applicants = linked.applicants.get(fall.id) ?? [];
  const same = applicants.find((person) => samePerson(person, app));
  if (same) {
    const changes = changedFields('antragsteller', same.get({ plain: true }), {
      anrede: app.anrede,
      telefon: app.telefon,
    });
    if (changes.length) await same.update(assigned(changes, 'antragsteller.'), { transaction });
    return changes;
  }
  const person = await people.findOrCreate(app);
  await people.link(person.id, fall.id);
  return [
    {
      field: 'antragsteller',
      before: applicants.map((other) => other.email),
      after: [...applicants.map((other) => other.email), person.email],
    },
  ];
}

async function createCases(
  context: BatchContext,
  rows: readonly ValidRow[],
  people: PersonDirectory,
  transaction: Transaction,
): Promise<string[]> {
  const { db } = context;
  const { models } = db;
  const persons = await people.resolveAll(rows.map((row) => row.application));
  const recipients = await recipientsFor(db, rows, persons, transaction);
  const cases = await insertRows(
    db,
    models.Foerderfall,
    rows.map(({ application }, index) => ({
      programmId: context.programmIds.get(application.programm)!,
      zuwendungsempfaengerId: recipients[index]!,
      importlaufId: context.importRunId,
      antragsnummer: application.antragsnummer,
      status: 'IMPORTIERT',
      ...caseFields(application),
    })),
    transaction,
  );
  await insertRows(
    db,
    models.Standort,
    rows.map(({ application }, index) => ({
      foerderfallId: cases[index]!.id,
      privaterWohnsitz: application.programm === 'KFW_440',
      ...locationFields(application),
    })),
    transaction,
  );
  await insertRows(
    db,
    models.PersonFoerderfall,
    cases.map((fall, index) => ({
      personId: persons[index]!.id,
      foerderfallId: fall.id,
      rolle: 'ANTRAGSTELLER',
    })),
    transaction,
  );
  await insertRows(
    db,
    models.AuditEvent,
    cases.map((fall, index) => ({
      akteurTyp: 'WORKER',
      akteurId: IMPORT_ACTOR,
      aktion: 'foerderfall.kfw-import-angelegt',
      objektTyp: 'foerderfall',
      objektId: fall.id,
      foerderfallId: fall.id,
      vorher: null,
      nachher: JSON.stringify({
        programm: rows[index]!.application.programm,
        antragsnummer: fall.antragsnummer,
      }),
      korrelationId: context.importRunId,
    })),
    transaction,
    { timestamps: 'created' },
  );
  return cases.map((fall) => fall.id);
}

/**
 * The recipient id of each new case: an existing recipient of the same person with the same
 * type and name (the same company applying in another programme), else a new one.
 */
async function recipientsFor(
  db: Database,
  rows: readonly ValidRow[],
  persons: readonly KnownPerson[],
  transaction: Transaction,
): Promise<string[]> {
  const { PersonFoerderfall, Foerderfall, Zuwendungsempfaenger } = db.models;
  const links = await PersonFoerderfall.findAll({
    where: { personId: [...new Set(persons.map((person) => person.id))], rolle: 'ANTRAGSTELLER' },
    attributes: ['personId', 'foerderfallId'],
    raw: true,
    transaction,
  });
  const cases = links.length
    ? await Foerderfall.findAll({
        where: { id: [...new Set(links.map((link) => link.foerderfallId))] },
        attributes: ['id', 'zuwendungsempfaengerId'],
        raw: true,
        transaction,
      })
    : [];
  const known = cases.length
    ? await Zuwendungsempfaenger.findAll({
        where: { id: [...new Set(cases.map((fall) => fall.zuwendungsempfaengerId))] },
        attributes: ['id', 'typ', 'name'],
        raw: true,
        transaction,
      })
    : [];
  const recipientOfCase = new Map(cases.map((fall) => [fall.id, fall.zuwendungsempfaengerId]));
  const knownById = new Map(known.map((recipient) => [recipient.id, recipient]));
  const byKey = new Map<string, string>();
  for (const link of links) {
    const recipient = knownById.get(recipientOfCase.get(link.foerderfallId) ?? '');
    if (recipient) {
      byKey.set(recipientKey(link.personId, recipient.typ, recipient.name), recipient.id);
    }
  }
  const keys = rows.map(({ application }, index) => {
    const fields = recipientFields(application);
    return { key: recipientKey(persons[index]!.id, fields.typ, fields.name), fields };
  });
  const missing = new Map<string, ReturnType<typeof recipientFields>>();
  for (const { key, fields } of keys) {
    if (!byKey.has(key) && !missing.has(key)) missing.set(key, fields);
  }
  const created = await insertRows(db, Zuwendungsempfaenger, [...missing.values()], transaction);
  [...missing.keys()].forEach((key, index) => byKey.set(key, created[index]!.id));
  return keys.map(({ key }) => byKey.get(key)!);
}

function recipientKey(personId: string, typ: string, name: string): string {
  return `${personId}|${typ}|${name.toLocaleLowerCase('de-DE')}`;
}

function samePerson(person: KnownPerson, app: KfwApplication): boolean {
  return (
    personKey(person.email, person.vorname, person.nachname) ===
    personKey(app.email, app.vorname, app.nachname)
  );
}

/** E-mail plus name: the identity of a person across programmes (never the name alone). */
function personKey(email: string, vorname: string, nachname: string): string {
  return [email, vorname, nachname]
    .map((part) => part.normalize('NFC').toLocaleLowerCase('de-DE'))
    .join('|');
}

function assigned(changes: readonly FieldChange[], prefix: string): Record<string, unknown> {
  return Object.fromEntries(
    changes.map((change) => [change.field.slice(prefix.length), change.after]),
  );
}

/** What the import needs to know of a person. */
interface KnownPerson {
  readonly id: string;
  readonly email: string;
  readonly vorname: string;
  readonly nachname: string;
}

/** People of one batch, looked up by e-mail once and created at most once per identity. */
class PersonDirectory {
  private readonly byKey = new Map<string, KnownPerson>();
  private readonly links = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly transaction: Transaction,
  ) {}

  async load(emails: readonly string[]): Promise<void> {
    const persons = await this.db.models.Person.findAll({
      where: { email: [...new Set(emails)] },
      attributes: ['id', 'email', 'vorname', 'nachname'],
      raw: true,
      transaction: this.transaction,
    });
    for (const person of persons) {
      const key = personKey(person.email, person.vorname, person.nachname);
      if (!this.byKey.has(key)) this.byKey.set(key, person);
    }
  }

  async findOrCreate(app: KfwApplication): Promise<KnownPerson> {
    const [person] = await this.resolveAll([app]);
    return person!;
  }

  /** The person of each application; unknown people are created together in one insert. */
  async resolveAll(apps: readonly KfwApplication[]): Promise<KnownPerson[]> {
    const keys = apps.map((app) => personKey(app.email, app.vorname, app.nachname));
    const missing = new Map<string, KfwApplication>();
    keys.forEach((key, index) => {
      if (!this.byKey.has(key) && !missing.has(key)) missing.set(key, apps[index]!);
    });
    const created = await insertRows(
      this.db,
      this.db.models.Person,
      [...missing.values()].map((app) => ({
        anrede: app.anrede,
        vorname: app.vorname,
        nachname: app.nachname,
        email: app.email,
        telefon: app.telefon,
      })),
      this.transaction,
    );
    [...missing.keys()].forEach((key, index) => this.byKey.set(key, created[index]!));
    return keys.map((key) => this.byKey.get(key)!);
  }

  async link(personId: string, foerderfallId: string): Promise<void> {
    const key = `${personId}|${foerderfallId}`;
    if (this.links.has(key)) return;
    this.links.add(key);
    await this.db.models.PersonFoerderfall.findOrCreate({
      where: { personId, foerderfallId, rolle: 'ANTRAGSTELLER' },
      transaction: this.transaction,
    });
  }
}
