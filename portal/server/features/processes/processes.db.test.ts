/**
 * Process administration over HTTP against the real embedded engine (a `now engine` child
 * process) through `@camunda8/sdk`: deploy with lint and notes, versions, XML, instances with
 * element states, variables and incidents, retrying an incident, cancelling an instance.
 */
import { Camunda8 } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSdkProcessClient } from '../../engine-client/process-client.js';
import { demoPassword, demoUsers } from '../../identity/demo-users.js';
import { accessTokenFor } from '../../testing/api-token.js';
import {
  eventually,
  startEngineProcess,
  type EngineProcess,
} from '../../testing/engine-process.js';
import { startTestPortal, type TestPortal } from '../../testing/test-portal.js';

const secret = 'processes-secret';

/** A process with one service task of job type `pruefen` (version text changes the name). */
const model = (processId: string, taskName = 'Prüfen') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="${processId}" name="Prüfablauf" isExecutable="true">
    <bpmn:startEvent id="StartEvent_Received" name="Eingegangen"><bpmn:outgoing>Flow_ToCheck</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_ToCheck" sourceRef="StartEvent_Received" targetRef="ServiceTask_Check" />
    <bpmn:serviceTask id="ServiceTask_Check" name="${taskName}">
      <bpmn:extensionElements><zeebe:taskDefinition type="pruefen-${processId}" /></bpmn:extensionElements>
      <bpmn:incoming>Flow_ToCheck</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="ServiceTask_Check" targetRef="EndEvent_Done" />
    <bpmn:endEvent id="EndEvent_Done" name="Geprüft"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="${processId}">
    <bpmndi:BPMNShape id="StartEvent_Received_di" bpmnElement="StartEvent_Received"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="ServiceTask_Check_di" bpmnElement="ServiceTask_Check"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="EndEvent_Done_di" bpmnElement="EndEvent_Done"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="Flow_ToCheck_di" bpmnElement="Flow_ToCheck"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="Flow_ToEnd_di" bpmnElement="Flow_ToEnd"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

describe('process administration', () => {
  let engine: EngineProcess;
  let p: TestPortal;
  let owner: string;
  let admin: string;
  let zeebe: ReturnType<Camunda8['getZeebeGrpcApiClient']>;

  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${p.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, body: type.includes('json') ? JSON.parse(text) : text };
  };
  const tokenOf = (role: string) =>
    accessTokenFor(p.url, secret, demoUsers.find((u) => u.roles[0] === role)!.email, demoPassword);

  /** Fails the next job of the process's task type with no retries left: an incident. */
  async function failNextJob(processId: string) {
    const job = await eventually(async () => {
      const jobs = await zeebe.activateJobs({
        type: `pruefen-${processId}`,
        worker: 'test',
        maxJobsToActivate: 1,
        timeout: 60_000,
        requestTimeout: 1000,
      });
      return jobs[0];
    }, 'a job to fail');
    await zeebe.failJob({
      jobKey: job.key,
      errorMessage: 'Register nicht erreichbar',
      retries: 0,
      retryBackOff: 0,
    });
    return job;
  }

  beforeAll(async () => {
    engine = await startEngineProcess();
    zeebe = new Camunda8(engine.sdk).getZeebeGrpcApiClient();
    p = await startTestPortal({
      identity: { kind: 'embedded', clientSecret: secret },
      processes: createSdkProcessClient(engine.sdk),
    });
    owner = await tokenOf('process-owner');
    admin = await tokenOf('admin');
  });
  afterAll(async () => {
    await zeebe?.close();
    await p?.close();
    await engine?.close();
  });

  it('refuses a model that breaks Camunda 8.8 rules, naming the element, and deploys nothing', async () => {
    // given a service task without a job type
    const broken = model('ohne-typ').replace(
      /<bpmn:extensionElements><zeebe:taskDefinition[^/]*\/><\/bpmn:extensionElements>/,
      '',
    );
    // when a process owner deploys it
    const response = await call(owner, 'POST', '/api/processes', { xml: broken, note: 'kaputt' });
    // then the problem names the task, and the engine knows no such process
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('MODEL_INVALID');
    expect(response.body.errors).toContainEqual(
      expect.objectContaining({ path: '/elements/ServiceTask_Check' }),
    );
    const list = await call(owner, 'GET', '/api/processes?processId=ohne-typ');
    expect(list.body.total).toBe(0);
  });

  it('reports what the engine refuses, by element id, and stores no note', async () => {
    // given a model Camunda 8.8 accepts but the embedded engine does not run yet (an execution
    // listener on the task, see docs/engine.md)
    const withListener = model('mit-listener').replace(
      '<zeebe:taskDefinition type="pruefen-mit-listener" />',
      '<zeebe:taskDefinition type="pruefen-mit-listener" /><zeebe:executionListeners><zeebe:executionListener eventType="start" type="protokoll" /></zeebe:executionListeners>',
    );
    // when it is deployed
    const response = await call(owner, 'POST', '/api/processes', {
      xml: withListener,
      note: 'mit Listener',
    });
    // then the engine's refusal names the task, and nothing was recorded
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('DEPLOYMENT_REJECTED');
    expect(response.body.errors).toContainEqual(
      expect.objectContaining({ path: '/elements/ServiceTask_Check' }),
    );
    expect(
      await p.t.db.models.ProzessversionNotiz.count({ where: { prozessId: 'mit-listener' } }),
    ).toBe(0);
  });

  it('refuses what is not BPMN at all', async () => {
    // when the body is not XML
    const response = await call(owner, 'POST', '/api/processes', {
      xml: 'kein xml',
      note: 'Versuch',
    });
    // then it is a problem about the document
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('/body/xml');
  });

  it('deploys versions with notes; lists all or the latest; serves the XML', async () => {
    // given two versions deployed by the process owner
    const first = await call(owner, 'POST', '/api/processes', {
      xml: model('pruefablauf'),
      note: 'Erste Fassung',
    });
    const second = await call(owner, 'POST', '/api/processes', {
      xml: model('pruefablauf', 'Unterlagen prüfen'),
      note: 'Aufgabe umbenannt',
    });
    // then each has its version and note
    expect(first.status).toBe(201);
    expect(first.body.definition).toMatchObject({
      processDefinitionId: 'pruefablauf',
      version: 1,
      note: { note: 'Erste Fassung' },
    });
    expect(second.body.definition).toMatchObject({
      version: 2,
      note: { note: 'Aufgabe umbenannt' },
    });
    const me = await call(owner, 'GET', '/api/me');
    expect(second.body.definition.note.deployedBy).toBe(me.body.subject);
    // when an admin lists them
    const all = await call(admin, 'GET', '/api/processes?processId=pruefablauf');
    const latest = await call(admin, 'GET', '/api/processes?processId=pruefablauf&latest=true');
    // then both versions, newest first, or only the newest
    expect(all.body.items.map((d: { version: number }) => d.version)).toEqual([2, 1]);
    expect(latest.body.items.map((d: { version: number }) => d.version)).toEqual([2]);
    const key = second.body.definition.processDefinitionKey as string;
    const xml = await call(admin, 'GET', `/api/processes/${key}/xml`);
    expect(xml.type).toContain('application/xml');
    expect(xml.body).toContain('Unterlagen prüfen');
    const one = await call(admin, 'GET', `/api/processes/${key}`);
    expect(one.body.note.note).toBe('Aufgabe umbenannt');
    // and the deployment is in the audit trail
    const audit = await p.t.db.models.AuditEvent.findOne({
      where: { aktion: 'prozess.deploy', objektId: key },
    });
    expect(audit?.nachher).toMatchObject({ version: 2, notiz: 'Aufgabe umbenannt' });
  });

  it('shows an instance with its incident, retries it, and the instance can finish', async () => {
    // given a deployed process and an instance whose job failed without retries
    await call(owner, 'POST', '/api/processes', { xml: model('vorfall'), note: 'für Vorfälle' });
    const instanceKey = await engine.startInstance('vorfall', { caseId: 'fall-1' });
    await failNextJob('vorfall');
    // when the process owner filters instances with incidents and opens the instance
    const withIncident = await eventually(async () => {
      const r = await call(
        owner,
        'GET',
        '/api/process-instances?processId=vorfall&hasIncident=true',
      );
      return r.body.total === 1 ? r : undefined;
    }, 'the instance with an incident');
    const detail = await call(owner, 'GET', `/api/process-instances/${instanceKey}`);
    // then it is listed and the detail has overlays, variables and the incident
    expect(withIncident.body.items[0]).toMatchObject({
      processInstanceKey: instanceKey,
      state: 'ACTIVE',
    });
    expect(detail.body.overlays).toContainEqual({
      elementId: 'ServiceTask_Check',
      active: 1,
      completed: 0,
      terminated: 0,
      incidents: 1,
    });
    expect(detail.body.overlays).toContainEqual(
      expect.objectContaining({ elementId: 'StartEvent_Received', completed: 1 }),
    );
    expect(detail.body.variables).toContainEqual(
      expect.objectContaining({ name: 'caseId', value: '"fall-1"' }),
    );
    const incident = detail.body.incidents[0];
    expect(incident).toMatchObject({ elementId: 'ServiceTask_Check', state: 'ACTIVE' });
    expect(incident.errorMessage).toContain('Register nicht erreichbar');

    // when an admin tries to retry it, then the process owner does
    const byAdmin = await call(
      admin,
      'POST',
      `/api/process-instances/${instanceKey}/incidents/${incident.incidentKey}/retry`,
      {},
    );
    const retried = await call(
      owner,
      'POST',
      `/api/process-instances/${instanceKey}/incidents/${incident.incidentKey}/retry`,
      { retries: 2 },
    );
    // then only the owner may, and the job is back for a worker, which completes the instance
    expect(byAdmin.status).toBe(403);
    expect(retried.status).toBe(204);
    const job = await eventually(async () => {
      const jobs = await zeebe.activateJobs({
        type: 'pruefen-vorfall',
        worker: 'test',
        maxJobsToActivate: 1,
        timeout: 60_000,
        requestTimeout: 1000,
      });
      return jobs[0];
    }, 'the retried job');
    expect(job.retries).toBe(2);
    await zeebe.completeJob({ jobKey: job.key, variables: {} });
    const done = await eventually(async () => {
      const r = await call(owner, 'GET', `/api/process-instances/${instanceKey}`);
      return r.body.instance.state === 'COMPLETED' ? r : undefined;
    }, 'the completed instance');
    expect(done.body.incidents[0].state).toBe('RESOLVED');
    // and retrying the resolved incident again is a conflict
    const again = await call(
      owner,
      'POST',
      `/api/process-instances/${instanceKey}/incidents/${incident.incidentKey}/retry`,
      {},
    );
    expect(again.status).toBe(409);
  });

  it('cancels a running instance once; filters by version and state', async () => {
    // given a running instance of version 1 of `abbruch`
    await call(owner, 'POST', '/api/processes', { xml: model('abbruch'), note: 'v1' });
    const instanceKey = await engine.startInstance('abbruch', {});
    // when the process owner cancels it twice
    const first = await call(owner, 'POST', `/api/process-instances/${instanceKey}/cancellation`);
    const second = await call(owner, 'POST', `/api/process-instances/${instanceKey}/cancellation`);
    // then the first succeeds, the second conflicts, and the instance is terminated
    expect(first.status).toBe(204);
    expect(second.status).toBe(409);
    const terminated = await call(
      owner,
      'GET',
      '/api/process-instances?processId=abbruch&version=1&state=TERMINATED',
    );
    expect(
      terminated.body.items.map((i: { processInstanceKey: string }) => i.processInstanceKey),
    ).toEqual([instanceKey]);
    const active = await call(
      owner,
      'GET',
      '/api/process-instances?processId=abbruch&state=ACTIVE',
    );
    expect(active.body.total).toBe(0);
    const missing = await call(owner, 'POST', '/api/process-instances/1234567/cancellation');
    expect(missing.status).toBe(404);
  });
});
