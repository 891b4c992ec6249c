/**
 * Identity of the portal: with an external issuer (Keycloak) the portal is only a relying party;
 * without one it also serves the embedded provider under `/oidc`. Either way the login runs
 * through `openid-client` and tokens are verified with `jose` against the issuer's JWKS.
 */
import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Router } from 'express';
import express from 'express';
import type { JWK } from 'jose';
import type Provider from 'oidc-provider';
import type { Database } from '../../../domain/index.js';
import { DependencyUnavailableError, NotAuthenticatedError } from '../http/portal-errors.js';
import type { Principal } from '../http/principal.js';
import { createAccessTokenVerifier, type AccessTokenVerifier } from './access-token-verifier.js';
import { createAccountService, type AccountService, type SendMail } from './account-service.js';
import { authRoutes, callbackPath } from './auth-routes.js';
import { createEmbeddedProvider } from './embedded-provider.js';
import { interactionRoutes } from './interaction-routes.js';
import type { ScryptCost } from './password-hash.js';
import { createRelyingParty, type RelyingParty } from './relying-party.js';
import { readCookie, sessionCookieName } from './session-cookie.js';
import { createSessionStore, type SessionLifetimes } from './session-store.js';

/** The OIDC client id of the portal, in the embedded provider and in the Keycloak realm. */
export const defaultClientId = 'portal';

/** Which identity provider the portal uses. */
export type IdentityOptions =
  | {
      kind: 'embedded';
      /** @default 'portal' */
      clientId?: string;
      /** @default random per start */
      clientSecret?: string;
      /** Private signing JWK; keep it across restarts so issued tokens stay valid. */
      signingKey?: JWK;
      cookieKeys?: string[];
    }
  | {
      kind: 'external';
      issuer: string;
      clientId: string;
      clientSecret?: string;
      /** @default 'openid email profile' */
      scope?: string;
      /** Expected `aud` of access tokens. @default clientId */
      audience?: string;
    };

/** What the identity part needs. */
export interface PortalIdentityDeps {
  db: Database;
  options: IdentityOptions;
  sendMail: SendMail;
  scryptCost: ScryptCost;
  lifetimes: SessionLifetimes;
  trustProxy: boolean;
  loginRateLimit: RequestHandler;
  formBody: RequestHandler;
  checkSameOrigin: (req: Request) => void;
  invitationEmail: (token: string) => Promise<string | undefined>;
  onLogin: (principal: Principal) => Promise<void>;
}

/** The identity part of a portal. */
export interface PortalIdentity {
  /** Routes under `/oidc` (embedded only) and `/auth`. */
  router: Router;
  /** Prepares provider and relying party for the portal's public URL. */
  init(publicUrl: string): Promise<void>;
  resolvePrincipal(req: Request): Promise<Principal | undefined>;
  /** Accounts of the embedded provider (undefined with an external issuer). */
  accounts: AccountService | undefined;
  /** Deletes expired portal sessions; returns how many. */
  purgeExpiredSessions(): Promise<number>;
  /** The issuer URL (known after `init`). */
  issuer(): string;
  clientId: string;
}

/** Builds the identity part; `init(publicUrl)` must run before it serves requests. */
export function createPortalIdentity(deps: PortalIdentityDeps): PortalIdentity {
  const options = deps.options;
  const embedded = options.kind === 'embedded';
  const clientId = options.clientId ?? defaultClientId;
  const clientSecret = embedded
    ? (options.clientSecret ?? randomBytes(24).toString('base64url'))
    : options.clientSecret;
  const accounts = embedded
    ? createAccountService({ db: deps.db, sendMail: deps.sendMail, scryptCost: deps.scryptCost })
    : undefined;
  const sessions = createSessionStore(deps.db, deps.lifetimes);
  let state:
    | {
        publicUrl: string;
        issuer: string;
        provider?: Provider;
        rp: RelyingParty;
        verify: AccessTokenVerifier;
      }
    | undefined;
  const ready = () => {
    if (!state) throw new DependencyUnavailableError('Anmeldung (Portal startet noch)');
    return state;
  };

  const router = express.Router();
  if (embedded && accounts) {
    router.use(
      '/oidc',
      interactionRoutes({
        provider: () => ready().provider!,
        accounts,
        issuer: () => ready().issuer,
        invitationEmail: deps.invitationEmail,
        loginRateLimit: deps.loginRateLimit,
        formBody: deps.formBody,
      }),
    );
    router.use('/oidc', (req, res, next) => {
      const provider = state?.provider;
      if (!provider) return next(new DependencyUnavailableError('Identitätsanbieter'));
      return (provider.callback() as unknown as RequestHandler)(req, res, next);
    });
  }
  router.use(
    authRoutes({
      publicUrl: () => ready().publicUrl,
      secureCookies: () => ready().publicUrl.startsWith('https:'),
      relyingParty: () => ready().rp,
      verifyAccessToken: (token, via) => ready().verify(token, via),
      sessions,
      lifetimes: deps.lifetimes,
      loginRateLimit: deps.loginRateLimit,
      checkSameOrigin: deps.checkSameOrigin,
      onLogin: deps.onLogin,
    }),
  );

  return {
    router,
    accounts,
    clientId,
    issuer: () => ready().issuer,
    purgeExpiredSessions: () => sessions.purgeExpired(),
    async init(publicUrl) {
      const base = publicUrl.replace(/\/$/, '');
      const issuer = embedded ? `${base}/oidc` : options.issuer;
      const provider =
        embedded && accounts
          ? await createEmbeddedProvider(
              {
                issuer,
                clientId,
                clientSecret: clientSecret!,
                redirectUris: [`${base}${callbackPath}`],
                postLogoutRedirectUris: [`${base}/`],
                signingKey: options.signingKey,
                cookieKeys: options.cookieKeys,
                trustProxy: deps.trustProxy,
              },
              accounts,
            )
          : undefined;
      const rp = createRelyingParty({
        issuer,
        clientId,
        clientSecret,
        scope: embedded ? undefined : options.scope,
        redirectUri: `${base}${callbackPath}`,
        postLogoutRedirectUri: `${base}/`,
      });
      const verify = createAccessTokenVerifier({
        issuer,
        audience: embedded ? clientId : (options.audience ?? clientId),
        jwksUri: () => rp.jwksUri(),
      });
      state = { publicUrl: base, issuer, provider, rp, verify };
    },
    async resolvePrincipal(req) {
      const authorization = req.get('authorization');
      if (authorization !== undefined) {
        const match = /^Bearer\s+(\S+)$/i.exec(authorization);
        if (!match)
          throw new NotAuthenticatedError('Authorization-Header: erwartet "Bearer <token>"');
        return ready().verify(match[1]!, 'bearer');
      }
      const token = readCookie(req, sessionCookieName);
      if (!token) return undefined;
      const found = await sessions.find(token);
      if (!found) return undefined;
      const { idToken: _idToken, ...principal } = found;
      return principal;
    },
  };
}
