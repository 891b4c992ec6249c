/**
 * The session cookie: `HttpOnly`, `SameSite=Lax` (the redirect back from the identity provider
 * is a top-level GET, which Lax allows; cross-site POSTs carry no cookie), `Secure` when the
 * portal is served over https, `Path=/`.
 */
import type { Request, Response } from 'express';

export const sessionCookieName = 'now_session';

/** The value of cookie `name` in the request, if any (no cookie-parser needed for one cookie). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Sets the session cookie. */
export function writeSessionCookie(
  res: Response,
  token: string,
  options: { secure: boolean; maxAgeMs: number },
): void {
  res.cookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: options.maxAgeMs,
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(sessionCookieName, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
