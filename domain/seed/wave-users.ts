/**
 * The people of a load wave: `users` applicant accounts of the embedded identity provider
 * (`wave-0001@wave.foerderportal.example`, ...), each with a person record linked to a
 * Förderfall of its own, so every account has a case whose tasks it may work. Idempotent:
 * accounts, people and cases that exist are kept; only missing ones are created. The case
 * process instances are started by the composition root (`now seed wave`), which needs the
 * engine; this module only writes rows.
 *
 * @example
 *   const { users } = await seedWaveUsers(db, { users: 500, passwordHash });
 *   // users[0] = { email: 'wave-0001@wave.foerderportal.example', caseId, processInstanceKey: null }
 */
import { createHash } from 'node:crypto';
import type { Database } from '../database/open-database.js';
import { programmIds } from '../migrations/m0005-insert-programmes.js';

/** The password every wave account logs in with (printed by `now seed wave`). */
export const wavePassword = 'Wave-Passwort-2026';

/** The most accounts one wave seeds (the step-up mode needs a few thousand at most). */
export const maxWaveUsers = 20_000;

/** The login of wave account `index` (1-based). */
export function waveEmail(index: number): string {
  return `wave-${String(index).padStart(4, '0')}@wave.foerderportal.example`;
}

/** One seeded account and its case. */
export interface WaveUser {
  email: string;
  caseId: string;
  /** The case's `foerderfall` instance, null until the composition root started it. */
  processInstanceKey: string | null;
}

/** What `seedWaveUsers` did. */
export interface WaveSeedReport {
  users: WaveUser[];
  /** Accounts created by this call (0 on a second run). */
  created: number;
}

/** `users` is not a whole number in range. */
export class WaveSeedOptionsError extends Error {
  readonly code = 'WAVE_SEED_OPTIONS_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'WaveSeedOptionsError';
  }
}

/**
 * A stable UUID per account and kind, so a re-run finds its rows without a lookup table and two
 * runs never create a second case for one account.
 */
function stableId(kind: string, index: number): string {
  const hex = createHash('sha256').update(`now wave ${kind} ${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Creates the missing accounts (roles `applicant`, address verified, the given password hash:
 * `passwordHash` is computed once by the caller at the production cost, as the portal stores
 * it), their person records, recipients and cases (status `IMPORTIERT`, as after a KfW import).
 */
export async function seedWaveUsers(
  db: Database,
  options: { users: number; passwordHash: string; now?: Date },
): Promise<WaveSeedReport> {
  const { users: count, passwordHash } = options;
  if (!Number.isInteger(count) || count < 1 || count > maxWaveUsers)
    throw new WaveSeedOptionsError(
      `users must be a whole number from 1 to ${maxWaveUsers}, got ${String(count)}`,
    );
  const now = options.now ?? new Date();
  const m = db.models;
  const users: WaveUser[] = [];
  let created = 0;
  // One transaction per account: a wave of 500 is a few seconds, and an interrupted run keeps
  // the complete accounts it made (the next run creates only the rest).
  for (let index = 1; index <= count; index++) {
    const email = waveEmail(index);
    const caseId = stableId('case', index);
    const existing = await m.Foerderfall.findByPk(caseId, {
      attributes: ['id', 'prozessInstanzKey'],
    });
    if (existing) {
      users.push({ email, caseId, processInstanceKey: existing.prozessInstanzKey ?? null });
      continue;
    }
    await db.sequelize.transaction(async (transaction) => {
      const konto =
        (await m.Konto.findOne({ where: { email }, transaction })) ??
        (await m.Konto.create(
          {
            email,
            passwortHash: passwordHash,
            vorname: 'Welle',
            nachname: `Nutzerin ${index}`,
            rollen: ['applicant'],
            emailBestaetigtAm: now,
          },
          { transaction },
        ));
      const recipient = await m.Zuwendungsempfaenger.create(
        {
          id: stableId('recipient', index),
          typ: 'NATUERLICHE_PERSON',
          name: `Welle Nutzerin ${index}`,
        },
        { transaction },
      );
      const person = await m.Person.create(
        {
          id: stableId('person', index),
          vorname: 'Welle',
          nachname: `Nutzerin ${index}`,
          email,
          oidcSubject: konto.id,
          datenschutzEinwilligungAm: now,
        },
        { transaction },
      );
      await m.Foerderfall.create(
        {
          id: caseId,
          programmId: programmIds.KFW_441,
          zuwendungsempfaengerId: recipient.id,
          antragsnummer: `W${String(index).padStart(8, '0')}`,
          antragsdatum: now.toISOString().slice(0, 10),
          kfwAntragsstatus: 'ZUGESAGT',
          anzahlLadepunkteBeantragt: 2,
          status: 'IMPORTIERT',
        },
        { transaction },
      );
      await m.PersonFoerderfall.create(
        { personId: person.id, foerderfallId: caseId, rolle: 'ANTRAGSTELLER' },
        { transaction },
      );
    });
    created += 1;
    users.push({ email, caseId, processInstanceKey: null });
  }
  return { users, created };
}
