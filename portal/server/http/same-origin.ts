/**
 * CSRF defence for cookie sessions: the session cookie is `SameSite=Lax` (a cross-site POST does
 * not carry it), and every state-changing request made with the cookie must name the portal's
 * own origin in `Origin` (or, failing that, `Referer`). API bodies are JSON only, which a form on
 * another site cannot send without a CORS preflight that the portal never grants. Bearer-token
 * clients are not affected: a browser never adds the token by itself.
 */
import type { Request } from 'express';
import { CrossOriginRequestError } from './portal-errors.js';

/** A check that throws unless `req` comes from `publicOrigin`. */
export function sameOriginCheck(publicOrigin: string): (req: Request) => void {
  return (req) => {
    const origin = req.get('origin');
    if (origin !== undefined && origin !== 'null') {
      if (origin === publicOrigin) return;
      throw new CrossOriginRequestError();
    }
    const referer = req.get('referer');
    if (referer) {
      try {
        if (new URL(referer).origin === publicOrigin) return;
      } catch {
        // An unparsable Referer counts as foreign.
      }
    }
    throw new CrossOriginRequestError();
  };
}
