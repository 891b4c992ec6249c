import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, logIn, readForm } from '../testing/browser-client.js';
import { accessTokenFor } from '../testing/api-token.js';
import { startTestPortal, type TestPortal } from '../testing/test-portal.js';
import { demoPassword, demoUsers } from './demo-users.js';

const testClientSecret = 'test-client-secret';

describe('login through the OIDC authorization code flow with the embedded provider', () => {
  let p: TestPortal;
  beforeAll(async () => {
    p = await startTestPortal({ identity: { kind: 'embedded', clientSecret: testClientSecret } });
  });
  afterAll(() => p.close());

  it.each(demoUsers.map((user) => [user.roles[0], user.email] as const))(
    'logs in the %s demo user and shows their role',
    async (role, email) => {
      // given a fresh browser
      const browser = new BrowserClient();
      // when the person logs in through the login page
      const page = await logIn(browser, p.url, email, demoPassword);
      // then the redirect chain went through the provider and back to the portal with a session
      expect(page.chain.some((url) => url.includes('/oidc/auth'))).toBe(true);
      expect(page.chain.some((url) => url.includes('/auth/callback'))).toBe(true);
      expect(page.status).toBe(200);
      expect(JSON.parse(page.text)).toMatchObject({
        email,
        roles: [role],
        authenticatedBy: 'session',
      });
    },
  );

  it('refuses a wrong password on the login page and creates no session', async () => {
    // given the login form
    const browser = new BrowserClient();
    const form = await browser.get(`${p.url}/auth/login`);
    // when a wrong password is posted
    const answer = await browser.postForm(readForm(form).action, {
      email: demoUsers[0]!.email,
      password: 'falsch-falsch',
    });
    // then the form comes back with an announced error and /api/me stays closed
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('role="alert"');
    expect(answer.text).toContain('E-Mail-Adresse oder Passwort ist falsch');
    const me = await browser.json(`${p.url}/api/me`, 'GET');
    expect(me.status).toBe(401);
    expect(me.body).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });

  it('sets the session cookie HttpOnly and SameSite=Lax (not Secure over plain http)', async () => {
    // given a logged-in browser
    const browser = new BrowserClient();
    await logIn(browser, p.url, demoUsers[1]!.email, demoPassword);
    // when its session cookie is inspected
    const cookie = browser.cookies.get('now_session');
    // then it carries the flags
    expect(cookie?.attributes).toMatch(/HttpOnly/i);
    expect(cookie?.attributes).toMatch(/SameSite=Lax/i);
    expect(cookie?.attributes).not.toMatch(/Secure/i);
  });

  it('ends the session on logout, at the portal and at the provider', async () => {
    // given a logged-in browser
    const browser = new BrowserClient();
    await logIn(browser, p.url, demoUsers[2]!.email, demoPassword);
    // when it logs out and confirms at the provider
    const confirm = await browser.request(`${p.url}/auth/logout`, {
      method: 'POST',
      headers: { origin: p.url, accept: 'text/html' },
    });
    expect(confirm.text).toContain('Möchten Sie sich vom Förderportal abmelden?');
    const { action, fields } = readForm(confirm);
    const done = await browser.postForm(action, { ...fields, logout: 'yes' });
    // then it lands on the portal's start page and /api/me is closed
    expect(done.chain.at(-1)).toBe(`${p.url}/`);
    expect((await browser.json(`${p.url}/api/me`, 'GET')).status).toBe(401);
  });

  it('accepts the access token as a bearer token and rejects a forged one', async () => {
    // given an access token issued by the embedded provider (taken from a real login)
    const token = await accessTokenFor(p.url, testClientSecret, demoUsers[3]!.email, demoPassword);
    // when an API client calls with it, and with a tampered copy
    const ok = await fetch(`${p.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    const forged = await fetch(`${p.url}/api/me`, {
      headers: { authorization: `Bearer ${token.slice(0, -4)}AAAA` },
    });
    // then the first is the admin, the second is refused
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ roles: ['admin'], authenticatedBy: 'bearer' });
    expect(forged.status).toBe(401);
  });

  it('does not redirect anywhere but the portal after login (no open redirect)', async () => {
    // given a login asked to return to another site
    const browser = new BrowserClient();
    const form = await browser.get(
      `${p.url}/auth/login?returnTo=${encodeURIComponent('//evil.example/x')}`,
    );
    // when the person logs in
    const page = await browser.postForm(readForm(form).action, {
      email: demoUsers[0]!.email,
      password: demoPassword,
    });
    // then the browser ends on the portal's own root
    expect(page.chain.at(-1)).toBe(`${p.url}/`);
  });
});
