/**
 * Generates the identity side of the demo data set: an account of the embedded identity
 * provider for every registered person (without a usable password: the demo people set one
 * through "Passwort vergessen"), the used e-mail verification token of that account, an expired
 * browser session from their last login, a draft of the master-data form, a saved task filter,
 * an open invitation for every case still waiting for its applicant (`EINGELADEN`) and a
 * redeemed one for every registered applicant. Pure: the same Faker state gives the same rows.
 */
import { createHash } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
import type { Einladung } from '../models/einladung.js';
import type { Entwurf } from '../models/entwurf.js';
import type { GespeicherterFilter } from '../models/gespeicherter-filter.js';
import type { Konto } from '../models/konto.js';
import type { KontoToken } from '../models/konto-token.js';
import type { Person } from '../models/person.js';
import type { Sitzung } from '../models/sitzung.js';
import type { DemoCase } from './demo-cases.js';
import { demoReferenceDate } from './demo-random.js';
import type { Row } from './demo-row.js';

/**
 * A password hash no password matches (it is not of the form `scrypt$...`), so a seeded account
 * can only be entered after a password reset.
 */
export const unusablePasswordHash = '!no-password-set';

/** The identity rows of the demo data set. */
export interface DemoIdentityRows {
  konto: Row<Konto>[];
  kontoToken: Row<KontoToken>[];
  sitzung: Row<Sitzung>[];
  einladung: Row<Einladung>[];
  entwurf: Row<Entwurf>[];
  gespeicherterFilter: Row<GespeicherterFilter>[];
}

const day = 86_400_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Rows for the persons and cases generated before. */
export function generateDemoIdentity(
  faker: Faker,
  persons: Row<Person>[],
  cases: DemoCase[],
): DemoIdentityRows {
  const rows: DemoIdentityRows = {
    konto: [],
    kontoToken: [],
    sitzung: [],
    einladung: [],
    entwurf: [],
    gespeicherterFilter: [],
  };
  for (const person of persons) {
    if (!person.oidcSubject) continue;
    const registered = person.datenschutzEinwilligungAm ?? demoReferenceDate;
    const lastLogin = person.letzteAnmeldungAm ?? registered;
    rows.konto.push({
      id: person.oidcSubject,
      email: person.email,
      passwortHash: unusablePasswordHash,
      vorname: person.vorname,
      nachname: person.nachname,
      rollen: ['applicant'],
      emailBestaetigtAm: registered,
      gesperrtAm: null,
      createdAt: registered,
      updatedAt: lastLogin,
    });
    rows.kontoToken.push({
      id: faker.string.uuid(),
      kontoId: person.oidcSubject,
      zweck: 'EMAIL_BESTAETIGUNG',
      tokenHash: sha256(faker.string.alphanumeric(43)),
      gueltigBis: new Date(registered.getTime() + day),
      verwendetAm: registered,
      createdAt: registered,
      updatedAt: registered,
    });
    // A half-filled master-data form, as an applicant leaves it between two sessions.
    rows.entwurf.push({
      id: faker.string.uuid(),
      userTaskKey: String(2251799813685248 + rows.entwurf.length * 7),
      subjekt: person.oidcSubject,
      formId: 'stammdaten',
      daten: {
        kontakt: { vorname: person.vorname, nachname: person.nachname, email: person.email },
      },
      createdAt: lastLogin,
      updatedAt: lastLogin,
    });
    rows.gespeicherterFilter.push({
      id: faker.string.uuid(),
      subjekt: person.oidcSubject,
      name: 'Meine offenen Aufgaben',
      kriterien: { assignee: 'me', sort: 'dueDate' },
      createdAt: lastLogin,
      updatedAt: lastLogin,
    });
    rows.sitzung.push({
      id: faker.string.uuid(),
      tokenHash: sha256(faker.string.alphanumeric(43)),
      status: 'AKTIV',
      subjekt: person.oidcSubject,
      email: person.email,
      name: `${person.vorname} ${person.nachname}`,
      rollen: ['applicant'],
      anmeldung: null,
      idToken: null,
      gueltigBis: new Date(lastLogin.getTime() + day / 3),
      createdAt: lastLogin,
      updatedAt: lastLogin,
    });
  }
  const byId = new Map(persons.map((p) => [p.id, p]));
  for (const c of cases) {
    if (c.fall.status === 'IMPORTIERT') continue;
    const applicant = byId.get(c.antragstellerId);
    if (!applicant) continue;
    // Every case past the import got an invitation; registered applicants redeemed theirs.
    const redeemedAt = c.fall.status === 'EINGELADEN' ? null : applicant.datenschutzEinwilligungAm;
    const sent = redeemedAt
      ? new Date(redeemedAt.getTime() - faker.number.int({ min: 1, max: 20 }) * day)
      : new Date(demoReferenceDate.getTime() - faker.number.int({ min: 1, max: 20 }) * day);
    rows.einladung.push({
      id: faker.string.uuid(),
      foerderfallId: c.fall.id,
      email: applicant.email,
      rolle: 'ANTRAGSTELLER',
      tokenHash: sha256(faker.string.alphanumeric(43)),
      gueltigBis: new Date(sent.getTime() + 30 * day),
      eingeloestAm: redeemedAt ?? null,
      eingeloestVonPersonId: redeemedAt ? applicant.id : null,
      erstelltVonPersonId: null,
      widerrufenAm: null,
      createdAt: sent,
      updatedAt: redeemedAt ?? sent,
    });
  }
  return rows;
}
