/**
 * The case timeline against the real embedded engine (a `now engine` process through the SDK):
 * done, active, next and by when, before and after the applicant completes a step in the portal.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../../domain/index.js';
import { createSdkCaseProcessClient } from '../../../engine-client/case-process-client.js';
import { createSdkTaskClient } from '../../../engine-client/task-client.js';
import { demoPassword, demoUsers } from '../../../identity/demo-users.js';
import { BrowserClient, logIn } from '../../../testing/browser-client.js';
import {
  eventually,
  startEngineProcess,
  type EngineProcess,
} from '../../../testing/engine-process.js';
import { startTestPortal, type TestPortal } from '../../../testing/test-portal.js';
import type { InstanceTimeline } from './case-timeline.js';

const applicant = demoUsers.find((u) => u.roles.includes('applicant'))!;

/** Master data (due at a variable's date, a 14-day reminder timer), a gateway, an officer review. */
const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_Timeline" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="timeline-case" name="Förderfall (Verlauf)" isExecutable="true">
    <bpmn:startEvent id="StartEvent_Imported" name="Importiert"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_CompleteMasterData" name="Stammdaten vervollständigen">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition externalReference="stammdaten" /><zeebe:assignmentDefinition candidateGroups="=[&quot;case:&quot; + caseId]" /><zeebe:taskSchedule dueDate="=masterDataDue" /></bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:boundaryEvent id="Timer_Reminder" name="Nach 14 Tagen erinnern" attachedToRef="Task_CompleteMasterData"><bpmn:outgoing>Flow_Reminded</bpmn:outgoing><bpmn:timerEventDefinition><bpmn:timeDuration>P14D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:endEvent id="EndEvent_Reminded" name="Erinnert"><bpmn:incoming>Flow_Reminded</bpmn:incoming></bpmn:endEvent>
    <bpmn:exclusiveGateway id="Gateway_Complete" name="Vollständig?"><bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:userTask id="Task_ReviewCase" name="Stammdaten prüfen">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition externalReference="pruefung" /><zeebe:assignmentDefinition candidateGroups="case-officer" /></bpmn:extensionElements>
      <bpmn:incoming>Flow_3</bpmn:incoming><bpmn:outgoing>Flow_4</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="EndEvent_Done" name="Geprüft"><bpmn:incoming>Flow_4</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Imported" targetRef="Task_CompleteMasterData" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_CompleteMasterData" targetRef="Gateway_Complete" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Gateway_Complete" targetRef="Task_ReviewCase" />
    <bpmn:sequenceFlow id="Flow_4" sourceRef="Task_ReviewCase" targetRef="EndEvent_Done" />
    <bpmn:sequenceFlow id="Flow_Reminded" sourceRef="Timer_Reminder" targetRef="EndEvent_Reminded" />
  </bpmn:process>
</bpmn:definitions>`;

describe('case timeline on the real engine', () => {
  let engine: EngineProcess;
  let p: TestPortal;
  let caseId: string;
  let browser: BrowserClient;
  const due = '2031-05-01T00:00:00.000Z';

  const timeline = async () => {
    const answer = await browser.json(`${p.url}/api/cases/${caseId}/timeline`, 'GET');
    expect(answer.status).toBe(200);
    return (answer.body as { instances: InstanceTimeline[] }).instances;
  };

  beforeAll(async () => {
    engine = await startEngineProcess();
    await engine.deploy('timeline-case.bpmn', model);
    p = await startTestPortal({
      tasks: createSdkTaskClient(engine.sdk),
      caseProcesses: createSdkCaseProcessClient(engine.sdk),
    });
    await seedDemo(p.t.db, { cases: 2 });
    const [fall, other] = await p.t.db.models.Foerderfall.findAll({
      order: [['antragsnummer', 'ASC']],
    });
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
    // An instance of another case, which must not appear.
    await engine.startInstance('timeline-case', { caseId: other!.id, masterDataDue: due });
    await engine.startInstance('timeline-case', { caseId, masterDataDue: due });
    browser = new BrowserClient();
    await logIn(browser, p.url, applicant.email, demoPassword);
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    await engine?.close();
  });

  it('shows what is done, what is open until when, the reminder timer and what comes next', async () => {
    // when the applicant opens the timeline of the new case
    const [instance, ...others] = await eventually(async () => {
      const found = await timeline();
      return found[0]?.active.length ? found : undefined;
    }, 'the open master-data step');
    // then it shows their case's one instance: started, master data open with its due date
    expect(others).toEqual([]);
    expect(instance).toMatchObject({ processDefinitionId: 'timeline-case', state: 'ACTIVE' });
    expect(instance!.done.map((s) => s.elementId)).toEqual(['StartEvent_Imported']);
    expect(instance!.active).toEqual([
      expect.objectContaining({
        elementId: 'Task_CompleteMasterData',
        name: 'Stammdaten vervollständigen',
        dueDate: due,
      }),
    ]);
    // and the reminder fires 14 days after the step began, the review comes next
    const started = Date.parse(instance!.active[0]!.startDate);
    expect(instance!.timers).toEqual([
      {
        elementId: 'Timer_Reminder',
        name: 'Nach 14 Tagen erinnern',
        attachedTo: 'Task_CompleteMasterData',
        dueDate: new Date(started + 14 * 86_400_000).toISOString(),
      },
    ]);
    expect(instance!.next).toEqual([
      { elementId: 'Task_ReviewCase', name: 'Stammdaten prüfen', type: 'UserTask' },
    ]);
  });

  it('moves the step to done when the applicant completes it in the portal', async () => {
    // given the applicant's open master-data task
    const tasks = await browser.json(`${p.url}/api/tasks`, 'GET');
    const key = (tasks.body as { items: { key: string; elementId: string }[] }).items.find(
      (t) => t.elementId === 'Task_CompleteMasterData',
    )!.key;
    const data = JSON.parse(
      await readFile(
        new URL('../../../../../forms/stammdaten.example.json', import.meta.url),
        'utf8',
      ),
    ) as unknown;
    // when it is completed
    expect(
      (await browser.json(`${p.url}/api/tasks/${key}/completion`, 'POST', { data })).status,
    ).toBe(200);
    // then the timeline shows it done and the review open, the end next, no timer left
    const [instance] = await timeline();
    expect(instance!.done.map((s) => s.elementId)).toEqual([
      'StartEvent_Imported',
      'Task_CompleteMasterData',
    ]);
    expect(instance!.active.map((s) => s.elementId)).toEqual(['Task_ReviewCase']);
    expect(instance!.next.map((s) => s.elementId)).toEqual(['EndEvent_Done']);
    expect(instance!.timers).toEqual([]);
  });
});
