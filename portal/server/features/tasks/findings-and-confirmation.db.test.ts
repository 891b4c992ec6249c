/**
 * Review findings and the completion confirmation in the domain tables, against the real
 * embedded engine (a `now engine` process reached through `@camunda8/sdk`) and logged in through
 * the OIDC redirect flow: the officer's findings land in `pruefbefund` once however often a
 * completion is retried, a later approval resolves them, case detail and the applicant's data
 * export show them, and the confirmation is stored and read back into a later confirmation task.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../domain/index.js';
import { createSdkTaskClient, type TaskClient } from '../../engine-client/task-client.js';
import { demoPassword, demoUsers } from '../../identity/demo-users.js';
import { BrowserClient, logIn } from '../../testing/browser-client.js';
import {
  eventually,
  startEngineProcess,
  type EngineProcess,
} from '../../testing/engine-process.js';
import { startTestPortal, type TestPortal } from '../../testing/test-portal.js';
import { userTaskModel } from '../../testing/user-task-model.js';

const applicant = demoUsers.find((u) => u.roles.includes('applicant'))!;
const officer = demoUsers.find((u) => u.roles.includes('case-officer'))!;
const example = async (form: string) =>
  JSON.parse(
    await readFile(new URL(`../../../../forms/${form}.example.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

type Finding = { feld: string; code: string; status: string; prueferSubjekt?: string };

describe('review findings and completion confirmation in the domain tables', () => {
  let engine: EngineProcess;
  let p: TestPortal;
  let caseId: string;
  let applicantBrowser: BrowserClient;
  let officerBrowser: BrowserClient;
  /** Set to make the next completion reach the engine not at all (as if it did not answer). */
  let failNextCompletion = false;

  async function openTask(processId: string, variables: Record<string, unknown>) {
    const instance = await engine.startInstance(processId, variables);
    return eventually(async () => {
      const found = await engine.rest().searchUserTasks({
        filter: { processInstanceKey: instance, state: 'CREATED' },
      } as never);
      return found.items[0]?.userTaskKey;
    }, `the user task of ${processId}`);
  }
  const complete = (browser: BrowserClient, key: string, data: unknown) =>
    browser.json(`${p.url}/api/tasks/${key}/completion`, 'POST', { data });
  const findingsIn = async (browser: BrowserClient) =>
    ((await browser.json(`${p.url}/api/cases/${caseId}`, 'GET')).body as { befunde: Finding[] })
      .befunde;

  beforeAll(async () => {
    engine = await startEngineProcess();
    await engine.deploy(
      'abschlussbestaetigung-task.bpmn',
      userTaskModel({
        processId: 'abschlussbestaetigung-task',
        formId: 'abschlussbestaetigung',
        candidateGroups: '=["case:" + caseId]',
      }),
    );
    await engine.deploy(
      'bericht-pruefung-task.bpmn',
      userTaskModel({
        processId: 'bericht-pruefung-task',
        formId: 'bericht-pruefung',
        candidateGroups: 'case-officer',
      }),
    );
    await engine.deploy(
      'pruefung-task.bpmn',
      userTaskModel({
        processId: 'pruefung-task',
        formId: 'pruefung',
        candidateGroups: 'case-officer',
      }),
    );
    const real = createSdkTaskClient(engine.sdk);
    // The engine is real; only a lost answer to one completion is staged, the failure a retry
    // exists for.
    const tasks: TaskClient = {
      ...real,
      async complete(key, variables) {
        if (failNextCompletion) {
          failNextCompletion = false;
          throw new Error('the engine did not answer');
        }
        return real.complete(key, variables);
      },
    };
    p = await startTestPortal({ tasks });
    await seedDemo(p.t.db, { cases: 1 });
    caseId = (await p.t.db.models.Foerderfall.findOne())!.id;
    const konto = await p.t.db.models.Konto.findOne({ where: { email: applicant.email } });
    const person = await p.t.db.models.Person.create({
      vorname: 'Anna',
      nachname: 'Antrag',
      email: applicant.email,
      oidcSubject: konto!.id,
    });
    await p.t.db.models.PersonFoerderfall.create({
      personId: person.id,
      foerderfallId: caseId,
      rolle: 'ANTRAGSTELLER',
    });
    applicantBrowser = new BrowserClient();
    await logIn(applicantBrowser, p.url, applicant.email, demoPassword);
    officerBrowser = new BrowserClient();
    await logIn(officerBrowser, p.url, officer.email, demoPassword);
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    await engine?.close();
  });

  it('keeps an officer’s findings once when the completion is retried, and shows them open', async () => {
    // given a review asking for rework with one finding, whose first completion gets no answer
    const key = await openTask('pruefung-task', { caseId });
    const data = await example('pruefung');
    failNextCompletion = true;
    expect((await complete(officerBrowser, key, data)).status).not.toBe(200);
    // when the officer submits again
    expect((await complete(officerBrowser, key, data)).status).toBe(200);
    // then the case has the finding once, open, named with its field, code and officer
    const stored = await p.t.db.models.Pruefbefund.findAll({ where: { foerderfallId: caseId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      userTaskKey: key,
      entscheidung: 'rework',
      feld: 'ladesaeulengruppen/0/kwProLadepunkt',
      code: 'GROUP_KW_ABOVE_LIMIT',
      erledigtAm: null,
    });
    expect(await findingsIn(officerBrowser)).toEqual([
      expect.objectContaining({
        feld: 'ladesaeulengruppen/0/kwProLadepunkt',
        code: 'GROUP_KW_ABOVE_LIMIT',
        status: 'OFFEN',
        prueferSubjekt: expect.any(String),
      }),
    ]);
  });

  it('shows the applicant the findings on their case without the officer’s login', async () => {
    // when the applicant opens the case and downloads their data
    const inDetail = await findingsIn(applicantBrowser);
    const exported = (await applicantBrowser.json(`${p.url}/api/me/data`, 'GET')).body as {
      befunde: Finding[];
    };
    // then both hold the finding, neither the officer's login
    for (const findings of [inDetail, exported.befunde]) {
      expect(findings).toEqual([
        expect.objectContaining({ code: 'GROUP_KW_ABOVE_LIMIT', status: 'OFFEN' }),
      ]);
      expect(findings[0]).not.toHaveProperty('prueferSubjekt');
    }
  });

  it('resolves the open findings when a later review approves', async () => {
    // given a second review of the case
    const key = await openTask('pruefung-task', { caseId });
    // when the officer approves
    const approval = {
      decision: 'approve',
      pruefpunkte: { stammdatenGeprueft: true, standortGeprueft: true, nachweiseGeprueft: true },
    };
    expect((await complete(officerBrowser, key, approval)).status).toBe(200);
    // then the earlier finding is resolved by this review, and still shown
    const [finding] = await p.t.db.models.Pruefbefund.findAll({ where: { foerderfallId: caseId } });
    expect(finding).toMatchObject({ erledigtDurchUserTaskKey: key, erledigtAm: expect.any(Date) });
    expect(await findingsIn(officerBrowser)).toEqual([
      expect.objectContaining({ code: 'GROUP_KW_ABOVE_LIMIT', status: 'ERLEDIGT' }),
    ]);
  });

  it('ties a report review’s findings to its period and report, and only that review’s approval resolves them', async () => {
    // given a submitted usage report of a period of the case
    const m = p.t.db.models;
    const period = await m.Berichtszeitraum.create({
      foerderfallId: caseId,
      von: '2031-01-01',
      bis: '2031-12-31',
      frist: '2032-03-31',
      status: 'EINGEREICHT',
    });
    const standort = await m.Standort.create({ foerderfallId: caseId, bezeichnung: 'Depot' });
    const report = await m.Nutzungsbericht.create({
      berichtszeitraumId: period.id,
      standortId: standort.id,
    });
    const variables = { caseId, periodId: period.id, reportId: report.id };
    // when the officer asks for rework of the report
    const rework = await openTask('bericht-pruefung-task', variables);
    const befunde = [
      {
        feld: 'energieKwh',
        code: 'ENERGY_IMPLAUSIBLE',
        begruendung: 'Die Energiemenge ist für zwei Ladepunkte zu hoch.',
      },
    ];
    expect((await complete(officerBrowser, rework, { decision: 'rework', befunde })).status).toBe(
      200,
    );
    // then the finding names the period and the report
    const stored = () => m.Pruefbefund.findOne({ where: { userTaskKey: rework } });
    expect(await stored()).toMatchObject({
      berichtszeitraumId: period.id,
      nutzungsberichtId: report.id,
      erledigtAm: null,
    });
    // and an approval of the master-data review leaves it open
    const other = await openTask('pruefung-task', { caseId });
    const approveMasterData = {
      decision: 'approve',
      pruefpunkte: { stammdatenGeprueft: true, standortGeprueft: true, nachweiseGeprueft: true },
    };
    expect((await complete(officerBrowser, other, approveMasterData)).status).toBe(200);
    expect((await stored())?.erledigtAm).toBeNull();
    // while the approval of the reworked report resolves it
    const again = await openTask('bericht-pruefung-task', variables);
    const approveReport = {
      decision: 'approve',
      pruefpunkte: {
        energiePlausibel: true,
        ladevorgaengeAbgeglichen: true,
        erneuerbarNachgewiesen: true,
      },
      befunde: [],
    };
    expect((await complete(officerBrowser, again, approveReport)).status).toBe(200);
    expect(await stored()).toMatchObject({ erledigtDurchUserTaskKey: again });
  });

  it('stores the completion confirmation once and reads it back into a later confirmation task', async () => {
    // given the applicant's confirmation, whose first completion gets no answer
    const key = await openTask('abschlussbestaetigung-task', { caseId });
    const data = { ...(await example('abschlussbestaetigung')), ort: 'Radebeul' };
    failNextCompletion = true;
    expect((await complete(applicantBrowser, key, data)).status).not.toBe(200);
    // when it is submitted again
    expect((await complete(applicantBrowser, key, data)).status).toBe(200);
    // then the case has one confirmation with what was confirmed and who submitted it
    const stored = await p.t.db.models.Abschlussbestaetigung.findAll({
      where: { foerderfallId: caseId },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      userTaskKey: key,
      zweckbindungEingehalten: true,
      erneuerbarerStrom: true,
      ladepunkteInBetrieb: 5,
      bestaetigtVon: 'Erika Mustermann',
      ort: 'Radebeul',
      datum: '2030-03-20',
    });
    const detail = await officerBrowser.json(`${p.url}/api/cases/${caseId}`, 'GET');
    expect(detail.body).toMatchObject({ abschlussbestaetigung: { ort: 'Radebeul' } });
    // and a later confirmation task of the case opens with it
    const again = await openTask('abschlussbestaetigung-task', { caseId });
    const opened = await applicantBrowser.json(`${p.url}/api/tasks/${again}`, 'GET');
    expect((opened.body as { data: unknown }).data).toEqual(data);
  });
});
