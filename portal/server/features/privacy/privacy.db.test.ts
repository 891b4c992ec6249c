import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../domain/index.js';
import { demoPassword, demoUsers } from '../../identity/demo-users.js';
import { BrowserClient, logIn } from '../../testing/browser-client.js';
import { startTestPortal, type TestPortal } from '../../testing/test-portal.js';

const applicant = demoUsers.find((u) => u.roles.includes('applicant'))!;
const admin = demoUsers.find((u) => u.roles.includes('admin'))!;
type Report = {
  deleted: { table: string; rows: number }[];
  anonymised: { table: string; rows: number; columns: string[] }[];
  kept: { table: string; rows: number; until: string | null; reason: string }[];
};

describe('data protection', () => {
  let p: TestPortal;
  let caseId: string;
  let kontoId: string;
  let applicantBrowser: BrowserClient;
  let adminBrowser: BrowserClient;

  beforeAll(async () => {
    p = await startTestPortal();
    await seedDemo(p.t.db, { cases: 2 });
    const m = p.t.db.models;
    const fall = (await m.Foerderfall.findOne({ order: [['antragsnummer', 'ASC']] }))!;
    caseId = fall.id;
    await fall.update({ zweckbindungEnde: '2030-06-30' });
    const konto = await m.Konto.findOne({ where: { email: applicant.email } });
    kontoId = konto!.id;
    const person = await m.Person.create({
      anrede: 'FRAU',
      vorname: 'Anna',
      nachname: 'Antrag',
      email: applicant.email,
      telefon: '0351 1234567',
      oidcSubject: konto!.id,
    });
    await m.PersonFoerderfall.create({
      personId: person.id,
      foerderfallId: caseId,
      rolle: 'ANTRAGSTELLER',
    });
    await m.Entwurf.create({
      userTaskKey: '2251799813685249',
      subjekt: konto!.id,
      formId: 'stammdaten',
      daten: { ansprechperson: { telefon: '0351 1234567' } },
    });
    await m.GespeicherterFilter.create({
      subjekt: konto!.id,
      name: 'Meine Fristen',
      kriterien: {},
    });
    applicantBrowser = new BrowserClient();
    await logIn(applicantBrowser, p.url, applicant.email, demoPassword);
    adminBrowser = new BrowserClient();
    await logIn(adminBrowser, p.url, admin.email, demoPassword);
  });
  afterAll(() => p.close());

  it('gives a person everything held about them as JSON, without secrets, and audits it', async () => {
    // when the applicant downloads their data
    const answer = await applicantBrowser.json(`${p.url}/api/me/data`, 'GET');
    // then account, person, case with role, draft, filter, sessions and audit are there
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toContain('meine-daten.json');
    expect(answer.body).toMatchObject({
      rechtsgrundlage: 'Art. 15 DSGVO',
      konto: { email: applicant.email },
      personen: [{ email: applicant.email, telefon: '0351 1234567' }],
      faelle: [{ id: caseId, rollen: ['ANTRAGSTELLER'], zuwendungsempfaenger: expect.any(Object) }],
      entwuerfe: [{ formId: 'stammdaten' }],
      gespeicherteFilter: [{ name: 'Meine Fristen' }],
      sitzungen: [expect.objectContaining({ email: applicant.email })],
    });
    // and no password hash, token hash or session token leaves the platform
    const text = JSON.stringify(answer.body);
    for (const secret of ['passwortHash', 'tokenHash', 'idToken', 'speicherSchluessel'])
      expect(text).not.toContain(secret);
    expect(
      await p.t.db.models.AuditEvent.count({ where: { aktion: 'personendaten.auskunft' } }),
    ).toBe(1);
  });

  it('answers an erasure request as a dry run without changing anything', async () => {
    // when the admin asks what an erasure would do
    const answer = await adminBrowser.json(`${p.url}/api/admin/erasure-requests`, 'POST', {
      email: applicant.email,
      dryRun: true,
    });
    // then the report says what would go and what must stay until when, and nothing changed
    expect(answer.status).toBe(200);
    const report = answer.body as Report;
    expect(report.deleted).toEqual(
      expect.arrayContaining([
        { table: 'konto', rows: 1 },
        { table: 'entwurf', rows: 1 },
        { table: 'gespeicherter_filter', rows: 1 },
      ]),
    );
    expect(report.kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'foerderfall', rows: 1, until: '2040-06-30' }),
      ]),
    );
    expect(await p.t.db.models.Konto.count({ where: { email: applicant.email } })).toBe(1);
    expect(await p.t.db.models.Entwurf.count({ where: { subjekt: kontoId } })).toBe(1);
  });

  it('erases what the retention rules allow and keeps the funding record without contact details', async () => {
    // given a person without any case and an open invitation to them
    const m = p.t.db.models;
    await m.Person.create({ vorname: 'Dirk', nachname: 'Dienst', email: 'dirk@example.org' });
    // when the admin erases the applicant and that person
    const first = await adminBrowser.json(`${p.url}/api/admin/erasure-requests`, 'POST', {
      email: applicant.email,
    });
    const second = await adminBrowser.json(`${p.url}/api/admin/erasure-requests`, 'POST', {
      email: 'dirk@example.org',
    });
    // then the applicant's login, draft and filter are gone, the person stays without contact details
    expect(first.status).toBe(200);
    expect((first.body as Report).anonymised).toEqual([
      {
        table: 'person',
        rows: 1,
        columns: ['anrede', 'telefon', 'oidcSubject', 'letzteAnmeldungAm'],
      },
    ]);
    expect(await m.Konto.count({ where: { email: applicant.email } })).toBe(0);
    expect(await m.Entwurf.count({ where: { subjekt: kontoId } })).toBe(0);
    expect(await m.GespeicherterFilter.count({ where: { subjekt: kontoId } })).toBe(0);
    const kept = await m.Person.findOne({ where: { email: applicant.email } });
    expect(kept).toMatchObject({
      vorname: 'Anna',
      nachname: 'Antrag',
      telefon: null,
      anrede: null,
      oidcSubject: null,
    });
    expect(await m.PersonFoerderfall.count({ where: { personId: kept!.id } })).toBe(1);
    // and the person without a case is deleted entirely
    expect((second.body as Report).deleted).toEqual([{ table: 'person', rows: 1 }]);
    expect(await m.Person.count({ where: { email: 'dirk@example.org' } })).toBe(0);
    // and the request is audited without the erased address
    const audit = await m.AuditEvent.findAll({ where: { aktion: 'personendaten.loeschung' } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit.map((a) => a.toJSON()))).not.toContain(applicant.email);
    // and the erased login no longer opens a session
    expect((await applicantBrowser.json(`${p.url}/api/me`, 'GET')).status).toBe(401);
  });

  it('erases the drafts and sessions of a login at an external provider too', async () => {
    // given a person who logs in through Keycloak (no platform account), with a draft
    const m = p.t.db.models;
    await m.Person.create({
      vorname: 'Kira',
      nachname: 'Keycloak',
      email: 'kira@example.org',
      oidcSubject: 'keycloak-sub-4711',
    });
    await m.Entwurf.create({
      userTaskKey: '2251799813685301',
      subjekt: 'keycloak-sub-4711',
      formId: 'stammdaten',
      daten: {},
    });
    // when the admin erases her
    const answer = await adminBrowser.json(`${p.url}/api/admin/erasure-requests`, 'POST', {
      email: 'kira@example.org',
    });
    // then her draft and her person record are gone
    expect((answer.body as Report).deleted).toEqual(
      expect.arrayContaining([
        { table: 'entwurf', rows: 1 },
        { table: 'person', rows: 1 },
      ]),
    );
    expect(await m.Entwurf.count({ where: { subjekt: 'keycloak-sub-4711' } })).toBe(0);
  });

  it('lets only admins handle erasure requests and checks the address', async () => {
    const officerBrowser = new BrowserClient();
    await logIn(
      officerBrowser,
      p.url,
      demoUsers.find((u) => u.roles.includes('case-officer'))!.email,
      demoPassword,
    );
    const refused = await officerBrowser.json(`${p.url}/api/admin/erasure-requests`, 'POST', {
      email: 'x@example.org',
    });
    expect(refused.status).toBe(403);
    const bad = await adminBrowser.json(`${p.url}/api/admin/erasure-requests`, 'POST', {
      email: 'keine-adresse',
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { code: 'REQUEST_INVALID', errors: [{ path: '/body/email' }] },
    });
  });
});
