/**
 * Argument and result shapes of the in-process API. Keys are strings (int64 at the wire);
 * numbers are accepted too. Durations are milliseconds.
 */

/** A key as the API accepts it. */
export type KeyInput = string | number;

/** A variables document. */
export type Variables = Record<string, unknown>;

/** A deployed process, as DeployResource answers. */
export interface DeployedProcessInfo {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
  tenantId: string;
}

/** DeployResource's answer. */
export interface DeploymentResult {
  key: string;
  processes: DeployedProcessInfo[];
  tenantId: string;
}

/** CreateProcessInstance's arguments. */
export interface CreateInstanceRequest {
  bpmnProcessId?: string;
  processDefinitionKey?: KeyInput;
  /** -1 or absent: the latest version. */
  version?: number;
  variables?: Variables;
  /** Start instructions: start at these elements (of the process scope) instead of the none start event. */
  startElementIds?: string[];
}

/** CreateProcessInstance's answer. */
export interface CreatedInstanceInfo {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
}

/** ActivateJobs' arguments. */
export interface ActivateJobsRequest {
  type: string;
  worker: string;
  /** How long the worker holds the jobs (ms). */
  timeout: number;
  maxJobsToActivate: number;
  /** Only these variables (all when empty or absent). */
  fetchVariable?: string[];
}

/** FailJob's arguments. */
export interface FailJobRequest {
  jobKey: KeyInput;
  retries: number;
  /** Wait before the job is offered again (ms). */
  retryBackOff?: number;
  errorMessage?: string;
  variables?: Variables;
}

/** ThrowError's arguments. */
export interface ThrowErrorRequest {
  jobKey: KeyInput;
  errorCode: string;
  errorMessage?: string;
  variables?: Variables;
}

/** PublishMessage's arguments. */
export interface PublishMessageRequest {
  name: string;
  correlationKey?: string;
  /** How long the message stays buffered (ms); 0: only current subscriptions. */
  timeToLive?: number;
  messageId?: string;
  variables?: Variables;
}

/** A message to correlate now (never buffered). */
export interface CorrelateMessageRequest {
  name: string;
  correlationKey?: string;
  variables?: Variables;
}
