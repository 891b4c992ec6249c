import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../domain/index.js';
import { demoPassword, demoUsers } from '../../identity/demo-users.js';
import { BrowserClient, logIn } from '../../testing/browser-client.js';
import { startTestPortal, type TestPortal } from '../../testing/test-portal.js';

const officer = demoUsers.find((u) => u.roles.includes('case-officer'))!;
const admin = demoUsers.find((u) => u.roles.includes('admin'))!;
const applicant = demoUsers.find((u) => u.roles.includes('applicant'))!;
type Trail = {
  items: { akteur: string | null; aktion: string; objektId: string }[];
  total: number;
};

describe('audit trail of a case', () => {
  let p: TestPortal;
  let caseId: string;
  let otherCase: string;
  let officerBrowser: BrowserClient;

  beforeAll(async () => {
    p = await startTestPortal();
    await seedDemo(p.t.db, { cases: 2 });
    const cases = await p.t.db.models.Foerderfall.findAll({ order: [['antragsnummer', 'ASC']] });
    caseId = cases[0]!.id;
    otherCase = cases[1]!.id;
    officerBrowser = new BrowserClient();
    await logIn(officerBrowser, p.url, officer.email, demoPassword);
  });
  afterAll(() => p.close());

  it('shows an admin who read the case, newest first, and nothing of other cases', async () => {
    // given an officer who opened the case twice and another case once
    await officerBrowser.json(`${p.url}/api/cases/${caseId}`, 'GET');
    await officerBrowser.json(`${p.url}/api/cases/${caseId}`, 'GET');
    await officerBrowser.json(`${p.url}/api/cases/${otherCase}`, 'GET');
    // when an admin reads the trail of the first case
    const adminBrowser = new BrowserClient();
    await logIn(adminBrowser, p.url, admin.email, demoPassword);
    const answer = await adminBrowser.json(
      `${p.url}/api/cases/${caseId}/audit?aktion=foerderfall.read`,
      'GET',
    );
    // then both reads are there, named by the officer's login, and only this case's
    expect(answer.status).toBe(200);
    const trail = answer.body as Trail;
    expect(trail.total).toBe(2);
    expect(trail.items).toEqual([
      expect.objectContaining({
        akteur: officer.email,
        aktion: 'foerderfall.read',
        objektId: caseId,
      }),
      expect.objectContaining({
        akteur: officer.email,
        aktion: 'foerderfall.read',
        objektId: caseId,
      }),
    ]);
  });

  it('pages the trail', async () => {
    const page = await officerBrowser.json(`${p.url}/api/cases/${caseId}/audit?limit=1`, 'GET');
    expect((page.body as Trail).items).toHaveLength(1);
    expect((page.body as Trail).total).toBeGreaterThanOrEqual(2);
  });

  it('is not shown to applicants, and an unknown case is not found', async () => {
    const applicantBrowser = new BrowserClient();
    await logIn(applicantBrowser, p.url, applicant.email, demoPassword);
    expect((await applicantBrowser.json(`${p.url}/api/cases/${caseId}/audit`, 'GET')).status).toBe(
      403,
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await officerBrowser.json(`${p.url}/api/cases/${missing}/audit`, 'GET')).status).toBe(
      404,
    );
  });
});
