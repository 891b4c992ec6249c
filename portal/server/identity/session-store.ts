/**
 * Browser sessions in the database (table `sitzung`). The cookie carries a random token; only
 * its hash is stored. A login begins as an `ANMELDUNG` session and becomes `AKTIV` under a new
 * token, so a token planted before the login never becomes a logged-in session (fixation).
 */
import type { Database, SitzungAnmeldung } from '../../../domain/index.js';
import type { Principal } from '../http/principal.js';
import { platformRoles } from '../http/principal.js';
import { newToken, tokenHash } from './one-time-token.js';

/** Session lifetimes. */
export interface SessionLifetimes {
  /** A login must finish within this time. @default 10 minutes */
  loginMs: number;
  /** A session ends this long after the login (absolute). @default 8 hours */
  sessionMs: number;
}

export const defaultSessionLifetimes: SessionLifetimes = {
  loginMs: 10 * 60_000,
  sessionMs: 8 * 3_600_000,
};

/** The session store. */
export interface SessionStore {
  beginLogin(anmeldung: SitzungAnmeldung): Promise<string>;
  /** The login under way for this cookie token, if any. */
  findLogin(token: string): Promise<{ id: string; anmeldung: SitzungAnmeldung } | undefined>;
  /** Turns the login into a session; returns the new cookie token. */
  activate(
    loginId: string,
    principal: Omit<Principal, 'via' | 'sessionId'>,
    idToken: string | undefined,
  ): Promise<string>;
  find(token: string): Promise<(Principal & { idToken: string | null }) | undefined>;
  destroy(token: string): Promise<void>;
  /** Deletes expired sessions; returns how many. */
  purgeExpired(): Promise<number>;
}

/** The store over the domain database. */
export function createSessionStore(
  db: Database,
  lifetimes: SessionLifetimes,
  now: () => Date = () => new Date(),
): SessionStore {
  const { Sitzung } = db.models;
  const later = (ms: number) => new Date(now().getTime() + ms);
  return {
    async beginLogin(anmeldung) {
      const { token, hash } = newToken();
      await Sitzung.create({
        tokenHash: hash,
        status: 'ANMELDUNG',
        anmeldung,
        gueltigBis: later(lifetimes.loginMs),
      });
      return token;
    },
    async findLogin(token) {
      const row = await Sitzung.findOne({
        where: { tokenHash: tokenHash(token), status: 'ANMELDUNG' },
      });
      if (!row || !row.anmeldung || row.gueltigBis.getTime() < now().getTime()) return undefined;
      return { id: row.id, anmeldung: row.anmeldung };
    },
    async activate(loginId, principal, idToken) {
      const { token, hash } = newToken();
      const [updated] = await Sitzung.update(
        {
          tokenHash: hash,
          status: 'AKTIV',
          anmeldung: null,
          subjekt: principal.subject,
          email: principal.email,
          name: principal.name,
          rollen: principal.roles,
          idToken: idToken ?? null,
          gueltigBis: later(lifetimes.sessionMs),
        },
        // Only a login still under way becomes a session: a replayed callback changes nothing.
        { where: { id: loginId, status: 'ANMELDUNG' } },
      );
      if (updated !== 1) throw new Error('login session vanished');
      return token;
    },
    async find(token) {
      const row = await Sitzung.findOne({
        where: { tokenHash: tokenHash(token), status: 'AKTIV' },
      });
      if (!row || !row.subjekt || row.gueltigBis.getTime() < now().getTime()) return undefined;
      return {
        subject: row.subjekt,
        email: row.email,
        name: row.name,
        roles: platformRoles(row.rollen),
        via: 'session',
        sessionId: row.id,
        idToken: row.idToken,
      };
    },
    async destroy(token) {
      await Sitzung.destroy({ where: { tokenHash: tokenHash(token) } });
    },
    async purgeExpired() {
      const { Op } = await import('sequelize');
      return Sitzung.destroy({ where: { gueltigBis: { [Op.lt]: now() } } });
    },
  };
}
