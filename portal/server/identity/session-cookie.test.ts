import express from 'express';
import { describe, expect, it } from 'vitest';
import {
  clearSessionCookie,
  readCookie,
  sessionCookieName,
  writeSessionCookie,
} from './session-cookie.js';

/** Serves one response that sets (or clears) the cookie, and returns its Set-Cookie header. */
async function setCookieHeader(secure: boolean, clear = false): Promise<string> {
  const app = express();
  app.get('/', (_req, res) => {
    if (clear) clearSessionCookie(res, secure);
    else writeSessionCookie(res, 'token-value', { secure, maxAgeMs: 60_000 });
    res.end();
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as { port: number };
    return (await fetch(`http://127.0.0.1:${port}/`)).headers.get('set-cookie') ?? '';
  } finally {
    server.close();
  }
}

describe('the session cookie', () => {
  it.each([
    ['https', true],
    ['plain http', false],
  ])(
    'is HttpOnly, SameSite=Lax, Path=/ and Secure exactly when the portal is served over %s',
    async (_case, secure) => {
      const header = await setCookieHeader(secure);
      expect(header).toMatch(new RegExp(`^${sessionCookieName}=token-value;`));
      expect(header).toMatch(/HttpOnly/);
      expect(header).toMatch(/SameSite=Lax/);
      expect(header).toMatch(/Path=\//);
      expect(/;\s*Secure/i.test(header)).toBe(secure);
    },
  );

  it('is cleared with the same flags', async () => {
    const header = await setCookieHeader(true, true);
    expect(header).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(header).toMatch(/Secure/);
  });

  it('is read from a Cookie header among others, and a malformed value is ignored', () => {
    const req = (cookie: string) => ({ headers: { cookie } }) as never;
    expect(readCookie(req(`a=1; ${sessionCookieName}=abc; b=2`), sessionCookieName)).toBe('abc');
    expect(readCookie(req(`${sessionCookieName}=%E0%A4%A`), sessionCookieName)).toBeUndefined();
    expect(readCookie(req('a=1'), sessionCookieName)).toBeUndefined();
  });
});
