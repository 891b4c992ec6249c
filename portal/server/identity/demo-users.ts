/**
 * Demo users of the embedded identity provider, one per realm role. Only for trying things out:
 * the composition root refuses them in production. The same people are in the Keycloak realm
 * export (`infra/keycloak/realm-export.json`).
 */
import type { RealmRole } from '../http/principal.js';
import type { AccountService } from './account-service.js';

/** A demo login. */
export interface DemoUser {
  email: string;
  password: string;
  vorname: string;
  nachname: string;
  roles: RealmRole[];
}

/** The shared demo password (printed by `now start`). */
export const demoPassword = 'Demo-Passwort-2026';

/** One demo user per role. */
export const demoUsers: readonly DemoUser[] = [
  {
    email: 'antragstellerin@demo.foerderportal.example',
    vorname: 'Anna',
    nachname: 'Antrag',
    roles: ['applicant'],
  },
  {
    email: 'sachbearbeitung@demo.foerderportal.example',
    vorname: 'Sven',
    nachname: 'Sachbearbeiter',
    roles: ['case-officer'],
  },
  {
    email: 'prozesse@demo.foerderportal.example',
    vorname: 'Paula',
    nachname: 'Prozess',
    roles: ['process-owner'],
  },
  {
    email: 'admin@demo.foerderportal.example',
    vorname: 'Adam',
    nachname: 'Admin',
    roles: ['admin'],
  },
  {
    email: 'analyse@demo.foerderportal.example',
    vorname: 'Ali',
    nachname: 'Analyse',
    roles: ['analyst'],
  },
].map((user) => ({ ...user, password: demoPassword, roles: user.roles as RealmRole[] }));

/** Creates (or resets) every demo account; returns their logins. */
export async function ensureDemoUsers(accounts: AccountService): Promise<readonly DemoUser[]> {
  for (const user of demoUsers) await accounts.upsert(user);
  return demoUsers;
}
