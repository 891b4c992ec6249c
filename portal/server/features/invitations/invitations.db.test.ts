import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../domain/index.js';
import type { EngineClient, EngineMessage } from '../../engine-client/engine-client.js';
import { demoPassword, demoUsers } from '../../identity/demo-users.js';
import { BrowserClient, logIn, readForm } from '../../testing/browser-client.js';
import { startTestPortal, type TestPortal } from '../../testing/test-portal.js';

const linkIn = (text: string) => /(https?:\/\/\S+\/einladung\/\S+)/.exec(text)?.[1] ?? '';
const admin = demoUsers.find((u) => u.roles.includes('admin'))!;
const demoApplicant = demoUsers.find((u) => u.roles.includes('applicant'))!;

describe('registration with an invitation', () => {
  let p: TestPortal;
  const published: EngineMessage[] = [];
  let caseId: string;
  let otherCaseId: string;
  let adminBrowser: BrowserClient;

  beforeAll(async () => {
    const engine: EngineClient = {
      topology: async () => ({}),
      publishMessage: async (message) => {
        published.push(message);
      },
      close: async () => undefined,
    };
    p = await startTestPortal({ engine });
    await seedDemo(p.t.db, { cases: 3 });
    const cases = await p.t.db.models.Foerderfall.findAll({ order: [['antragsnummer', 'ASC']] });
    caseId = cases[0]!.id;
    otherCaseId = cases[1]!.id;
    adminBrowser = new BrowserClient();
    await logIn(adminBrowser, p.url, admin.email, demoPassword);
  });
  afterAll(() => p.close());

  /** An admin invites `email` as `rolle`; returns the link from the mail. */
  async function invite(browser: BrowserClient, toCase: string, email: string, rolle: string) {
    const answer = await browser.json(`${p.url}/api/cases/${toCase}/invitations`, 'POST', {
      email,
      rolle,
    });
    expect(answer.status).toBe(201);
    return linkIn(p.mails.filter((m) => m.to === email).at(-1)!.text);
  }

  /** Follows an invitation link in a fresh browser, registers, accepts; returns the browser. */
  async function registerThrough(link: string, vorname: string, nachname: string) {
    const browser = new BrowserClient();
    const login = await browser.get(link);
    const registerHref = /href="([^"]*registrieren)"/.exec(login.text)![1]!;
    const registration = await browser.get(new URL(registerHref, login.url).href);
    const form = readForm(registration);
    const accept = await browser.postForm(form.action, {
      vorname,
      nachname,
      email: form.fields.email!,
      password: 'mein neues Passwort',
      password2: 'mein neues Passwort',
    });
    return { browser, registration, accept };
  }

  it('registers the invited applicant with the e-mail prefilled and verified, links the case and tells the process', async () => {
    // given an invitation of a new applicant to a case
    const link = await invite(
      adminBrowser,
      caseId,
      'neue.antragstellerin@example.org',
      'ANTRAGSTELLER',
    );
    expect(link).toMatch(new RegExp(`^${p.url}/einladung/[A-Za-z0-9_-]{43}$`));
    // when she follows the link and registers
    const { browser, registration, accept } = await registerThrough(link, 'Nora', 'Neu');
    // then the address came from the invitation and needed no separate verification mail
    expect(registration.text).toMatch(
      /id="email"[^>]*readonly[^>]*value="neue.antragstellerin@example.org"/,
    );
    expect(p.mails.filter((m) => m.to === 'neue.antragstellerin@example.org')).toHaveLength(1);
    // and after accepting she is linked to the case
    expect(accept.text).toContain('Einladung annehmen');
    const done = await browser.postForm(readForm(accept).action, {});
    expect(done.chain).toContain(`${p.url}/faelle/${caseId}`);
    const peopleAnswer = await browser.json(`${p.url}/api/cases/${caseId}/people`, 'GET');
    expect(peopleAnswer.status).toBe(200);
    expect(
      (peopleAnswer.body as { people: { email: string; rolle: string }[] }).people,
    ).toContainEqual(
      expect.objectContaining({
        email: 'neue.antragstellerin@example.org',
        rolle: 'ANTRAGSTELLER',
      }),
    );
    // and the foerderfall process got applicant-registered for the case
    expect(published).toContainEqual(
      expect.objectContaining({ name: 'applicant-registered', correlationKey: caseId }),
    );
    // and the link cannot be used a second time by someone else
    const stranger = new BrowserClient();
    await logIn(stranger, p.url, demoApplicant.email, demoPassword);
    expect((await stranger.get(link)).status).toBe(404);
  });

  it('lets a linked applicant invite a Bevollmächtigte, see her, and remove her again', async () => {
    // given the applicant of the case, logged in
    const link = await invite(adminBrowser, caseId, 'inhaber@example.org', 'ANTRAGSTELLER');
    const { browser: owner, accept } = await registerThrough(link, 'Otto', 'Inhaber');
    await owner.postForm(readForm(accept).action, {});
    // when the applicant invites a representative who registers and accepts
    const proxyLink = await invite(owner, caseId, 'vertretung@example.org', 'BEVOLLMAECHTIGTER');
    const { browser: proxy, accept: proxyAccept } = await registerThrough(
      proxyLink,
      'Vera',
      'Vertretung',
    );
    await proxy.postForm(readForm(proxyAccept).action, {});
    // then the representative sees the case
    expect((await proxy.json(`${p.url}/api/cases/${caseId}/people`, 'GET')).status).toBe(200);
    // and no applicant-registered message was sent for her
    expect(published.filter((m) => m.correlationKey === caseId)).toHaveLength(2);
    // when the applicant removes her
    const list = (await owner.json(`${p.url}/api/cases/${caseId}/people`, 'GET')).body as {
      people: { linkId: string; email: string }[];
    };
    const link2 = list.people.find((x) => x.email === 'vertretung@example.org')!;
    expect(
      (await owner.json(`${p.url}/api/cases/${caseId}/people/${link2.linkId}`, 'DELETE')).status,
    ).toBe(204);
    // then the case is gone for her, as if it never existed
    const after = await proxy.json(`${p.url}/api/cases/${caseId}/people`, 'GET');
    expect(after.status).toBe(404);
    expect(after.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps applicants to their own cases and their own powers', async () => {
    // given an applicant linked to one case only
    const link = await invite(adminBrowser, caseId, 'begrenzt@example.org', 'ANTRAGSTELLER');
    const { browser, accept } = await registerThrough(link, 'Bea', 'Begrenzt');
    await browser.postForm(readForm(accept).action, {});
    // when she asks for another case, a case that does not exist, or invites an Antragsteller
    const foreign = await browser.json(`${p.url}/api/cases/${otherCaseId}/people`, 'GET');
    const missing = await browser.json(
      `${p.url}/api/cases/00000000-0000-4000-8000-000000000000/people`,
      'GET',
    );
    const tooMuch = await browser.json(`${p.url}/api/cases/${caseId}/invitations`, 'POST', {
      email: 'x@example.org',
      rolle: 'ANTRAGSTELLER',
    });
    // then someone else's case looks exactly like a missing one, and the role is refused
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: 'NOT_FOUND', detail: 'Förderfall nicht gefunden' });
    expect(tooMuch.status).toBe(403);
  });

  it('refuses a withdrawn invitation link', async () => {
    // given an invitation that the admin withdrew
    const link = await invite(adminBrowser, caseId, 'zurueck@example.org', 'DIENSTLEISTER');
    const list = (await adminBrowser.json(`${p.url}/api/cases/${caseId}/people`, 'GET')).body as {
      invitations: { id: string; email: string }[];
    };
    const open = list.invitations.find((i) => i.email === 'zurueck@example.org')!;
    expect(
      (await adminBrowser.json(`${p.url}/api/cases/${caseId}/invitations/${open.id}`, 'DELETE'))
        .status,
    ).toBe(204);
    // when the link is followed
    const page = await new BrowserClient().get(link);
    // then it says so
    expect(page.status).toBe(404);
    expect(page.text).toContain('Einladungslink ist ungültig');
  });

  it.each([
    ['an invalid e-mail', { email: 'kein-at', rolle: 'DIENSTLEISTER' }, '/body/email'],
    ['an unknown role', { email: 'a@example.org', rolle: 'CHEF' }, '/body/rolle'],
  ])('names the field of an invitation with %s', async (_case, body, path) => {
    const answer = await adminBrowser.json(
      `${p.url}/api/cases/${caseId}/invitations`,
      'POST',
      body,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'REQUEST_INVALID',
      errors: [expect.objectContaining({ path })],
    });
  });
});
