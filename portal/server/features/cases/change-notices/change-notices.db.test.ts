/**
 * Filing an Änderungsmeldung against the real engine (a `now engine` process with the
 * `aenderungsmeldung` model): the changes land in the case's tables and the officer's review task
 * opens; a notice naming a point of another case is refused and writes nothing.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../../domain/index.js';
import { createSdkEngineClient } from '../../../engine-client/engine-client.js';
import { createSdkTaskClient } from '../../../engine-client/task-client.js';
import { demoPassword, demoUsers } from '../../../identity/demo-users.js';
import { BrowserClient, logIn } from '../../../testing/browser-client.js';
import {
  eventually,
  startEngineProcess,
  type EngineProcess,
} from '../../../testing/engine-process.js';
import { startTestPortal, type TestPortal } from '../../../testing/test-portal.js';

const applicant = demoUsers.find((u) => u.roles.includes('applicant'))!;
const officer = demoUsers.find((u) => u.roles.includes('case-officer'))!;

describe('filing a change notice', () => {
  let engine: EngineProcess;
  let p: TestPortal;
  let caseId: string;
  let browser: BrowserClient;
  let officerBrowser: BrowserClient;
  const file = (data: unknown) =>
    browser.json(`${p.url}/api/cases/${caseId}/aenderungsmeldungen`, 'POST', { data });

  beforeAll(async () => {
    engine = await startEngineProcess();
    await engine.deploy(
      'aenderungsmeldung.bpmn',
      await readFile(
        new URL('../../../../../processes/aenderungsmeldung.bpmn', import.meta.url),
        'utf8',
      ),
    );
    p = await startTestPortal({
      engine: createSdkEngineClient(engine.sdk),
      tasks: createSdkTaskClient(engine.sdk),
    });
    await seedDemo(p.t.db, { cases: 2 });
    const m = p.t.db.models;
    const fall = (await m.Foerderfall.findOne({ order: [['antragsnummer', 'ASC']] }))!;
    caseId = fall.id;
    const standort = await m.Standort.create({ foerderfallId: caseId, bezeichnung: 'Hof' });
    const gruppe = await m.Ladesaeulengruppe.create({
      standortId: standort.id,
      hersteller: 'Mennekes',
      modell: 'AMTRON',
      anzahlLadesaeulen: 1,
      ladepunkteProSaeule: 2,
      kwProLadepunkt: '11',
      stromart: 'AC',
      steckertypen: ['TYP2'],
    });
    for (const evseId of ['DE*LNS*E000123*1', 'DE*LNS*E000123*2'])
      await m.Ladepunkt.create({ ladesaeulengruppeId: gruppe.id, evseId, status: 'IN_BETRIEB' });
    const konto = await m.Konto.findOne({ where: { email: applicant.email } });
    const person = await m.Person.create({
      vorname: 'Anna',
      nachname: 'Antrag',
      email: applicant.email,
      oidcSubject: konto!.id,
    });
    await m.PersonFoerderfall.create({
      personId: person.id,
      foerderfallId: caseId,
      rolle: 'ANTRAGSTELLER',
    });
    browser = new BrowserClient();
    await logIn(browser, p.url, applicant.email, demoPassword);
    officerBrowser = new BrowserClient();
    await logIn(officerBrowser, p.url, officer.email, demoPassword);
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    await engine?.close();
  });

  it('refuses a point of another case and writes nothing', async () => {
    const before = await p.t.db.models.Betreiber.count();
    const answer = await file({
      aenderungsarten: ['BETREIBERWECHSEL', 'STILLLEGUNG'],
      wirksamAb: '2027-01-01',
      betreiberwechsel: { name: 'Ladenetz Sachsen GmbH', email: 'betrieb@example.org' },
      stilllegung: { anzahlLadepunkte: 1, evseIds: ['DE*XYZ*E999999*1'], grund: 'Unfallschaden.' },
    });
    expect(answer).toMatchObject({
      status: 400,
      body: { code: 'REQUEST_INVALID', errors: [{ path: '/body/data/stilllegung/evseIds/0' }] },
    });
    expect(await p.t.db.models.Betreiber.count()).toBe(before);
  });

  it('writes the new operator and the decommissioned points, and opens the officer’s review', async () => {
    // given the form's example: operator change and two decommissioned points from 2027-01-01
    const data = JSON.parse(
      await readFile(
        new URL('../../../../../forms/aenderungsmeldung.example.json', import.meta.url),
        'utf8',
      ),
    ) as unknown;
    // when the applicant files it
    const answer = await file(data);
    // then the case's locations have the new operator and the points are decommissioned
    expect(answer).toMatchObject({ status: 201, body: { changeNoticeId: expect.any(String) } });
    const m = p.t.db.models;
    const standort = await m.Standort.findOne({
      where: { foerderfallId: caseId, bezeichnung: 'Hof' },
    });
    const operator = await m.Betreiber.findByPk(standort!.betreiberId!);
    expect(operator).toMatchObject({ name: 'Ladenetz Sachsen GmbH', evseOperatorId: 'DE*LNS' });
    const points = await m.Ladepunkt.findAll({
      where: { evseId: ['DE*LNS*E000123*1', 'DE*LNS*E000123*2'] },
    });
    expect(points.map((pt) => [pt.status, pt.stilllegung])).toEqual([
      ['STILLGELEGT', '2027-01-01'],
      ['STILLGELEGT', '2027-01-01'],
    ]);
    // and the officer finds the review of this notice in the inbox
    await eventually(async () => {
      const tasks = await officerBrowser.json(`${p.url}/api/tasks`, 'GET');
      const items = (tasks.body as { items: { elementId: string }[] }).items;
      return items.some((t) => t.elementId === 'Task_ReviewChangeNotice') ? true : undefined;
    }, 'the change-notice review task');
    const audit = await m.AuditEvent.findOne({
      where: { aktion: 'aenderungsmeldung.eingereicht', foerderfallId: caseId },
    });
    expect(audit?.objektId).toBe((answer.body as { changeNoticeId: string }).changeNoticeId);
  });

  it('validates against the form and names the field', async () => {
    const answer = await file({ aenderungsarten: ['UNBEKANNT'] });
    expect(answer.status).toBe(400);
    expect((answer.body as { errors: { path: string }[] }).errors[0]!.path).toMatch(
      /^\/body\/data\/aenderungsarten/,
    );
  });
});
