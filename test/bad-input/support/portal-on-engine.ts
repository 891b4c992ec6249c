/**
 * The portal on the real embedded engine, as the platform composes them: a test engine with its
 * REST API, the portal's SDK task client pointed at it, the embedded identity provider, two demo
 * cases (one linked to the demo applicant), and logged-in browsers for the applicant and a case
 * officer (the real OIDC code flow).
 *
 * @example
 *   const env = await startPortalOnEngine();
 *   const key = await env.openTask('stammdaten', env.ownCaseId);
 *   await env.applicant.json(`${env.url}/api/tasks/${key}/completion`, 'POST', { data: {} });
 */
import { caseGroup, seedDemo } from '../../../domain/index.js';
import { startRestApi, type RestApi } from '../../../engine/gateway/rest/index.js';
import { createSdkTaskClient } from '../../../portal/server/engine-client/task-client.js';
import { demoPassword, demoUsers } from '../../../portal/server/identity/demo-users.js';
import { BrowserClient, logIn } from '../../../portal/server/testing/browser-client.js';
import { startTestPortal, type TestPortal } from '../../../portal/server/testing/test-portal.js';
import { startTestEngine, type TestEngine } from '../../support/embedded-engine.js';

/** The running portal, engine and logged-in users. */
export interface PortalOnEngine {
  readonly p: TestPortal;
  readonly url: string;
  readonly engine: TestEngine;
  /** The demo applicant's case, and a case of somebody else. */
  readonly ownCaseId: string;
  readonly foreignCaseId: string;
  readonly applicant: BrowserClient;
  readonly officer: BrowserClient;
  /**
   * Starts a process with one user task of form `formId` for the case's group (or `group`) and
   * resolves with the task's key once the engine lists it.
   */
  openTask(formId: string, caseId: string, group?: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts engine, REST API, portal; logs the demo applicant and a case officer in. */
export async function startPortalOnEngine(): Promise<PortalOnEngine> {
  const engine = await startTestEngine();
  let rest: RestApi | undefined;
  let p: TestPortal | undefined;
  try {
    rest = await startRestApi({ engine: engine.embedded.engine, port: 0 });
    p = await startTestPortal({
      tasks: createSdkTaskClient({
        ZEEBE_GRPC_ADDRESS: engine.grpcAddress,
        ZEEBE_REST_ADDRESS: rest.url,
        CAMUNDA_AUTH_STRATEGY: 'NONE',
        CAMUNDA_LOG_LEVEL: 'none',
      } as never),
    });
    await seedDemo(p.t.db, { cases: 2 });
    const cases = await p.t.db.models.Foerderfall.findAll({ order: [['antragsnummer', 'ASC']] });
    const applicantUser = demoUsers.find((u) => u.roles.includes('applicant'))!;
    const officerUser = demoUsers.find((u) => u.roles.includes('case-officer'))!;
    const konto = await p.t.db.models.Konto.findOne({ where: { email: applicantUser.email } });
    const person = await p.t.db.models.Person.create({
      vorname: 'Anna',
      nachname: 'Antrag',
      email: applicantUser.email,
      oidcSubject: konto!.id,
    });
    await p.t.db.models.PersonFoerderfall.create({
      personId: person.id,
      foerderfallId: cases[0]!.id,
      rolle: 'ANTRAGSTELLER',
    });
    const applicant = new BrowserClient();
    await logIn(applicant, p.url, applicantUser.email, demoPassword);
    const officer = new BrowserClient();
    await logIn(officer, p.url, officerUser.email, demoPassword);
    const portal = p;
    const restApi = rest;
    let n = 0;
    return {
      p: portal,
      url: portal.url,
      engine,
      ownCaseId: cases[0]!.id,
      foreignCaseId: cases[1]!.id,
      applicant,
      officer,
      async openTask(formId, caseId, group = caseGroup(caseId)) {
        const processId = `form-${formId}-${++n}`;
        await engine.zeebe.deployResource({
          name: `${processId}.bpmn`,
          process: Buffer.from(userTaskModel(processId, formId, group)),
        });
        const created = await engine.zeebe.createProcessInstance({
          bpmnProcessId: processId,
          variables: { caseId },
        });
        const instanceKey = String(created.processInstanceKey);
        const search = engine.embedded.engine.search;
        for (let attempt = 0; attempt < 200; attempt += 1) {
          const [task] = search.userTasks({ filter: { processInstanceKey: instanceKey } }).items;
          if (task) return String(task.userTaskKey);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        throw new Error(`no user task for ${processId} within 5 s`);
      },
      async close() {
        await portal.close();
        await restApi.close();
        await engine.close();
      },
    };
  } catch (error) {
    await p?.close();
    await rest?.close();
    await engine.close();
    throw error;
  }
}

function userTaskModel(processId: string, formId: string, group: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_Form" name="Formular ${formId}">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition externalReference="${formId}" /><zeebe:assignmentDefinition candidateGroups="${group}" /></bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Form" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Form" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
}
