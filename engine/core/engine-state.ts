import type { ExecutableProcess } from '../model/executable-model.js';
import type { EngineRecord, RecordDraft } from './records.js';

/**
 * The state the core reads and changes while processing a command. The SQLite store
 * implements it; every change lands in the same transaction as the records describing it.
 * Rows are plain values; keys are numbers here and strings at the API.
 */

/** A deployed process version. */
export interface ProcessDefinitionRow {
  key: number;
  bpmnProcessId: string;
  version: number;
  name: string | null;
  resourceName: string;
  checksum: string;
  deploymentKey: number;
  deployedAt: number;
}

/** The lifecycle states of an element instance (Zeebe's PROCESS_INSTANCE intents). */
export type ElementState =
  | 'ELEMENT_ACTIVATING'
  | 'ELEMENT_ACTIVATED'
  | 'ELEMENT_COMPLETING'
  | 'ELEMENT_COMPLETED'
  | 'ELEMENT_TERMINATING'
  | 'ELEMENT_TERMINATED';

/** What a scope does once all its children are gone (an interruption in progress). */
export type PendingAction =
  | { kind: 'complete' }
  | {
      kind: 'activate';
      elementId: string;
      variables: Record<string, unknown> | null;
      flowScopeKey: number;
    };

/** One execution of a flow node, scope or process (the process instance is its own row). */
export interface ElementInstanceRow {
  key: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
  elementId: string;
  elementType: string;
  eventType: string;
  flowScopeKey: number | null;
  state: ElementState;
  startDate: number;
  endDate: number | null;
  /** Children not yet finished, including queued activations and tokens waiting at joins. */
  tokens: number;
  /** Multi-instance: the loop counter of an inner instance, or of the body: items started. */
  loopCounter: number;
  /** Multi-instance body: the evaluated input collection. */
  loopItems: unknown[] | null;
  /** Key of the job or user task this element waits for. */
  jobKey: number | null;
  userTaskKey: number | null;
  /** Call activity: the child process instance; process: the calling element instance. */
  calledKey: number | null;
  /** What happens after this element is terminated or its children are all gone. */
  pending: PendingAction | null;
  /** Event-based gateway / scope: an event has already been triggered. */
  interrupted: boolean;
  incidentKey: number | null;
}

/** A process instance as the searches see it. */
export interface ProcessInstanceRow {
  key: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startDate: number;
  endDate: number | null;
  parentProcessInstanceKey: number | null;
  parentElementInstanceKey: number | null;
  incidentCount: number;
}

/** One variable in one scope; the value is kept as JSON text. */
export interface VariableRow {
  key: number;
  name: string;
  value: string;
  scopeKey: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
}

/** Job states as the engine tracks them. */
export type JobState =
  'ACTIVATABLE' | 'ACTIVATED' | 'BACKOFF' | 'FAILED' | 'ERROR_THROWN' | 'COMPLETED' | 'CANCELED';

/** A job for a worker. */
export interface JobRow {
  key: number;
  type: string;
  state: JobState;
  worker: string;
  retries: number;
  deadline: number | null;
  recurAt: number | null;
  errorMessage: string;
  errorCode: string;
  customHeaders: Record<string, string>;
  elementInstanceKey: number;
  elementId: string;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  kind: 'BPMN_ELEMENT';
  listenerEventType: 'UNSPECIFIED';
}

/** What an incident is about (Zeebe's ErrorType). */
export type IncidentErrorType =
  | 'JOB_NO_RETRIES'
  | 'EXTRACT_VALUE_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'CONDITION_ERROR'
  | 'UNHANDLED_ERROR_EVENT'
  | 'CALLED_ELEMENT_ERROR'
  | 'UNKNOWN';

/** An incident. */
export interface IncidentRow {
  key: number;
  state: 'ACTIVE' | 'RESOLVED';
  errorType: IncidentErrorType;
  errorMessage: string;
  elementInstanceKey: number;
  elementId: string;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  jobKey: number | null;
  variableScopeKey: number;
  creationTime: number;
}

/** An open message subscription of a waiting element (catch event, receive task, boundary, event subprocess start). */
export interface MessageSubscriptionRow {
  key: number;
  messageName: string;
  correlationKey: string;
  elementInstanceKey: number;
  /** The catching element (boundary or event subprocess start); may differ from the waiting element. */
  catchElementId: string;
  interrupting: boolean;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
}

/** A published message, buffered until it expires. */
export interface MessageRow {
  key: number;
  name: string;
  correlationKey: string;
  messageId: string | null;
  variables: Record<string, unknown>;
  deadline: number;
  timeToLive: number;
}

/** A message start event of the latest version of a process. */
export interface StartSubscriptionRow {
  key: number;
  messageName: string;
  processDefinitionKey: number;
  bpmnProcessId: string;
  startEventId: string;
}

/** A scheduled timer (intermediate, boundary, event subprocess or process start). */
export interface TimerRow {
  key: number;
  dueDate: number;
  repetitions: number;
  /** The timer's definition as evaluated (for cycles: the cycle to compute the next firing). */
  definition: string;
  kind: 'timeDate' | 'timeDuration' | 'timeCycle';
  /** The waiting element instance; -1 for a process start timer. */
  elementInstanceKey: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  targetElementId: string;
  interrupting: boolean;
}

/** A signal subscription: a waiting catch event, boundary or event subprocess start, or a signal start event (-1). */
export interface SignalSubscriptionRow {
  key: number;
  signalName: string;
  elementInstanceKey: number;
  catchElementId: string;
  interrupting: boolean;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
}

/** A Camunda user task. */
export interface UserTaskRow {
  key: number;
  state: 'CREATED' | 'COMPLETED' | 'CANCELED';
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  followUpDate: string | null;
  formKey: string | null;
  externalFormReference: string | null;
  priority: number;
  creationDate: number;
  completionDate: number | null;
  elementInstanceKey: number;
  elementId: string;
  name: string | null;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  customHeaders: Record<string, string>;
}

/** Arrivals at a joining gateway (parallel or inclusive), one row per taken incoming flow. */
export interface JoinTokenRow {
  scopeKey: number;
  gatewayId: string;
  flowId: string;
  count: number;
}

/** Read and write access to one kind of row, by key. */
export interface Table<Row extends { key: number }> {
  get(key: number): Row | undefined;
  put(row: Row): void;
  delete(key: number): void;
}

/** The engine state as the core sees it. */
export interface EngineState {
  readonly definitions: Table<ProcessDefinitionRow> & {
    latest(bpmnProcessId: string): ProcessDefinitionRow | undefined;
    byVersion(bpmnProcessId: string, version: number): ProcessDefinitionRow | undefined;
    /** The executable model of a deployed definition. */
    process(key: number): ExecutableProcess;
    /** Keeps the deployed XML of a definition. */
    storeXml(key: number, xml: string): void;
    /** Registers the executable model of a definition (deploy and restart). */
    cacheProcess(key: number, process: ExecutableProcess): void;
  };
  readonly elementInstances: Table<ElementInstanceRow> & {
    /** Children of a scope that are not completed or terminated. */
    activeChildren(flowScopeKey: number): ElementInstanceRow[];
  };
  readonly processInstances: Table<ProcessInstanceRow>;
  readonly variables: {
    get(scopeKey: number, name: string): VariableRow | undefined;
    put(row: VariableRow): void;
    ofScope(scopeKey: number): VariableRow[];
  };
  readonly jobs: Table<JobRow> & { activatable(type: string, limit: number): JobRow[] };
  readonly incidents: Table<IncidentRow> & { activeOf(elementInstanceKey: number): IncidentRow[] };
  readonly messageSubscriptions: Table<MessageSubscriptionRow> & {
    matching(messageName: string, correlationKey: string): MessageSubscriptionRow[];
    ofElement(elementInstanceKey: number): MessageSubscriptionRow[];
  };
  readonly messages: Table<MessageRow> & {
    byMessageId(name: string, messageId: string): MessageRow | undefined;
    matching(name: string, correlationKey: string): MessageRow[];
    /** Marks that a message started or correlated to an instance of a process. */
    markCorrelated(messageKey: number, bpmnProcessId: string, processInstanceKey: number): void;
    wasCorrelated(messageKey: number, bpmnProcessId: string): boolean;
    /** Remembers that a message with this correlation key started an instance. */
    markStartedBy(bpmnProcessId: string, correlationKey: string, processInstanceKey: number): void;
    /** The correlation key of the message that started an instance, if one did. */
    startedBy(processInstanceKey: number): string | undefined;
    /** True while an instance started by a message with this correlation key is still active. */
    activeInstanceFor(bpmnProcessId: string, correlationKey: string): boolean;
  };
  readonly startSubscriptions: Table<StartSubscriptionRow> & {
    byMessageName(messageName: string): StartSubscriptionRow[];
    ofProcess(bpmnProcessId: string): StartSubscriptionRow[];
  };
  readonly timers: Table<TimerRow> & {
    ofElement(elementInstanceKey: number): TimerRow[];
    startTimersOf(bpmnProcessId: string): TimerRow[];
  };
  readonly userTasks: Table<UserTaskRow>;
  readonly signalSubscriptions: Table<SignalSubscriptionRow> & {
    byName(signalName: string): SignalSubscriptionRow[];
    ofElement(elementInstanceKey: number): SignalSubscriptionRow[];
    startEventsOf(bpmnProcessId: string): SignalSubscriptionRow[];
  };
  readonly joins: {
    arrivals(scopeKey: number, gatewayId: string): JoinTokenRow[];
    put(row: JoinTokenRow): void;
    clearScope(scopeKey: number): number;
  };
  /** Appends a record and returns it with its position. */
  append(record: RecordDraft): EngineRecord;
}
