/**
 * Completing the applicant and officer forms against the real embedded engine (a `now engine`
 * process reached through `@camunda8/sdk`), logged in through the OIDC redirect flow: the data
 * lands in the domain tables, the process gets ids and decisions, a double submit does no harm,
 * and reopening a later task of the same kind shows what was written.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../domain/index.js';
import { createSdkTaskClient } from '../../engine-client/task-client.js';
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
const caseTask = (form: string) =>
  userTaskModel({
    processId: `${form}-task`,
    formId: form,
    candidateGroups: '=["case:" + caseId]',
  });

describe('form completion on the real engine', () => {
  let engine: EngineProcess;
  let p: TestPortal;
  let caseId: string;
  let periodId: string;
  let applicantBrowser: BrowserClient;
  let officerBrowser: BrowserClient;

  /** Starts an instance and waits until its user task is open; returns the task key. */
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
  const processVariable = async (taskKey: string, name: string) => {
    const task = await engine.rest().getUserTask(taskKey);
    const found = await engine.rest().searchVariables({
      filter: { processInstanceKey: task.processInstanceKey, name },
    } as never);
    return found.items[0] ? (JSON.parse(found.items[0].value) as unknown) : undefined;
  };

  beforeAll(async () => {
    engine = await startEngineProcess();
    for (const form of [
      'standort',
      'nutzungsbericht',
      'abschlussbestaetigung',
      'upload-ladevorgaenge',
    ])
      await engine.deploy(`${form}-task.bpmn`, caseTask(form));
    for (const form of ['kontakt-aufnehmen', 'nachforderung'])
      await engine.deploy(
        `${form}-task.bpmn`,
        userTaskModel({ processId: `${form}-task`, formId: form, candidateGroups: 'case-officer' }),
      );
    await engine.deploy(
      'pruefung-task.bpmn',
      userTaskModel({
        processId: 'pruefung-task',
        formId: 'pruefung',
        candidateGroups: 'case-officer',
      }),
    );
    p = await startTestPortal({ tasks: createSdkTaskClient(engine.sdk) });
    await seedDemo(p.t.db, { cases: 1 });
    const fall = await p.t.db.models.Foerderfall.findOne();
    caseId = fall!.id;
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
    const period = await p.t.db.models.Berichtszeitraum.create({
      foerderfallId: caseId,
      von: '2031-01-01',
      bis: '2031-12-31',
      frist: '2032-03-31',
      status: 'OFFEN',
    });
    periodId = period.id;
    applicantBrowser = new BrowserClient();
    await logIn(applicantBrowser, p.url, applicant.email, demoPassword);
    officerBrowser = new BrowserClient();
    await logIn(officerBrowser, p.url, officer.email, demoPassword);
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    await engine?.close();
  });

  it('writes the location with its groups and points, once however often it is submitted', async () => {
    // given the applicant's location task and the form's example data
    const key = await openTask('standort-task', { caseId });
    const data = await example('standort');
    // when it is submitted twice
    const first = await complete(applicantBrowser, key, data);
    const second = await complete(applicantBrowser, key, data);
    // then the case's main location holds the data, with both groups and the named points
    expect(first).toMatchObject({ status: 200, body: { alreadyCompleted: false } });
    expect(second).toMatchObject({ status: 200, body: { alreadyCompleted: true } });
    const m = p.t.db.models;
    const [main] = await m.Standort.findAll({
      where: { foerderfallId: caseId },
      order: [
        ['createdAt', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    expect(main).toMatchObject({
      bezeichnung: 'Betriebshof Nord',
      plz: '01129',
      ort: 'Dresden',
      zugang: 'NICHT_OEFFENTLICH',
      standortTyp: 'FIRMENGELAENDE',
    });
    const groups = await m.Ladesaeulengruppe.findAll({
      where: { standortId: main!.id },
      order: [['createdAt', 'ASC']],
    });
    expect(
      groups.map((g) => [g.hersteller, g.anzahlLadesaeulen, Number(g.kwProLadepunkt)]),
    ).toEqual([
      ['Mennekes', 2, 22],
      ['ABB', 1, 11],
    ]);
    const points = await m.Ladepunkt.findAll({ where: { ladesaeulengruppeId: groups[0]!.id } });
    const named = ['DE*LNS*E000123*1', 'DE*LNS*E000123*2'];
    expect(points.map((pt) => pt.evseId)).toEqual(expect.arrayContaining(named));
    // and points of the seeded location that the form does not name stay only with their sessions
    for (const kept of points.filter((pt) => !named.includes(pt.evseId!)))
      expect(await m.Ladevorgang.count({ where: { ladepunktId: kept.id } })).toBeGreaterThan(0);
    expect((await engine.rest().getUserTask(key)).state).toBe('COMPLETED');
  });

  it('prefills a later location task with what was written, and a changed submission updates it in place', async () => {
    // given a second location task (a rework) on the same case
    const key = await openTask('standort-task', { caseId });
    // when the applicant opens it
    const opened = await applicantBrowser.json(`${p.url}/api/tasks/${key}`, 'GET');
    // then it shows the stored location
    const data = (opened.body as { data: Record<string, unknown> }).data;
    expect(data).toMatchObject({
      bezeichnung: 'Betriebshof Nord',
      anschrift: { plz: '01129' },
      ladesaeulengruppen: [
        {
          hersteller: 'Mennekes',
          evseIds: expect.arrayContaining(['DE*LNS*E000123*1', 'DE*LNS*E000123*2']),
        },
        { hersteller: 'ABB' },
      ],
    });
    // and submitting it with one group fewer updates the location instead of adding one
    const before = await p.t.db.models.Standort.count({ where: { foerderfallId: caseId } });
    const changed = {
      ...data,
      ladesaeulengruppen: (data.ladesaeulengruppen as unknown[]).slice(0, 1),
    };
    expect((await complete(applicantBrowser, key, changed)).status).toBe(200);
    expect(await p.t.db.models.Standort.count({ where: { foerderfallId: caseId } })).toBe(before);
    const main = await p.t.db.models.Standort.findOne({
      where: { foerderfallId: caseId },
      order: [
        ['createdAt', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    expect(await p.t.db.models.Ladesaeulengruppe.count({ where: { standortId: main!.id } })).toBe(
      1,
    );
  });

  it('writes the usage report for the task’s period and gives the process its reportId', async () => {
    // given the report task of the period, prefilled with the case's locations
    const key = await openTask('nutzungsbericht-task', { caseId, periodId });
    const opened = await applicantBrowser.json(`${p.url}/api/tasks/${key}`, 'GET');
    const prefilled = (opened.body as { data: { standorte: { standortId: string }[] } }).data;
    expect(prefilled.standorte.length).toBeGreaterThan(0);
    const standortId = prefilled.standorte[0]!.standortId;
    const data = {
      ...(await example('nutzungsbericht')),
      standorte: [
        {
          standortId,
          energieKwh: 48250.5,
          messmethode: 'BACKEND',
          anzahlLadevorgaenge: 3120,
          anteilErneuerbarProzent: 100,
          tageAusserBetrieb: 3,
        },
      ],
    };
    // when it is submitted twice
    expect((await complete(applicantBrowser, key, data)).status).toBe(200);
    expect((await complete(applicantBrowser, key, data)).status).toBe(200);
    // then one report of version 1 exists and the process knows the report
    const reports = await p.t.db.models.Nutzungsbericht.findAll({
      where: { berichtszeitraumId: periodId, standortId },
    });
    expect(reports.map((r) => [r.version, Number(r.energieKwh), r.anzahlLadevorgaenge])).toEqual([
      [1, 48250.5, 3120],
    ]);
    // (the period's status is the model's: period-status sets it after the automatic checks)
    expect((await p.t.db.models.Berichtszeitraum.findByPk(periodId))?.status).toBe('OFFEN');
    expect(await processVariable(key, 'reportId')).toBe(reports[0]!.id);
    expect(await processVariable(key, 'energieKwh')).toBeUndefined();
  });

  it('refuses a report for a location of another case and writes nothing', async () => {
    // given a report task and a location id that is not the case's
    const key = await openTask('nutzungsbericht-task', { caseId, periodId });
    const foreign = '6f1c2b9e-3d4a-4c5b-8e7f-9a0b1c2d3e4f';
    const data = { ...(await example('nutzungsbericht')) };
    const before = await p.t.db.models.Nutzungsbericht.count();
    // when it is submitted
    const answer = await complete(applicantBrowser, key, data);
    // then the problem names the field and nothing changed
    expect(answer).toMatchObject({
      status: 400,
      body: { code: 'REQUEST_INVALID', errors: [{ path: '/body/data/standorte/0/standortId' }] },
    });
    expect(await p.t.db.models.Nutzungsbericht.count()).toBe(before);
    expect((await engine.rest().getUserTask(key)).state).toBe('CREATED');
    expect(foreign).toBe((data.standorte as { standortId: string }[])[0]!.standortId);
  });

  it('gives the process the officer’s decision and findings, and keeps them in the audit trail', async () => {
    // given an officer's review task of the case
    const key = await openTask('pruefung-task', { caseId });
    const data = await example('pruefung');
    // when the officer asks for rework
    expect((await complete(officerBrowser, key, data)).status).toBe(200);
    // then the process has the decision and the findings per field, not the comment
    expect(await processVariable(key, 'decision')).toBe('rework');
    expect(await processVariable(key, 'findings')).toEqual([
      {
        code: 'GROUP_KW_ABOVE_LIMIT',
        severity: 'error',
        path: 'ladesaeulengruppen/0/kwProLadepunkt',
        message: 'Laut Rechnung leisten die Säulen 11 kW, nicht 22 kW; bitte korrigieren.',
      },
    ]);
    expect(await processVariable(key, 'kommentar')).toBeUndefined();
    const audit = await p.t.db.models.AuditEvent.findOne({
      where: { aktion: 'aufgabe.complete', objektId: key },
    });
    expect(audit).toMatchObject({
      foerderfallId: caseId,
      nachher: { data: { befunde: data.befunde } },
    });
  });

  it('prefills the completion confirmation with the points at the case and the person’s name', async () => {
    const key = await openTask('abschlussbestaetigung-task', { caseId });
    const opened = await applicantBrowser.json(`${p.url}/api/tasks/${key}`, 'GET');
    const groups = await p.t.db.models.Ladesaeulengruppe.findAll({
      include: [
        { model: p.t.db.models.Standort, as: 'standort', where: { foerderfallId: caseId } },
      ],
    });
    const points = groups.reduce((sum, g) => sum + g.anzahlLadesaeulen * g.ladepunkteProSaeule, 0);
    expect(opened.body).toMatchObject({
      data: { ladepunkteInBetrieb: points, bestaetigtVon: 'Anna Antrag' },
    });
    const data = await example('abschlussbestaetigung');
    expect((await complete(applicantBrowser, key, data)).status).toBe(200);
    expect(
      await p.t.db.models.AuditEvent.count({
        where: { aktion: 'aufgabe.complete', objektId: key },
      }),
    ).toBe(1);
  });

  it('gives the process the uploaded file of the period, or null when nothing is uploaded', async () => {
    // given a file of charging sessions the case uploaded, and the period's upload task
    const m = p.t.db.models;
    const upload = await m.Upload.create({
      foerderfallId: caseId,
      art: 'LADEVORGAENGE_CSV',
      dateiname: 'ladevorgaenge-2031.csv',
      mimeType: 'text/csv',
      groesseBytes: 2048,
      sha256: 'a'.repeat(64),
      speicherSchluessel: `uploads/${caseId}/ladevorgaenge-2031.csv`,
      status: 'EMPFANGEN',
    });
    const withFile = await openTask('upload-ladevorgaenge-task', { caseId, periodId });
    const withoutFile = await openTask('upload-ladevorgaenge-task', { caseId, periodId });
    // when one is completed with the file and one without
    const data = { ...(await example('upload-ladevorgaenge')), uploadId: upload.id };
    expect((await complete(applicantBrowser, withFile, data)).status).toBe(200);
    expect((await complete(applicantBrowser, withoutFile, { ohneUpload: true })).status).toBe(200);
    // then the process knows the file (now tied to the period), or that there is none
    expect(await processVariable(withFile, 'uploadId')).toBe(upload.id);
    expect((await m.Upload.findByPk(upload.id))?.berichtszeitraumId).toBe(periodId);
    expect(await processVariable(withoutFile, 'uploadId')).toBeNull();
  });

  it('refuses a file that is not this case’s', async () => {
    const key = await openTask('upload-ladevorgaenge-task', { caseId, periodId });
    const data = await example('upload-ladevorgaenge');
    const answer = await complete(applicantBrowser, key, data);
    expect(answer).toMatchObject({
      status: 400,
      body: { code: 'REQUEST_INVALID', errors: [{ path: '/body/data/uploadId' }] },
    });
    expect((await engine.rest().getUserTask(key)).state).toBe('CREATED');
  });

  it('gives the unregistered applicant the corrected address an officer found out', async () => {
    // given an applicant of the case who never registered, and the officer's contact task
    const m = p.t.db.models;
    const person = await m.Person.create({
      vorname: 'Olaf',
      nachname: 'Offline',
      email: 'alt@example.org',
    });
    await m.PersonFoerderfall.create({
      personId: person.id,
      foerderfallId: caseId,
      rolle: 'ANTRAGSTELLER',
    });
    const key = await openTask('kontakt-aufnehmen-task', { caseId });
    // when the officer records the contact with a corrected address
    const data = await example('kontakt-aufnehmen');
    expect((await complete(officerBrowser, key, data)).status).toBe(200);
    // then the next invitation goes there
    expect((await m.Person.findByPk(person.id))?.email).toBe(data.korrigierteEmail);
  });

  it('makes the granted extension the period’s deadline, and refuses one before the period ends', async () => {
    const key = await openTask('nachforderung-task', { caseId, periodId });
    const data = await example('nachforderung');
    // an extension before the period's end is refused and changes nothing
    const early = await complete(officerBrowser, key, data);
    expect(early).toMatchObject({
      status: 400,
      body: { errors: [{ path: '/body/data/nachfrist' }] },
    });
    expect((await p.t.db.models.Berichtszeitraum.findByPk(periodId))?.frist).toBe('2032-03-31');
    // a later one becomes the deadline
    expect((await complete(officerBrowser, key, { ...data, nachfrist: '2032-06-30' })).status).toBe(
      200,
    );
    expect((await p.t.db.models.Berichtszeitraum.findByPk(periodId))?.frist).toBe('2032-06-30');
  });
});
