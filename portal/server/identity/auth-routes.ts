/**
 * The portal's login, callback and logout endpoints (browser redirects, not JSON API):
 * `GET /auth/login?returnTo=/pfad` -> issuer -> `GET /auth/callback` -> `returnTo`;
 * `POST /auth/logout` ends the portal session and sends the browser to the issuer's logout.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { AccessTokenVerifier } from './access-token-verifier.js';
import type { RelyingParty } from './relying-party.js';
import {
  clearSessionCookie,
  readCookie,
  sessionCookieName,
  writeSessionCookie,
} from './session-cookie.js';
import type { SessionLifetimes, SessionStore } from './session-store.js';
import { NotAuthenticatedError } from '../http/portal-errors.js';
import type { Principal } from '../http/principal.js';

/** The path the issuer redirects back to. Keycloak's client must list `<publicUrl>` + this. */
export const callbackPath = '/auth/callback';

/** Only a path on the portal itself is a valid `returnTo` (no open redirect). */
export function safeReturnTo(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.includes('\\')
  )
    return '/';
  return value;
}

/** Dependencies of the auth routes. */
export interface AuthRouteDeps {
  publicUrl: () => string;
  secureCookies: () => boolean;
  relyingParty: () => RelyingParty;
  verifyAccessToken: AccessTokenVerifier;
  sessions: SessionStore;
  lifetimes: SessionLifetimes;
  loginRateLimit: RequestHandler;
  checkSameOrigin: (req: Request) => void;
  /** Called after every successful login (links the account to its person, records the login). */
  onLogin: (principal: Principal) => Promise<void>;
}

/** The router; mount at the root. */
export function authRoutes(deps: AuthRouteDeps): Router {
  const router = express.Router();
  const wrap =
    (handler: (req: Request, res: Response) => Promise<void>): RequestHandler =>
    (req, res, next) => {
      handler(req, res).catch(next);
    };

  router.get(
    '/auth/login',
    deps.loginRateLimit,
    wrap(async (req, res) => {
      const extra: Record<string, string> = {};
      if (typeof req.query.login_hint === 'string')
        extra.login_hint = req.query.login_hint.slice(0, 254);
      if (typeof req.query.einladung === 'string')
        extra.einladung = req.query.einladung.slice(0, 128);
      const { url, anmeldung } = await deps
        .relyingParty()
        .begin(safeReturnTo(req.query.returnTo), extra);
      const token = await deps.sessions.beginLogin(anmeldung);
      writeSessionCookie(res, token, {
        secure: deps.secureCookies(),
        maxAgeMs: deps.lifetimes.loginMs,
      });
      res.redirect(303, url.href);
    }),
  );

  router.get(
    callbackPath,
    wrap(async (req, res) => {
      const token = readCookie(req, sessionCookieName);
      const login = token ? await deps.sessions.findLogin(token) : undefined;
      if (!login)
        throw new NotAuthenticatedError('Keine Anmeldung im Gange; bitte erneut anmelden');
      const callbackUrl = new URL(req.originalUrl, deps.publicUrl());
      let tokens;
      try {
        tokens = await deps.relyingParty().finish(callbackUrl, login.anmeldung);
      } catch (cause) {
        throw Object.assign(new NotAuthenticatedError('Anmeldung fehlgeschlagen'), { cause });
      }
      const principal = await deps.verifyAccessToken(tokens.accessToken, 'session');
      const sessionToken = await deps.sessions.activate(login.id, principal, tokens.idToken);
      await deps.onLogin(principal);
      writeSessionCookie(res, sessionToken, {
        secure: deps.secureCookies(),
        maxAgeMs: deps.lifetimes.sessionMs,
      });
      res.redirect(303, login.anmeldung.returnTo);
    }),
  );

  router.post(
    '/auth/logout',
    wrap(async (req, res) => {
      const token = readCookie(req, sessionCookieName);
      let idToken: string | null = null;
      if (token) {
        deps.checkSameOrigin(req);
        idToken = (await deps.sessions.find(token))?.idToken ?? null;
        await deps.sessions.destroy(token);
      }
      clearSessionCookie(res, deps.secureCookies());
      const target = (await deps.relyingParty().endSessionUrl(idToken ?? undefined))?.href ?? '/';
      if (req.accepts(['html', 'json']) === 'json') res.json({ redirectTo: target });
      else res.redirect(303, target);
    }),
  );

  return router;
}
