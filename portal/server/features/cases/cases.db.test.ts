import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../domain/index.js';
import { demoPassword, demoUsers } from '../../identity/demo-users.js';
import { BrowserClient, logIn } from '../../testing/browser-client.js';
import { startTestPortal, type TestPortal } from '../../testing/test-portal.js';

const applicant = demoUsers.find((u) => u.roles.includes('applicant'))!;
const officer = demoUsers.find((u) => u.roles.includes('case-officer'))!;
type Summary = { id: string; antragsnummer: string; reportingId: string | null; status: string };

describe('case views', () => {
  let p: TestPortal;
  let own: { id: string; antragsnummer: string };
  let applicantBrowser: BrowserClient;
  let officerBrowser: BrowserClient;

  beforeAll(async () => {
    p = await startTestPortal();
    await seedDemo(p.t.db, { cases: 6 });
    const cases = await p.t.db.models.Foerderfall.findAll({ order: [['antragsnummer', 'ASC']] });
    own = cases[0]!;
    const konto = await p.t.db.models.Konto.findOne({ where: { email: applicant.email } });
    const person = await p.t.db.models.Person.create({
      vorname: 'Anna',
      nachname: 'Antrag',
      email: applicant.email,
      oidcSubject: konto!.id,
    });
    await p.t.db.models.PersonFoerderfall.create({
      personId: person.id,
      foerderfallId: own.id,
      rolle: 'ANTRAGSTELLER',
    });
    applicantBrowser = new BrowserClient();
    await logIn(applicantBrowser, p.url, applicant.email, demoPassword);
    officerBrowser = new BrowserClient();
    await logIn(officerBrowser, p.url, officer.email, demoPassword);
  });
  afterAll(() => p.close());

  it("lists an applicant's own cases only", async () => {
    const mine = await applicantBrowser.json(`${p.url}/api/cases/mine`, 'GET');
    expect(mine.status).toBe(200);
    expect((mine.body as Summary[]).map((c) => c.id)).toEqual([own.id]);
  });

  it('finds cases for an officer by part of the Antragsnummer', async () => {
    const found = await officerBrowser.json(
      `${p.url}/api/cases?q=${own.antragsnummer.slice(-6)}`,
      'GET',
    );
    expect(found.status).toBe(200);
    expect((found.body as { items: Summary[] }).items.map((c) => c.antragsnummer)).toContain(
      own.antragsnummer,
    );
    const all = await officerBrowser.json(`${p.url}/api/cases?limit=2`, 'GET');
    expect(all.body).toMatchObject({ total: 6 });
    expect((all.body as { items: Summary[] }).items).toHaveLength(2);
  });

  it('shows the detail of a case and records every read in the audit trail', async () => {
    // given an officer
    const before = await p.t.db.models.AuditEvent.count({
      where: { aktion: 'foerderfall.read', objektId: own.id },
    });
    // when the officer opens the case
    const detail = await officerBrowser.json(`${p.url}/api/cases/${own.id}`, 'GET');
    // then the master data and locations are there, and the read is audited
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: own.id,
      antragsnummer: own.antragsnummer,
      standorte: expect.any(Array),
    });
    const after = await p.t.db.models.AuditEvent.count({
      where: { aktion: 'foerderfall.read', objektId: own.id },
    });
    expect(after).toBe(before + 1);
  });

  it("records an officer's read of the people on a case in the audit trail", async () => {
    // given the reads of the case's people recorded so far
    const reads = () =>
      p.t.db.models.AuditEvent.count({
        where: { aktion: 'foerderfall.personen.read', foerderfallId: own.id },
      });
    const before = await reads();
    // when the officer and the applicant list the people on the case
    const forOfficer = await officerBrowser.json(`${p.url}/api/cases/${own.id}/people`, 'GET');
    const forApplicant = await applicantBrowser.json(`${p.url}/api/cases/${own.id}/people`, 'GET');
    // then both see them, and the officer's read is in the audit trail
    expect(forOfficer.status).toBe(200);
    expect((forOfficer.body as { people: { email: string }[] }).people).toContainEqual(
      expect.objectContaining({ email: applicant.email, rolle: 'ANTRAGSTELLER' }),
    );
    expect(forApplicant.status).toBe(200);
    expect(await reads()).toBe(before + 1);
  });

  it('rejects an unknown status filter naming the parameter', async () => {
    const answer = await officerBrowser.json(`${p.url}/api/cases?status=ERFUNDEN`, 'GET');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      errors: [expect.objectContaining({ path: '/query/status' })],
    });
  });
});

describe('the demo applicant', () => {
  it('sees demo cases of their own once demo data and demo users are seeded', async () => {
    // given a portal whose database holds the demo data set
    const p = await startTestPortal();
    try {
      await seedDemo(p.t.db, { cases: 8 });
      // when the demo users are seeded (as `now start` does after the demo data)
      await p.portal.seedDemoUsers();
      await p.portal.seedDemoUsers();
      // then the demo applicant's dashboard lists cases, the same ones after a second seeding
      const browser = new BrowserClient();
      await logIn(browser, p.url, applicant.email, demoPassword);
      const mine = await browser.json(`${p.url}/api/cases/mine`, 'GET');
      expect((mine.body as Summary[]).length).toBeGreaterThan(0);
      expect((mine.body as Summary[]).length).toBeLessThanOrEqual(3);
    } finally {
      await p.close();
    }
  });
});
