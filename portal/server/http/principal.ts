/** Who is calling: taken from the session or the bearer token, never from the request body. */
import { ROLES, type Role } from '../../../domain/index.js';

/** The realm roles of the platform (`realm_access.roles`), as the contract names them. */
export const realmRoles = Object.values(ROLES) as [Role, ...Role[]];
export type RealmRole = Role;

/** An authenticated caller. */
export interface Principal {
  /** `sub` of the identity provider. */
  subject: string;
  email: string | null;
  name: string | null;
  /** Only the platform's realm roles; other roles of the token are ignored. */
  roles: RealmRole[];
  /** How the caller authenticated: cookie sessions need the same-origin check. */
  via: 'session' | 'bearer';
  /** Id of the portal session (cookie sessions only). */
  sessionId?: string;
}

/** Keeps the platform's roles out of a token's role list. */
export function platformRoles(roles: unknown): RealmRole[] {
  if (!Array.isArray(roles)) return [];
  return realmRoles.filter((role) => roles.includes(role));
}
