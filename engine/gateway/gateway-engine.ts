/**
 * What the gateway needs of the engine: the port between the gRPC protocol and the in-process
 * engine API (`engine/index.ts`), which satisfies it as it is. Keys are int64 decimal strings,
 * as at the wire; durations are milliseconds. Protocol code and its tests depend on this port
 * only, so a stand-in engine can drive the gateway's own behaviour (long polls, streams, shutdown).
 */

/** A JSON object of variables, as carried by every command that takes variables. */
export type Variables = Record<string, unknown>;

/** One file of a deployment. */
export interface ResourceInput {
  readonly name: string;
  readonly content: Uint8Array;
}

/** The outcome of a deployment. */
export interface DeploymentResult {
  key: string;
  processes: {
    bpmnProcessId: string;
    version: number;
    processDefinitionKey: string;
    resourceName: string;
  }[];
}

/** Which definition to start: by key, or by id with an optional version (latest when absent). */
export interface CreateInstanceInput {
  processDefinitionKey?: string;
  bpmnProcessId?: string;
  version?: number;
  variables: Variables;
}

/** A created process instance. */
export interface CreatedInstance {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: string;
}

/** What a worker asks for when it activates jobs. */
export interface ActivateJobsInput {
  type: string;
  worker: string;
  /** How long the job stays with this worker. */
  timeout: number;
  maxJobsToActivate: number;
  /** Variable names to fetch; empty: every visible variable. */
  fetchVariable: string[];
}

/** A job handed to a worker. */
export interface ActivatedJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  /** Epoch ms after which the job times out. */
  deadline: number;
  variables: Variables;
}

/** The in-process engine as the gateway uses it. Every method may throw the engine's typed errors (with a stable `code`). */
export interface GatewayEngine {
  deployResources(resources: readonly ResourceInput[]): Promise<DeploymentResult>;
  createProcessInstance(request: CreateInstanceInput): Promise<CreatedInstance>;
  /** Creates an instance and resolves when it completes; the gateway bounds the wait. */
  createProcessInstanceWithResult(
    request: CreateInstanceInput & { fetchVariables?: string[] },
  ): Promise<CreatedInstance & { variables: Variables }>;
  cancelProcessInstance(processInstanceKey: string): Promise<void>;
  /** Activates up to `maxJobsToActivate` activatable jobs of a type now; never waits. */
  activateJobs(request: ActivateJobsInput): Promise<ActivatedJob[]>;
  /**
   * Calls `listener` whenever jobs of the type may have become activatable (created, failed with
   * retries left, back-off over, timed out, incident resolved). Returns the unsubscribe function.
   */
  onJobsAvailable(type: string, listener: () => void): () => void;
  completeJob(request: { jobKey: string; variables: Variables }): Promise<void>;
  failJob(request: {
    jobKey: string;
    retries: number;
    retryBackOff: number;
    errorMessage: string;
    variables: Variables;
  }): Promise<void>;
  throwError(request: {
    jobKey: string;
    errorCode: string;
    errorMessage: string;
    variables: Variables;
  }): Promise<void>;
  updateJobRetries(request: { jobKey: string; retries: number }): Promise<void>;
  updateJobTimeout(request: { jobKey: string; timeout: number }): Promise<void>;
  publishMessage(request: {
    name: string;
    correlationKey: string;
    timeToLive: number;
    messageId?: string;
    variables: Variables;
  }): Promise<{ key: string }>;
  setVariables(request: {
    elementInstanceKey: string;
    variables: Variables;
    local: boolean;
  }): Promise<{ key: string }>;
  resolveIncident(incidentKey: string): Promise<void>;
  /** Absent while the engine has no signal events. */
  broadcastSignal?(request: { signalName: string; variables: Variables }): Promise<{ key: string }>;
  /** Absent while the engine cannot delete resources. */
  deleteResource?(request: { resourceKey: string }): Promise<void>;
  /** Activatable jobs per type, for the backlog gauge (read at each scrape). */
  jobBacklog?(): Map<string, number>;
  /** Calls `listener` with the records of every committed batch (for the instance counters). */
  onRecords?(listener: (records: readonly RecordSummary[]) => void): () => void;
}

/** A committed record as the metrics read it (Zeebe's record vocabulary). */
export interface RecordSummary {
  readonly valueType: string;
  readonly intent: string;
  readonly value: Readonly<Record<string, unknown>>;
}
