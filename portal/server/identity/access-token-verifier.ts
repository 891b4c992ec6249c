/**
 * Verifies access tokens (JWT) against the issuer's JWKS with `jose`: signature, issuer,
 * audience, expiry. Roles come from `realm_access.roles`, as Keycloak puts them.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { NotAuthenticatedError } from '../http/portal-errors.js';
import { platformRoles, type Principal } from '../http/principal.js';

/** Turns a bearer token into a principal or throws NOT_AUTHENTICATED. */
export type AccessTokenVerifier = (token: string, via: Principal['via']) => Promise<Principal>;

/** A verifier for tokens of `issuer` meant for `audience`. */
export function createAccessTokenVerifier(options: {
  issuer: string;
  audience: string;
  jwksUri: () => Promise<URL>;
}): AccessTokenVerifier {
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  return async (token, via) => {
    jwks ??= createRemoteJWKSet(await options.jwksUri());
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256', 'PS256', 'ES256'],
      }));
    } catch {
      throw new NotAuthenticatedError('Zugriffstoken ungültig oder abgelaufen');
    }
    if (!payload.sub) throw new NotAuthenticatedError('Zugriffstoken ohne Subjekt');
    const realmAccess = payload.realm_access as { roles?: unknown } | undefined;
    return {
      subject: payload.sub,
      email: typeof payload.email === 'string' ? payload.email : null,
      name: typeof payload.name === 'string' ? payload.name : null,
      roles: platformRoles(realmAccess?.roles),
      via,
    };
  };
}
