import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, logIn, readForm } from '../testing/browser-client.js';
import { startTestPortal, type TestPortal } from '../testing/test-portal.js';
import { demoUsers } from './demo-users.js';

const linkIn = (text: string) => /(https?:\/\/\S+)/.exec(text)?.[1] ?? '';

describe('self-registration and password reset at the embedded provider', () => {
  let p: TestPortal;
  beforeAll(async () => {
    p = await startTestPortal();
  });
  afterAll(() => p.close());

  it('registers, verifies the e-mail through the mailed link and then logs in', async () => {
    // given the registration page reached from the login page
    const browser = new BrowserClient();
    const login = await browser.get(`${p.url}/auth/login`);
    const registerHref = /href="([^"]*registrieren)"/.exec(login.text)?.[1];
    const registration = await browser.get(new URL(registerHref!, login.url).href);
    // when a person registers
    const sent = await browser.postForm(readForm(registration).action, {
      vorname: 'Rita',
      nachname: 'Registriert',
      email: 'Rita.Registriert@example.org',
      password: 'ein langer Satz als Passwort',
      password2: 'ein langer Satz als Passwort',
    });
    // then a verification mail goes out, and logging in before verifying fails
    expect(sent.text).toContain('Bitte bestätigen Sie Ihre Adresse');
    const mail = p.mails.find((m) => m.to === 'rita.registriert@example.org');
    expect(mail?.subject).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    const early = await logIn(
      new BrowserClient(),
      p.url,
      'rita.registriert@example.org',
      'ein langer Satz als Passwort',
    );
    expect(early.status).toBe(401);
    // when the link is followed
    const verified = await browser.get(linkIn(mail!.text));
    expect(verified.text).toContain('E-Mail-Adresse bestätigt');
    // then the login works, as an applicant
    const me = await logIn(
      new BrowserClient(),
      p.url,
      'rita.registriert@example.org',
      'ein langer Satz als Passwort',
    );
    expect(JSON.parse(me.text)).toMatchObject({ roles: ['applicant'], name: 'Rita Registriert' });
    // and the link works only once
    expect((await browser.get(linkIn(mail!.text))).status).toBe(404);
  });

  it('names every bad field of a registration and keeps what was typed', async () => {
    // given the registration page
    const browser = new BrowserClient();
    const login = await browser.get(`${p.url}/auth/login`);
    const page = await browser.get(
      new URL(/href="([^"]*registrieren)"/.exec(login.text)![1]!, login.url).href,
    );
    // when a form with a short password and no last name is sent
    const answer = await browser.postForm(readForm(page).action, {
      vorname: 'Kurt',
      nachname: '',
      email: 'kein-at-zeichen',
      password: 'kurz',
      password2: 'kurz',
    });
    // then each problem is named, announced, and marked at its field
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('role="alert"');
    expect(answer.text).toContain('Nachname: bitte angeben.');
    expect(answer.text).toContain('E-Mail-Adresse: bitte eine gültige Adresse angeben.');
    expect(answer.text).toContain('Passwort: mindestens 10 Zeichen.');
    expect(answer.text).toMatch(/id="nachname"[^>]*aria-invalid="true"/);
    expect(answer.text).toMatch(/id="vorname"[^>]*value="Kurt"/);
  });

  it('resets a forgotten password through the mailed link', async () => {
    // given a demo user who forgot the password
    const browser = new BrowserClient();
    const form = await browser.get(`${p.url}/oidc/konto/passwort-vergessen`);
    // when the reset is requested, the link followed and a new password set
    const answer = await browser.postForm(readForm(form).action, { email: demoUsers[4]!.email });
    expect(answer.text).toContain('Wenn es für diese Adresse ein Konto gibt');
    const mail = p.mails.filter((m) => m.to === demoUsers[4]!.email).at(-1);
    const resetPage = await browser.get(linkIn(mail!.text));
    const saved = await browser.postForm(readForm(resetPage).action, {
      password: 'ganz neues Passwort 1',
      password2: 'ganz neues Passwort 1',
    });
    expect(saved.text).toContain('Ihr neues Passwort ist gespeichert');
    // then the new password logs in
    const me = await logIn(
      new BrowserClient(),
      p.url,
      demoUsers[4]!.email,
      'ganz neues Passwort 1',
    );
    expect(JSON.parse(me.text)).toMatchObject({ roles: ['analyst'] });
  });

  it('answers a reset request for an unknown address exactly like a known one, and sends nothing', async () => {
    // given the reset form
    const browser = new BrowserClient();
    const before = p.mails.length;
    const form = await browser.get(`${p.url}/oidc/konto/passwort-vergessen`);
    // when an unknown address asks
    const answer = await browser.postForm(readForm(form).action, { email: 'niemand@example.org' });
    // then the answer does not reveal it, and no mail goes out
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Wenn es für diese Adresse ein Konto gibt');
    expect(p.mails.length).toBe(before);
  });
});
