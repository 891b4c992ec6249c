/**
 * The task inbox on the real embedded engine (a `now engine` process reached through
 * `@camunda8/sdk`), logged in through the OIDC redirect flow.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseGroup, seedDemo } from '../../../../domain/index.js';
import { createSdkTaskClient } from '../../engine-client/task-client.js';
import { demoPassword, demoUsers } from '../../identity/demo-users.js';
import { BrowserClient, logIn } from '../../testing/browser-client.js';
import { startEngineProcess, type EngineProcess } from '../../testing/engine-process.js';
import { startTestPortal, type TestPortal } from '../../testing/test-portal.js';

const applicant = demoUsers.find((u) => u.roles.includes('applicant'))!;
const officer = demoUsers.find((u) => u.roles.includes('case-officer'))!;
type TaskList = { items: { key: string; candidateGroups: string[] }[]; total: number };
const example = async (form: string) =>
  JSON.parse(
    await readFile(new URL(`../../../../forms/${form}.example.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

describe('task inbox', () => {
  let engine: EngineProcess;
  let p: TestPortal;
  let own: string;
  let foreign: string;
  let applicantBrowser: BrowserClient;
  let officerBrowser: BrowserClient;
  const assigneeOf = async (key: string) => (await engine.rest().getUserTask(key)).assignee ?? null;
  const stateOf = async (key: string) => (await engine.rest().getUserTask(key)).state;

  beforeAll(async () => {
    engine = await startEngineProcess();
    p = await startTestPortal({ tasks: createSdkTaskClient(engine.sdk) });
    await seedDemo(p.t.db, { cases: 2 });
    const cases = await p.t.db.models.Foerderfall.findAll({ order: [['antragsnummer', 'ASC']] });
    own = cases[0]!.id;
    foreign = cases[1]!.id;
    const konto = await p.t.db.models.Konto.findOne({ where: { email: applicant.email } });
    const person = await p.t.db.models.Person.create({
      vorname: 'Anna',
      nachname: 'Antrag',
      email: applicant.email,
      oidcSubject: konto!.id,
    });
    await p.t.db.models.PersonFoerderfall.create({
      personId: person.id,
      foerderfallId: own,
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

  it("shows an applicant only the tasks of their own cases, and an officer only their group's", async () => {
    // given tasks for the applicant's case, another case and the officers
    const mine = await engine.openTask({
      groups: [caseGroup(own)],
      name: 'Stammdaten erfassen',
      formId: 'stammdaten',
    });
    await engine.openTask({ groups: [caseGroup(foreign)], formId: 'stammdaten' });
    const review = await engine.openTask({ groups: ['case-officer'], formId: 'pruefung' });
    // when both list their inbox
    const forApplicant = (await applicantBrowser.json(`${p.url}/api/tasks`, 'GET'))
      .body as TaskList;
    const forOfficer = (await officerBrowser.json(`${p.url}/api/tasks`, 'GET')).body as TaskList;
    // then each sees exactly their own
    expect(forApplicant.items.map((t) => t.key)).toEqual([mine.key]);
    expect(forOfficer.items.map((t) => t.key)).toEqual([review.key]);
  });

  it('serves a task with its form schema and UI schema', async () => {
    const task = await engine.openTask({ groups: [caseGroup(own)], formId: 'standort' });
    const answer = await applicantBrowser.json(`${p.url}/api/tasks/${task.key}`, 'GET');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      task: { key: task.key, formId: 'standort' },
      form: {
        id: 'standort',
        schema: expect.objectContaining({ type: 'object' }),
        ui: expect.any(Object),
      },
    });
  });

  it('lets an officer claim, give back and assign a task to a colleague', async () => {
    const task = await engine.openTask({ groups: ['case-officer'], formId: 'pruefung' });
    expect((await officerBrowser.json(`${p.url}/api/tasks/${task.key}/claim`, 'POST')).status).toBe(
      204,
    );
    expect(await assigneeOf(task.key)).not.toBeNull();
    expect(
      (await officerBrowser.json(`${p.url}/api/tasks/${task.key}/unclaim`, 'POST')).status,
    ).toBe(204);
    expect(await assigneeOf(task.key)).toBeNull();
    const assigned = await officerBrowser.json(
      `${p.url}/api/tasks/${task.key}/assignment`,
      'POST',
      { assignee: 'kollegin-1' },
    );
    expect(assigned.status).toBe(204);
    expect(await assigneeOf(task.key)).toBe('kollegin-1');
  });

  it("prefills the master-data form from the case's recipient and the applicant's person record", async () => {
    // given the applicant's master-data task on their case
    const task = await engine.openTask({ groups: [caseGroup(own)], formId: 'stammdaten' });
    const fall = await p.t.db.models.Foerderfall.findByPk(own, {
      include: ['zuwendungsempfaenger'],
    });
    const recipient = (fall as unknown as { zuwendungsempfaenger: { name: string } })
      .zuwendungsempfaenger;
    // when it is opened
    const answer = await applicantBrowser.json(`${p.url}/api/tasks/${task.key}`, 'GET');
    // then the recipient and the contact are filled in from what the platform holds
    expect(answer.body).toMatchObject({
      data: {
        zuwendungsempfaenger: { name: recipient.name },
        ansprechperson: { vorname: 'Anna', nachname: 'Antrag', email: applicant.email },
      },
    });
  });

  it('writes a completed master-data form to the recipient and the person, in the audit trail too', async () => {
    // given the applicant's master-data task and valid data (the form's example)
    const task = await engine.openTask({ groups: [caseGroup(own)], formId: 'stammdaten' });
    const data = (await example('stammdaten')) as {
      zuwendungsempfaenger: { name: string };
      ansprechperson: { telefon: string };
    };
    // when it is completed
    const answer = await applicantBrowser.json(
      `${p.url}/api/tasks/${task.key}/completion`,
      'POST',
      { data },
    );
    // then the domain tables hold the data and the process got no form data
    expect(answer.status).toBe(200);
    const fall = await p.t.db.models.Foerderfall.findByPk(own, {
      include: ['zuwendungsempfaenger'],
    });
    expect(
      (fall as unknown as { zuwendungsempfaenger: { name: string } }).zuwendungsempfaenger.name,
    ).toBe(data.zuwendungsempfaenger.name);
    const person = await p.t.db.models.Person.findOne({ where: { email: applicant.email } });
    expect(person?.telefon).toBe(data.ansprechperson.telefon);
    expect(person?.datenschutzEinwilligungAm).not.toBeNull();
    expect(await stateOf(task.key)).toBe('COMPLETED');
    expect(Object.keys(await engine.variables(task.processInstanceKey)).sort()).toEqual(['groups']);
    const audit = await p.t.db.models.AuditEvent.findOne({
      where: { aktion: 'aufgabe.complete', objektId: task.key },
    });
    expect(audit?.foerderfallId).toBe(own);
    expect(audit?.nachher).toMatchObject({ tables: ['zuwendungsempfaenger', 'person'] });
  });

  it('keeps an autosaved draft per person until the task is completed', async () => {
    // given an applicant task (without a form, so an empty completion is valid) with a draft
    const task = await engine.openTask({ groups: [caseGroup(own)] });
    const draft = { kontakt: { telefon: '0221 123456' } };
    expect(
      (await applicantBrowser.json(`${p.url}/api/tasks/${task.key}/draft`, 'PUT', { data: draft }))
        .status,
    ).toBe(204);
    // when the task is opened again
    const reopened = await applicantBrowser.json(`${p.url}/api/tasks/${task.key}`, 'GET');
    // then the draft is prefilled
    expect(reopened.body).toMatchObject({ data: draft });
    // and after completion it is gone
    await applicantBrowser.json(`${p.url}/api/tasks/${task.key}/completion`, 'POST', { data: {} });
    expect(await p.t.db.models.Entwurf.count({ where: { userTaskKey: task.key } })).toBe(0);
  });

  it('validates a completion against the form and names the field', async () => {
    // given an officer's review task
    const task = await engine.openTask({ groups: ['case-officer'], formId: 'pruefung' });
    // when it is completed without a decision
    const answer = await officerBrowser.json(`${p.url}/api/tasks/${task.key}/completion`, 'POST', {
      data: { kommentar: 'ok' },
    });
    // then the problem names the missing field and the task stays open
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'REQUEST_INVALID',
      errors: [expect.objectContaining({ path: '/body/data/decision' })],
    });
    expect(await stateOf(task.key)).toBe('CREATED');
  });

  it('completes a task once with the decision and findings only, and a double submit does no harm', async () => {
    // given an officer's review task
    const task = await engine.openTask({ groups: ['case-officer'], formId: 'pruefung' });
    const valid = await example('pruefung');
    // when it is submitted twice
    const first = await officerBrowser.json(`${p.url}/api/tasks/${task.key}/completion`, 'POST', {
      data: valid,
    });
    const second = await officerBrowser.json(`${p.url}/api/tasks/${task.key}/completion`, 'POST', {
      data: valid,
    });
    // then the engine completed it once, with the decision and findings, not the comment
    expect(first).toMatchObject({ status: 200, body: { alreadyCompleted: false } });
    expect(second).toMatchObject({ status: 200, body: { alreadyCompleted: true } });
    const variables = await engine.variables(task.processInstanceKey);
    expect(variables).toEqual({
      groups: ['case-officer'],
      decision: valid.decision,
      findings: [expect.objectContaining({ path: 'ladesaeulengruppen/0/kwProLadepunkt' })],
    });
    expect(
      await p.t.db.models.AuditEvent.count({
        where: { aktion: 'aufgabe.complete', objektId: task.key },
      }),
    ).toBe(1);
  });

  it("records an officer's read of a case's task in the audit trail, not an applicant's", async () => {
    // given an officer's review task of a case and a task of the applicant's own case
    const review = await engine.openTask({
      groups: ['case-officer'],
      formId: 'pruefung',
      variables: { caseId: own },
    });
    const mine = await engine.openTask({ groups: [caseGroup(own)], formId: 'stammdaten' });
    const reads = (key: string) =>
      p.t.db.models.AuditEvent.findAll({ where: { aktion: 'aufgabe.read', objektId: key } });
    // when the officer opens the review task and the applicant their own task
    expect((await officerBrowser.json(`${p.url}/api/tasks/${review.key}`, 'GET')).status).toBe(200);
    expect((await applicantBrowser.json(`${p.url}/api/tasks/${mine.key}`, 'GET')).status).toBe(200);
    // then the officer's read names the officer and the case; the applicant's is not recorded
    const officerReads = await reads(review.key);
    expect(officerReads).toHaveLength(1);
    expect(officerReads[0]).toMatchObject({
      akteurTyp: 'PERSON',
      objektTyp: 'user_task',
      foerderfallId: own,
    });
    expect(await reads(mine.key)).toHaveLength(0);
  });

  it('hides canceled tasks from the list and refuses to complete them', async () => {
    const task = await engine.openTask({ groups: [caseGroup(own)] });
    await engine.cancelInstance(task.processInstanceKey);
    const list = (await applicantBrowser.json(`${p.url}/api/tasks`, 'GET')).body as TaskList;
    expect(list.items.map((t) => t.key)).not.toContain(task.key);
    const answer = await applicantBrowser.json(
      `${p.url}/api/tasks/${task.key}/completion`,
      'POST',
      { data: {} },
    );
    expect(answer).toMatchObject({ status: 409, body: { code: 'TASK_NOT_OPEN' } });
  });

  it('answers a task key the engine cannot have like a missing task', async () => {
    const answer = await officerBrowser.json(`${p.url}/api/tasks/9007199254740993`, 'GET');
    expect(answer).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });
});
