/**
 * The authorisation matrix: every API route x every role (and anonymous) x the case or task in the
 * path (the caller's own, someone else's, one that does not exist). A route missing from the matrix
 * fails the test, so a new route cannot ship without its rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseGroup, seedDemo } from '../../../domain/index.js';
import { demoPassword, demoUsers } from '../identity/demo-users.js';
import { accessTokenFor } from '../testing/api-token.js';
import { createSdkTaskClient } from '../engine-client/task-client.js';
import { startEngineProcess, type EngineProcess } from '../testing/engine-process.js';
import { startTestPortal, type TestPortal } from '../testing/test-portal.js';
import type { RealmRole } from './principal.js';

type Caller = RealmRole | 'anonymous';
type CaseContext = 'own' | 'foreign' | 'none';
type Expect = (caller: Caller, ctx: CaseContext) => number;

const callers: Caller[] = [
  'anonymous',
  'applicant',
  'case-officer',
  'process-owner',
  'admin',
  'analyst',
];
const contexts: CaseContext[] = ['own', 'foreign', 'none'];
const missingId = '00000000-0000-4000-8000-000000000000';
const wide = (c: Caller) => c === 'case-officer' || c === 'admin';

/** Public routes: 200 for everyone. */
const open: Expect = () => 200;
/** Any logged-in caller. */
const anyUser =
  (ok: number): Expect =>
  (caller) =>
    caller === 'anonymous' ? 401 : ok;
/** Case routes of applicants (own case), case officers and admins (any existing case). */
const caseRoute =
  (ok: number): Expect =>
  (caller, ctx) => {
    if (caller === 'anonymous') return 401;
    if (caller === 'applicant') return ctx === 'own' ? ok : 404;
    if (wide(caller)) return ctx === 'none' ? 404 : ok;
    return 403;
  };

/** Task routes: applicants reach the tasks of their own cases; others do not see case tasks. */
const taskRoute =
  (ok: number): Expect =>
  (caller, ctx) => {
    if (caller === 'anonymous') return 401;
    if (caller === 'process-owner') return 403;
    return caller === 'applicant' && ctx === 'own' ? ok : 404;
  };
const inbox: Expect = (caller) =>
  caller === 'anonymous' ? 401 : caller === 'process-owner' ? 403 : 200;

/**
 * Process administration: process owners (and for reading admins) pass the role check and reach
 * the service; this test runs without an engine, so engine calls answer 503 behind it.
 */
const ownerReads =
  (ok: number): Expect =>
  (caller) =>
    caller === 'anonymous' ? 401 : caller === 'process-owner' || caller === 'admin' ? ok : 403;
const ownerWrites =
  (ok: number): Expect =>
  (caller) =>
    caller === 'anonymous' ? 401 : caller === 'process-owner' ? ok : 403;
const engineKey = '1234567';
const adminOnly =
  (ok: number): Expect =>
  (caller) =>
    caller === 'anonymous' ? 401 : caller === 'admin' ? ok : 403;
const analysts =
  (ok: number): Expect =>
  (caller) =>
    caller === 'anonymous' ? 401 : caller === 'analyst' || caller === 'admin' ? ok : 403;

/** The rules, keyed `METHOD path`. */
const matrix: Record<string, { expect: Expect; body?: () => unknown }> = {
  'GET /healthz': { expect: open },
  'GET /readyz': { expect: open },
  'GET /metrics': { expect: open },
  'GET /api/openapi.json': { expect: open },
  'GET /api/docs': { expect: open },
  'GET /api/docs/viewer.js': { expect: open },
  'GET /api/docs/viewer.css': { expect: open },
  'GET /api/me': { expect: anyUser(200) },
  'GET /api/me/data': { expect: anyUser(200) },
  // A dry run for an address nobody has: admins get the (empty) report.
  'POST /api/admin/erasure-requests': {
    expect: (c) => (c === 'anonymous' ? 401 : c === 'admin' ? 200 : 403),
    body: () => ({ email: 'niemand@example.org', dryRun: true }),
  },
  // A made-up token: every logged-in caller gets the same INVITATION_INVALID.
  'POST /api/einladungen/einloesen': {
    expect: anyUser(404),
    body: () => ({ token: 'x'.repeat(43) }),
  },
  'GET /api/cases/:caseId/people': { expect: caseRoute(200) },
  'POST /api/cases/:caseId/invitations': {
    expect: caseRoute(201),
    body: () => ({
      email: `matrix-${Math.random().toString(36).slice(2)}@example.org`,
      rolle: 'DIENSTLEISTER',
    }),
  },
  // The invitation and link ids do not exist: allowed callers learn only that (404).
  'DELETE /api/cases/:caseId/invitations/:invitationId': { expect: caseRoute(404) },
  'DELETE /api/cases/:caseId/people/:linkId': { expect: caseRoute(404) },
  'GET /api/cases/mine': {
    expect: (c) => (c === 'anonymous' ? 401 : c === 'applicant' ? 200 : 403),
  },
  'GET /api/cases': { expect: (c) => (c === 'anonymous' ? 401 : wide(c) ? 200 : 403) },
  'GET /api/cases/:caseId': { expect: caseRoute(200) },
  'GET /api/cases/export': { expect: (c) => (c === 'anonymous' ? 401 : wide(c) ? 200 : 403) },
  'GET /api/cases/:caseId/audit': {
    expect: (c, ctx) => (c === 'anonymous' ? 401 : !wide(c) ? 403 : ctx === 'none' ? 404 : 200),
  },
  // This portal runs without an engine: whoever passes the ownership check learns only that.
  'GET /api/cases/:caseId/timeline': { expect: caseRoute(503) },
  'POST /api/cases/:caseId/aenderungsmeldungen': {
    expect: caseRoute(503),
    body: () => ({ data: { aenderungsarten: ['ERSATZ'] } }),
  },
  'GET /api/tasks': { expect: inbox },
  'GET /api/task-filters': { expect: inbox },
  'POST /api/task-filters': {
    expect: (c) => (c === 'anonymous' ? 401 : c === 'process-owner' ? 403 : 201),
    body: () => ({ name: `Filter ${Math.random()}`, kriterien: { sort: 'dueDate' } }),
  },
  // A filter id that is nobody's: 404 for every caller who may have filters.
  'DELETE /api/task-filters/:filterId': {
    expect: (c) => (c === 'anonymous' ? 401 : c === 'process-owner' ? 403 : 404),
  },
  'GET /api/tasks/:taskKey': { expect: taskRoute(200) },
  'POST /api/tasks/:taskKey/claim': { expect: taskRoute(204) },
  'POST /api/tasks/:taskKey/unclaim': { expect: taskRoute(204) },
  // Officers and admins may assign, but a case task is not theirs to see (404).
  'POST /api/tasks/:taskKey/assignment': {
    expect: (caller) => (caller === 'anonymous' ? 401 : wide(caller) ? 404 : 403),
    body: () => ({ assignee: 'kollege' }),
  },
  'PUT /api/tasks/:taskKey/draft': {
    expect: taskRoute(204),
    body: () => ({ data: { notiz: 'halb fertig' } }),
  },
  'POST /api/tasks/:taskKey/completion': { expect: taskRoute(200), body: () => ({ data: {} }) },
  'GET /api/processes': { expect: ownerReads(503) },
  // Not BPMN: the lint refuses it before the engine is asked.
  'POST /api/processes': {
    expect: ownerWrites(422),
    body: () => ({ xml: 'kein xml', note: 'Matrix' }),
  },
  'GET /api/processes/:processDefinitionKey': { expect: ownerReads(503) },
  'GET /api/processes/:processDefinitionKey/xml': { expect: ownerReads(503) },
  'GET /api/process-instances': { expect: ownerReads(503) },
  'GET /api/process-instances/:processInstanceKey': { expect: ownerReads(503) },
  'POST /api/process-instances/:processInstanceKey/incidents/:incidentKey/retry': {
    expect: ownerWrites(503),
    body: () => ({}),
  },
  'POST /api/process-instances/:processInstanceKey/cancellation': { expect: ownerWrites(503) },
  'GET /api/programmes': {
    expect: (c) =>
      c === 'anonymous' ? 401 : ['admin', 'case-officer', 'process-owner'].includes(c) ? 200 : 403,
  },
  'POST /api/programmes': {
    expect: (c) => (c === 'anonymous' ? 401 : c === 'admin' ? 201 : 403),
    body: () => ({
      code: `M_${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      name: 'Matrixprogramm',
      kfwProgrammnummer: null,
      empfaengertypen: ['KOMMUNE'],
      foerderquoteProzent: '50.00',
      maxZuschussProLadepunkt: null,
      maxZuschussProStandort: null,
      pauschaleProLadepunkt: null,
      maxKwProLadepunkt: null,
      zugang: null,
      privaterStellplatz: false,
      oekostromPflicht: false,
      roamingPflicht: false,
      adHocLadenPflicht: false,
      zweckbindungJahre: 6,
      berichtsrhythmus: 'JAEHRLICH',
    }),
  },
  'PATCH /api/programmes/:code': {
    expect: (c) => (c === 'anonymous' ? 401 : c === 'admin' ? 200 : 403),
    body: () => ({ aktiv: true }),
  },
  // A JSON body carries no file: admins learn that (400), everyone else is refused first.
  'POST /api/imports': { expect: adminOnly(400), body: () => ({}) },
  'GET /api/imports': { expect: adminOnly(200) },
  'GET /api/imports/:runId': { expect: adminOnly(404) },
  'GET /api/imports/:runId/report': { expect: adminOnly(404) },
  'GET /api/exports/kfw': { expect: adminOnly(200) },
  // No engine and no storage in this test: allowed callers reach the service (503).
  'POST /api/snapshots': { expect: analysts(503) },
  'GET /api/snapshots': { expect: analysts(503) },
  'GET /api/snapshots/:snapshotId': { expect: analysts(503) },
  'GET /api/snapshots/:snapshotId/dump': { expect: analysts(503) },
  // No dev mailbox configured here: 404 for admins, as in production.
  'GET /api/dev-mailbox': { expect: adminOnly(404) },
  'GET /api/dev-mailbox/:mailId': { expect: adminOnly(404) },
  'GET /api/forms': { expect: ownerReads(200) },
  'GET /api/forms/:formId': { expect: ownerReads(200) },
  'GET /api/forms/:formId/versions': { expect: ownerReads(200) },
  'POST /api/forms/:formId/versions': {
    expect: ownerWrites(201),
    body: () => ({ schema: { type: 'object', title: 'Matrix' }, note: 'Matrix' }),
  },
};

describe('authorisation matrix', () => {
  let p: TestPortal;
  const tokens = new Map<Caller, string>();
  const cases: Record<CaseContext, string> = { own: '', foreign: '', none: missingId };
  // A key of the engine's partition that no task has.
  const tasks: Record<CaseContext, string> = { own: '', foreign: '', none: '2251799813999999' };
  // The real embedded engine, so the task routes answer as they do in production.
  let engine: EngineProcess;

  beforeAll(async () => {
    engine = await startEngineProcess();
    p = await startTestPortal({
      identity: { kind: 'embedded', clientSecret: 'matrix-secret' },
      tasks: createSdkTaskClient(engine.sdk),
    });
    await seedDemo(p.t.db, { cases: 2 });
    const [own, foreign] = await p.t.db.models.Foerderfall.findAll({
      order: [['antragsnummer', 'ASC']],
    });
    cases.own = own!.id;
    cases.foreign = foreign!.id;
    tasks.own = (await engine.openTask({ groups: [caseGroup(cases.own)] })).key;
    tasks.foreign = (await engine.openTask({ groups: [caseGroup(cases.foreign)] })).key;
    for (const user of demoUsers)
      tokens.set(
        user.roles[0]!,
        await accessTokenFor(p.url, 'matrix-secret', user.email, demoPassword),
      );
    // The demo applicant is linked to the first case only.
    const applicant = demoUsers.find((u) => u.roles.includes('applicant'))!;
    const konto = await p.t.db.models.Konto.findOne({ where: { email: applicant.email } });
    const person = await p.t.db.models.Person.create({
      vorname: 'Anna',
      nachname: 'Antrag',
      email: applicant.email,
      oidcSubject: konto!.id,
    });
    await p.t.db.models.PersonFoerderfall.create({
      personId: person.id,
      foerderfallId: cases.own,
      rolle: 'ANTRAGSTELLER',
    });
  });
  afterAll(async () => {
    await p?.close();
    await engine?.close();
  });

  it('has a rule for every route the portal mounts', () => {
    const mounted = p.portal.routes().map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(mounted.filter((key) => !(key in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((key) => !mounted.includes(key))).toEqual([]);
  });

  const rows = Object.keys(matrix).flatMap((key) =>
    callers.flatMap((caller) =>
      (/:caseId|:taskKey/.test(key) ? contexts : (['none'] as CaseContext[])).map(
        (ctx) => [key, caller, ctx] as const,
      ),
    ),
  );

  it.each(rows)('%s as %s on the %s case', async (key, caller, ctx) => {
    // given the route, the caller's token and the case in the path
    const [method, template] = key.split(' ') as [string, string];
    const path = template
      .replace(':caseId', cases[ctx] || missingId)
      .replace(':taskKey', tasks[ctx])
      .replace(/:(invitationId|linkId|filterId)/, missingId)
      .replace(/:(processDefinitionKey|processInstanceKey|incidentKey)/g, engineKey)
      .replace(':formId', 'stammdaten')
      .replace(':code', 'KFW_441')
      .replace(':runId', missingId)
      .replace(':snapshotId', 'matrix-1')
      .replace(':mailId', 'matrix.eml');
    const rule = matrix[key]!;
    const body = rule.body?.();
    const token = tokens.get(caller);
    // when it is called
    const response = await fetch(`${p.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // then the status is the one the rules say
    expect(response.status).toBe(rule.expect(caller, ctx));
  });
});
