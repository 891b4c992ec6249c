/**
 * What the gateway needs of the engine: the port between the gRPC protocol and the in-process
 * engine API. Keys are numbers here (the engine's own representation); the gateway turns them
 * into the int64 strings of the protocol. `engine-adapter.ts` fits the real engine to this port,
 * so protocol code and its tests never depend on the engine's internal shapes.
 */

/** A JSON object of variables, as carried by every command that takes variables. */
export type Variables = Record<string, unknown>;

/** One file of a deployment. */
export interface ResourceInput {
  name: string;
  content: Buffer;
}

/** A process definition created (or found identical) by a deployment. */
export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: number;
  resourceName: string;
}

/** The outcome of a deployment. */
export interface DeploymentResult {
  key: number;
  processes: DeployedProcess[];
}

/** Which definition to start: by key, or by id with an optional version (latest when absent). */
export interface CreateInstanceInput {
  processDefinitionKey?: number;
  bpmnProcessId?: string;
  version?: number;
  variables: Variables;
  startElementIds: string[];
}

/** A created process instance. */
export interface CreatedInstance {
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: number;
}

/** A completed process instance with its variables (create-with-result). */
export interface InstanceResult extends CreatedInstance {
  variables: Variables;
}

/** What a worker asks for when it activates jobs. */
export interface ActivateJobsInput {
  type: string;
  worker: string;
  /** How long the job stays with this worker, in ms. */
  timeout: number;
  maxJobs: number;
  /** Variable names to fetch; empty: every visible variable. */
  fetchVariables: string[];
}

/** A job handed to a worker. */
export interface ActivatedJob {
  key: number;
  type: string;
  processInstanceKey: number;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: number;
  elementId: string;
  elementInstanceKey: number;
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  /** Epoch ms after which the job times out. */
  deadline: number;
  variables: Variables;
}

/** The in-process engine as the gateway uses it. Every method may throw the engine's typed errors. */
export interface GatewayEngine {
  deployResources(resources: ResourceInput[]): Promise<DeploymentResult>;
  createProcessInstance(input: CreateInstanceInput): Promise<CreatedInstance>;
  /**
   * Creates an instance and resolves when it completes. Rejects with the engine's error when the
   * instance cannot be created; the gateway enforces the request time-out by aborting `signal`.
   */
  createProcessInstanceWithResult(
    input: CreateInstanceInput & { fetchVariables: string[] },
    signal: AbortSignal,
  ): Promise<InstanceResult>;
  cancelProcessInstance(processInstanceKey: number): Promise<void>;
  /** Activates up to `maxJobs` activatable jobs of a type now; never waits. */
  activateJobs(input: ActivateJobsInput): Promise<ActivatedJob[]>;
  /**
   * Calls `listener` with a job type whenever jobs of that type may have become activatable
   * (created, failed with retries, back-off over, timed out, retries updated). Returns the
   * unsubscribe function.
   */
  onJobsActivatable(listener: (type: string) => void): () => void;
  completeJob(jobKey: number, variables: Variables): Promise<void>;
  failJob(
    jobKey: number,
    input: { retries: number; errorMessage: string; retryBackOff: number; variables: Variables },
  ): Promise<void>;
  throwError(
    jobKey: number,
    input: { errorCode: string; errorMessage: string; variables: Variables },
  ): Promise<void>;
  updateJobRetries(jobKey: number, retries: number): Promise<void>;
  updateJobTimeout(jobKey: number, timeout: number): Promise<void>;
  publishMessage(input: {
    name: string;
    correlationKey: string;
    timeToLive: number;
    messageId: string;
    variables: Variables;
  }): Promise<{ key: number }>;
  setVariables(input: {
    elementInstanceKey: number;
    variables: Variables;
    local: boolean;
  }): Promise<{ key: number }>;
  resolveIncident(incidentKey: number): Promise<void>;
  /** Absent while the engine has no signals. */
  broadcastSignal?(input: { signalName: string; variables: Variables }): Promise<{ key: number }>;
  /** Absent while the engine cannot delete resources. */
  deleteResource?(resourceKey: number): Promise<void>;
  /** Activatable jobs per type, for the backlog gauge. */
  jobBacklog(): Map<string, number>;
}
