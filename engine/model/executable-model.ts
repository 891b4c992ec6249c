/**
 * The executable model: an immutable view of one deployed BPMN process, built once at deploy
 * time from the moddle tree, so the core never touches XML or moddle objects while running.
 *
 * Element types use Zeebe's `BpmnElementType` names because they appear verbatim in the records
 * (`value.bpmnElementType`) and in the REST searches.
 */

/** Zeebe's names of the BPMN element kinds the engine executes. */
export type BpmnElementType =
  | 'PROCESS'
  | 'START_EVENT'
  | 'END_EVENT'
  | 'INTERMEDIATE_CATCH_EVENT'
  | 'INTERMEDIATE_THROW_EVENT'
  | 'BOUNDARY_EVENT'
  | 'SERVICE_TASK'
  | 'SEND_TASK'
  | 'BUSINESS_RULE_TASK'
  | 'SCRIPT_TASK'
  | 'RECEIVE_TASK'
  | 'USER_TASK'
  | 'MANUAL_TASK'
  | 'TASK'
  | 'EXCLUSIVE_GATEWAY'
  | 'PARALLEL_GATEWAY'
  | 'INCLUSIVE_GATEWAY'
  | 'EVENT_BASED_GATEWAY'
  | 'SUB_PROCESS'
  | 'EVENT_SUB_PROCESS'
  | 'CALL_ACTIVITY'
  | 'MULTI_INSTANCE_BODY';

/** Event definition kinds (Zeebe's `BpmnEventType`). */
export type BpmnEventType =
  'NONE' | 'MESSAGE' | 'TIMER' | 'ERROR' | 'ESCALATION' | 'TERMINATE' | 'SIGNAL';

/** One `zeebe:input` or `zeebe:output`: `source` is a FEEL expression (with leading `=`) or a static value. */
export interface Mapping {
  readonly source: string;
  readonly target: string;
}

/** A timer definition exactly as modelled; evaluated when the timer is created. */
export interface TimerDefinition {
  readonly kind: 'timeDate' | 'timeDuration' | 'timeCycle';
  readonly expression: string;
}

/** What an event listens for or throws. */
export interface EventDefinition {
  readonly type: BpmnEventType;
  /** Message name (static or `=expr`) for MESSAGE. */
  readonly messageName?: string;
  /** `zeebe:subscription correlationKey` for catching MESSAGE events. */
  readonly correlationKey?: string;
  readonly timer?: TimerDefinition;
  /** Error code for ERROR (undefined on a catch event = catch all). */
  readonly errorCode?: string;
  /** Escalation code for ESCALATION (undefined on a catch event = catch all). */
  readonly escalationCode?: string;
  readonly signalName?: string;
}

/** The job a job-based element creates (`zeebe:taskDefinition` + `zeebe:taskHeaders`). */
export interface JobDefinition {
  readonly type: string;
  readonly retries: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Camunda user task data (`zeebe:userTask` with form, assignment and schedule). */
export interface UserTaskDefinition {
  readonly formKey?: string;
  readonly formId?: string;
  readonly externalFormReference?: string;
  readonly assignee?: string;
  readonly candidateGroups?: string;
  readonly candidateUsers?: string;
  readonly dueDate?: string;
  readonly followUpDate?: string;
  readonly priority?: string;
}

/** Multi-instance loop characteristics (`zeebe:loopCharacteristics`). */
export interface MultiInstanceDefinition {
  readonly sequential: boolean;
  readonly inputCollection: string;
  readonly inputElement?: string;
  readonly outputCollection?: string;
  readonly outputElement?: string;
  readonly completionCondition?: string;
}

/** `zeebe:calledElement` of a call activity. */
export interface CalledElementDefinition {
  readonly processId: string;
  readonly propagateAllChildVariables: boolean;
  readonly propagateAllParentVariables: boolean;
}

/** A flow node or a scope (process, subprocess) of the executable model. */
export interface ExecutableElement {
  readonly id: string;
  readonly name?: string;
  readonly type: BpmnElementType;
  readonly eventType: BpmnEventType;
  /** Id of the enclosing scope element (the process or a subprocess); undefined for the process. */
  readonly flowScopeId?: string;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  readonly defaultFlowId?: string;
  readonly event?: EventDefinition;
  readonly job?: JobDefinition;
  readonly inputs: readonly Mapping[];
  readonly outputs: readonly Mapping[];
  /** Boundary events attached to this activity. */
  readonly boundaryEventIds: readonly string[];
  /** For a boundary event: the activity it is attached to. */
  readonly attachedToId?: string;
  /** Boundary: cancelActivity; event subprocess start: isInterrupting. */
  readonly interrupting: boolean;
  /** For scopes: the none start event that runs when the scope is entered. */
  readonly noneStartEventId?: string;
  /** For scopes: event subprocesses directly inside. */
  readonly eventSubProcessIds: readonly string[];
  /** For an event subprocess: its (single) start event. */
  readonly startEventId?: string;
  readonly userTask?: UserTaskDefinition;
  /** True for `zeebe:userTask` (Camunda user task); false for job-based user tasks. */
  readonly camundaUserTask: boolean;
  readonly multiInstance?: MultiInstanceDefinition;
  readonly calledElement?: CalledElementDefinition;
  /** FEEL script (`zeebe:script`) and its result variable. */
  readonly script?: { readonly expression: string; readonly resultVariable: string };
}

/** A sequence flow with its optional condition (FEEL, with leading `=`). */
export interface SequenceFlow {
  readonly id: string;
  readonly sourceId: string;
  readonly targetId: string;
  readonly condition?: string;
}

/** One executable process of a deployed resource. */
export interface ExecutableProcess {
  readonly bpmnProcessId: string;
  readonly name?: string;
  readonly elements: ReadonlyMap<string, ExecutableElement>;
  readonly flows: ReadonlyMap<string, SequenceFlow>;
  /** The process element itself (type PROCESS). */
  readonly root: ExecutableElement;
  /** Message and timer start events of the process (not of event subprocesses). */
  readonly messageStartEventIds: readonly string[];
  readonly timerStartEventIds: readonly string[];
  readonly signalStartEventIds: readonly string[];
  /**
   * For each joining inclusive gateway, the elements of its scope that can still lead a token
   * to it (see inclusive-join-reach.ts).
   */
  readonly inclusiveJoinReach: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Element lookup that fails loudly: a missing id means a corrupt model, never user input. */
export function elementOf(process: ExecutableProcess, id: string): ExecutableElement {
  const element = process.elements.get(id);
  if (!element) throw new Error(`element '${id}' not in process '${process.bpmnProcessId}'`);
  return element;
}

/** Sequence flow lookup that fails loudly (see elementOf). */
export function flowOf(process: ExecutableProcess, id: string): SequenceFlow {
  const flow = process.flows.get(id);
  if (!flow) throw new Error(`sequence flow '${id}' not in process '${process.bpmnProcessId}'`);
  return flow;
}
