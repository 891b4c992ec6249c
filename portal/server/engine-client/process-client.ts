/**
 * Process definitions and instances through `@camunda8/sdk`, as process owners need them: the
 * REST client (Camunda 8.8 `/v2/...`) for searches, XML, incident resolution and cancellation,
 * the gRPC client for deployments and job retries. The same calls work on the embedded engine
 * and on Camunda 8.
 *
 * @example
 *   const processes = createSdkProcessClient(sdk);
 *   const { items } = await processes.searchDefinitions({ latestOnly: true }, { from: 0, limit: 50 });
 */
import { Camunda8 } from '@camunda8/sdk';
import type { SdkConfiguration } from './engine-client.js';

/** A deployed process definition. */
export interface ProcessDefinition {
  processDefinitionKey: string;
  processDefinitionId: string;
  name: string;
  version: number;
  resourceName: string;
}

/** A process instance. */
export interface ProcessInstance {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionVersion: number;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startDate: string;
  endDate: string | null;
  hasIncident: boolean;
}

/** One element instance (for diagram overlays). */
export interface ElementInstance {
  elementInstanceKey: string;
  elementId: string;
  elementName: string;
  type: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  hasIncident: boolean;
  startDate: string;
  endDate: string | null;
}

/** A variable of an instance (value as JSON text, as the engine reports it). */
export interface InstanceVariable {
  name: string;
  scopeKey: string;
  value: string;
  isTruncated: boolean;
}

/** An incident. */
export interface Incident {
  incidentKey: string;
  processInstanceKey: string;
  elementId: string;
  elementInstanceKey: string;
  errorType: string;
  errorMessage: string;
  state: string;
  creationTime: string;
  jobKey: string | null;
}

/** Filters of the instance search. */
export interface InstanceFilter {
  processDefinitionId?: string;
  processDefinitionVersion?: number;
  processDefinitionKey?: string;
  state?: ProcessInstance['state'];
  hasIncident?: boolean;
}

/** Offset paging. */
export interface Page {
  from: number;
  limit: number;
}

/** What a successful deployment produced. */
export interface DeployedProcess {
  processDefinitionKey: string;
  processDefinitionId: string;
  version: number;
}

/** A problem the engine named when it refused a deployment. */
export interface DeploymentProblem {
  elementId: string | null;
  message: string;
}

/** The engine refused the model; `problems` name the elements when the engine did. */
export class DeploymentRejectedError extends Error {
  readonly code = 'DEPLOYMENT_REJECTED';
  constructor(
    readonly problems: DeploymentProblem[],
    options?: { cause?: unknown },
  ) {
    super(`engine refused the model: ${problems.map((p) => p.message).join('; ')}`, options);
    this.name = 'DeploymentRejectedError';
  }
}

/** The process part of the engine as the portal sees it. */
export interface ProcessClient {
  searchDefinitions(
    filter: { processDefinitionId?: string; latestOnly?: boolean },
    page: Page,
  ): Promise<{ items: ProcessDefinition[]; total: number }>;
  /** The definition, or undefined when the engine does not know it. */
  getDefinition(key: string): Promise<ProcessDefinition | undefined>;
  /** The deployed BPMN XML, or undefined. */
  getXml(key: string): Promise<string | undefined>;
  /** Deploys one BPMN file. @throws DeploymentRejectedError */
  deploy(resourceName: string, xml: string): Promise<DeployedProcess>;
  searchInstances(
    filter: InstanceFilter,
    page: Page,
  ): Promise<{ items: ProcessInstance[]; total: number }>;
  getInstance(key: string): Promise<ProcessInstance | undefined>;
  elementInstances(processInstanceKey: string): Promise<ElementInstance[]>;
  variables(processInstanceKey: string): Promise<InstanceVariable[]>;
  incidents(processInstanceKey: string): Promise<Incident[]>;
  getIncident(key: string): Promise<Incident | undefined>;
  /** Gives the incident's job `retries` again, then resolves the incident. */
  retryIncident(incident: Incident, retries: number): Promise<void>;
  cancelInstance(key: string): Promise<void>;
}

/** The most rows one overview fetches (element instances, variables, incidents of one instance). */
const allRows = { from: 0, limit: 10_000 };

const isNotFound = (error: unknown) =>
  /\b404\b|not.?found/i.test(String((error as Error)?.message ?? error));

async function orUndefined<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * The element ids in a refusal. The embedded engine writes `element 'Task_1': ...` per problem,
 * Zeebe writes `Element: Task_1` before its messages; anything else is one problem without id.
 */
export function deploymentProblems(message: string): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  for (const line of message.split('\n')) {
    const embedded = /element '([^']+)':\s*(.*)$/.exec(line);
    const zeebe = /Element:\s*([\w.-]+)/.exec(line);
    if (embedded) problems.push({ elementId: embedded[1]!, message: embedded[2]!.trim() });
    else if (zeebe) problems.push({ elementId: zeebe[1]!, message: line.trim() });
  }
  return problems.length > 0 ? problems : [{ elementId: null, message: message.trim() }];
}

const toDefinition = (d: {
  processDefinitionKey: string;
  processDefinitionId: string;
  name?: string;
  version: number;
  resourceName: string;
}): ProcessDefinition => ({
  processDefinitionKey: d.processDefinitionKey,
  processDefinitionId: d.processDefinitionId,
  name: d.name ?? d.processDefinitionId,
  version: Number(d.version),
  resourceName: d.resourceName,
});

const toInstance = (i: {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionVersion: string | number;
  state: string;
  startDate: string;
  endDate?: string;
  hasIncident: boolean;
}): ProcessInstance => ({
  processInstanceKey: i.processInstanceKey,
  processDefinitionKey: i.processDefinitionKey,
  processDefinitionId: i.processDefinitionId,
  processDefinitionVersion: Number(i.processDefinitionVersion),
  state: i.state as ProcessInstance['state'],
  startDate: i.startDate,
  endDate: i.endDate ?? null,
  hasIncident: i.hasIncident,
});

const toIncident = (i: {
  incidentKey: string;
  processInstanceKey: string;
  elementId: string;
  elementInstanceKey: string;
  errorType: string;
  errorMessage: string;
  state: string;
  creationTime: string;
  jobKey?: string;
}): Incident => ({
  incidentKey: i.incidentKey,
  processInstanceKey: i.processInstanceKey,
  elementId: i.elementId,
  elementInstanceKey: i.elementInstanceKey,
  errorType: i.errorType,
  errorMessage: i.errorMessage,
  state: i.state,
  creationTime: i.creationTime,
  jobKey: i.jobKey ? i.jobKey : null,
});

/** A process client over `@camunda8/sdk`; connects lazily, `close()` releases the gRPC channel. */
export function createSdkProcessClient(
  configuration: SdkConfiguration,
): ProcessClient & { close(): Promise<void> } {
  let sdk: Camunda8 | undefined;
  let rest: ReturnType<Camunda8['getCamundaRestClient']> | undefined;
  let grpc: ReturnType<Camunda8['getZeebeGrpcApiClient']> | undefined;
  const camunda = () => (sdk ??= new Camunda8(configuration));
  const restClient = () => (rest ??= camunda().getCamundaRestClient());
  const grpcClient = () => (grpc ??= camunda().getZeebeGrpcApiClient());

  return {
    async searchDefinitions(filter, page) {
      const response = await restClient().searchProcessDefinitions({
        filter: {
          ...(filter.processDefinitionId
            ? { processDefinitionId: filter.processDefinitionId }
            : {}),
          // Camunda 8.8 serves `isLatestVersion`; the SDK's type predates it.
          ...(filter.latestOnly ? ({ isLatestVersion: true } as object) : {}),
        },
        sort: [
          { field: 'processDefinitionId', order: 'ASC' },
          { field: 'version', order: 'DESC' },
        ],
        page,
      });
      return { items: response.items.map(toDefinition), total: response.page.totalItems };
    },
    async getDefinition(key) {
      const found = await orUndefined(() => restClient().getProcessDefinition(key));
      return found ? toDefinition(found) : undefined;
    },
    getXml: (key) => orUndefined(() => restClient().getProcessDefinitionXML(key)),
    async deploy(resourceName, xml) {
      let response;
      try {
        response = await grpcClient().deployResource({
          name: resourceName,
          process: Buffer.from(xml, 'utf8'),
        });
      } catch (error) {
        const details = (error as { details?: string }).details ?? (error as Error).message;
        throw new DeploymentRejectedError(deploymentProblems(String(details)), { cause: error });
      }
      const process = response.deployments.find((d) => 'process' in d && d.process)?.process;
      if (!process) throw new DeploymentRejectedError([{ elementId: null, message: 'no process' }]);
      return {
        processDefinitionKey: String(process.processDefinitionKey),
        processDefinitionId: process.bpmnProcessId,
        version: Number(process.version),
      };
    },
    async searchInstances(filter, page) {
      const response = await restClient().searchProcessInstances({
        filter: {
          ...(filter.processDefinitionId
            ? { processDefinitionId: filter.processDefinitionId }
            : {}),
          ...(filter.processDefinitionVersion !== undefined
            ? { processDefinitionVersion: filter.processDefinitionVersion }
            : {}),
          ...(filter.processDefinitionKey
            ? { processDefinitionKey: filter.processDefinitionKey }
            : {}),
          ...(filter.state ? { state: filter.state } : {}),
          // Camunda 8.8 serves `hasIncident`; the SDK's filter type predates it.
          ...(filter.hasIncident !== undefined
            ? ({ hasIncident: filter.hasIncident } as object)
            : {}),
        },
        sort: [{ field: 'startDate', order: 'DESC' }],
        page,
      });
      return { items: response.items.map(toInstance), total: response.page.totalItems };
    },
    async getInstance(key) {
      const response = await restClient().searchProcessInstances({
        filter: { processInstanceKey: key },
        page: { from: 0, limit: 1 },
      });
      const found = response.items[0];
      return found ? toInstance(found) : undefined;
    },
    async elementInstances(processInstanceKey) {
      const response = await restClient().searchElementInstances({
        filter: { processInstanceKey },
        sort: [{ field: 'startDate', order: 'ASC' }],
        page: allRows,
      });
      return response.items.map((e) => ({
        elementInstanceKey: e.elementInstanceKey,
        elementId: e.elementId,
        elementName: e.elementName ?? e.elementId,
        type: e.type,
        state: e.state,
        hasIncident: e.hasIncident,
        startDate: e.startDate,
        endDate: e.endDate ?? null,
      }));
    },
    async variables(processInstanceKey) {
      const response = await restClient().searchVariables({
        filter: { processInstanceKey },
        sort: [{ field: 'name', order: 'ASC' }],
        page: allRows,
      });
      return response.items.map((v) => ({
        name: v.name,
        scopeKey: v.scopeKey,
        value: v.value,
        isTruncated: v.isTruncated,
      }));
    },
    async incidents(processInstanceKey) {
      const response = await restClient().searchIncidents({
        filter: { processInstanceKey },
        sort: [{ field: 'creationTime', order: 'ASC' }],
        page: allRows,
      });
      return response.items.map(toIncident);
    },
    async getIncident(key) {
      const response = await restClient().searchIncidents({
        filter: { incidentKey: key },
        page: { from: 0, limit: 1 },
      });
      const found = response.items[0];
      return found ? toIncident(found) : undefined;
    },
    async retryIncident(incident, retries) {
      // A job incident comes back only when the job has retries again (Zeebe's rule).
      if (incident.jobKey)
        await grpcClient().updateJobRetries({ jobKey: incident.jobKey, retries });
      await restClient().resolveIncident(incident.incidentKey);
    },
    async cancelInstance(key) {
      await restClient().cancelProcessInstance({ processInstanceKey: key });
    },
    async close() {
      await grpc?.close();
    },
  };
}
