/**
 * The process instances of one Förderfall, through `@camunda8/sdk`'s REST client (Camunda 8.8
 * `/v2/...` searches): which instances carry the case's `caseId` (the case's own `foerderfall`
 * instance and every instance started for it: reporting periods, change notices, revocation),
 * their element instances, open user tasks, variables and deployed XML. Read-only and narrow: the
 * case timeline needs nothing more.
 */
import { Camunda8 } from '@camunda8/sdk';
import type { SdkConfiguration } from './engine-client.js';

/** A process instance of a case. */
export interface CaseInstance {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionName: string;
  state: string;
  startDate: string;
  endDate: string | null;
  parentProcessInstanceKey: string | null;
}

/** One element instance. */
export interface CaseElementInstance {
  elementInstanceKey: string;
  elementId: string;
  elementName: string;
  type: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  hasIncident: boolean;
  startDate: string;
  endDate: string | null;
}

/** An open or finished user task of an instance, with its dates. */
export interface CaseUserTask {
  elementInstanceKey: string;
  elementId: string;
  state: string;
  dueDate: string | null;
}

/** The read-only engine access of the timeline. */
export interface CaseProcessClient {
  instancesOfCase(caseId: string): Promise<CaseInstance[]>;
  elementInstances(processInstanceKey: string): Promise<CaseElementInstance[]>;
  userTasks(processInstanceKey: string): Promise<CaseUserTask[]>;
  /** A variable of the instance (its JSON value), or undefined. */
  variable(processInstanceKey: string, name: string): Promise<unknown>;
  /** The deployed BPMN XML of a definition. */
  xml(processDefinitionKey: string): Promise<string>;
}

/** Most rows one timeline reads per search. */
const limit = 1000;

/** The client over the SDK's REST client; connects lazily. */
export function createSdkCaseProcessClient(configuration: SdkConfiguration): CaseProcessClient {
  let rest: ReturnType<Camunda8['getCamundaRestClient']> | undefined;
  const client = () => (rest ??= new Camunda8(configuration).getCamundaRestClient());
  const xmlCache = new Map<string, Promise<string>>();
  return {
    async instancesOfCase(caseId) {
      // Camunda takes a variable value as JSON text.
      const variables = await client().searchVariables({
        filter: { name: 'caseId', value: JSON.stringify(caseId) },
        page: { from: 0, limit },
      } as never);
      const keys = [...new Set(variables.items.map((v) => v.processInstanceKey))];
      const instances = await Promise.all(
        keys.map(async (key) => {
          const found = await client().searchProcessInstances({
            filter: { processInstanceKey: key },
            page: { from: 0, limit: 1 },
          } as never);
          return found.items[0];
        }),
      );
      return instances
        .filter((i) => i !== undefined)
        .map((i) => ({
          processInstanceKey: String(i.processInstanceKey),
          processDefinitionKey: String(i.processDefinitionKey),
          processDefinitionId: i.processDefinitionId,
          processDefinitionName: i.processDefinitionName ?? i.processDefinitionId,
          state: i.state,
          startDate: i.startDate,
          endDate: i.endDate ?? null,
          parentProcessInstanceKey: i.parentProcessInstanceKey
            ? String(i.parentProcessInstanceKey)
            : null,
        }))
        .sort((a, b) => a.startDate.localeCompare(b.startDate));
    },
    async elementInstances(processInstanceKey) {
      const found = await client().searchElementInstances({
        filter: { processInstanceKey },
        sort: [{ field: 'elementInstanceKey', order: 'ASC' }],
        page: { from: 0, limit },
      } as never);
      return found.items.map((e) => ({
        elementInstanceKey: String(e.elementInstanceKey),
        elementId: e.elementId,
        elementName: e.elementName ?? e.elementId,
        type: e.type,
        state: e.state,
        hasIncident: e.hasIncident,
        startDate: e.startDate,
        endDate: e.endDate ?? null,
      }));
    },
    async userTasks(processInstanceKey) {
      const found = await client().searchUserTasks({
        filter: { processInstanceKey },
        page: { from: 0, limit },
      } as never);
      return found.items.map((t) => ({
        elementInstanceKey: String(t.elementInstanceKey),
        elementId: t.elementId,
        state: t.state,
        dueDate: t.dueDate ?? null,
      }));
    },
    async variable(processInstanceKey, name) {
      const found = await client().searchVariables({
        filter: { processInstanceKey, name },
        page: { from: 0, limit: 1 },
      } as never);
      const item = found.items[0];
      return item ? (JSON.parse(item.value) as unknown) : undefined;
    },
    xml(processDefinitionKey) {
      // Deployed XML never changes for a key.
      let cached = xmlCache.get(processDefinitionKey);
      if (!cached) {
        cached = client().getProcessDefinitionXML(processDefinitionKey);
        cached.catch(() => xmlCache.delete(processDefinitionKey));
        xmlCache.set(processDefinitionKey, cached);
      }
      return cached;
    },
  };
}
