/**
 * What the portal expects of an identity realm (Keycloak in production): shared by the portal's
 * own realm test and the infrastructure checks, so the realm export, the deployment files and
 * the portal cannot drift apart.
 *
 * @example
 *   `${keycloakUrl}/realms/${realmExpectations.realm}` // the OIDC_ISSUER of a deployment
 */
import { realmRoles } from '../http/principal.js';
import { callbackPath } from './auth-routes.js';
import { defaultClientId } from './portal-identity.js';

export const realmExpectations = {
  /** Realm name: the last path segment of every deployment's OIDC_ISSUER. */
  realm: 'foerderportal',
  /** The portal's confidential client (OIDC_CLIENT_ID). */
  clientId: defaultClientId,
  /** Exactly these realm roles exist. */
  roles: realmRoles,
  /** Claim of the access token that carries the realm roles (see access-token-verifier.ts). */
  rolesClaim: 'realm_access.roles',
  /** Every redirect URI of the client ends in this path. */
  callbackPath,
  /** The role a self-registered person gets. */
  selfRegisteredRole: 'applicant',
} as const;
