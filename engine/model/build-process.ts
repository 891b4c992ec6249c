import type {
  BpmnElementType,
  EventDefinition,
  ExecutableElement,
  ExecutableProcess,
  Mapping,
  SequenceFlow,
  UserTaskDefinition,
} from './executable-model.js';
import { inclusiveJoinReach } from './inclusive-join-reach.js';
import { body, child, children, extension, text, type ModdleElement } from './moddle-element.js';

/** A problem found while building, before the rule checks (see validate-process.ts). */
export interface BuildProblem {
  readonly elementId?: string;
  readonly message: string;
}

const ELEMENT_TYPES: Record<string, BpmnElementType> = {
  'bpmn:StartEvent': 'START_EVENT',
  'bpmn:EndEvent': 'END_EVENT',
  'bpmn:IntermediateCatchEvent': 'INTERMEDIATE_CATCH_EVENT',
  'bpmn:IntermediateThrowEvent': 'INTERMEDIATE_THROW_EVENT',
  'bpmn:BoundaryEvent': 'BOUNDARY_EVENT',
  'bpmn:ServiceTask': 'SERVICE_TASK',
  'bpmn:SendTask': 'SEND_TASK',
  'bpmn:BusinessRuleTask': 'BUSINESS_RULE_TASK',
  'bpmn:ScriptTask': 'SCRIPT_TASK',
  'bpmn:ReceiveTask': 'RECEIVE_TASK',
  'bpmn:UserTask': 'USER_TASK',
  'bpmn:ManualTask': 'MANUAL_TASK',
  'bpmn:Task': 'TASK',
  'bpmn:ExclusiveGateway': 'EXCLUSIVE_GATEWAY',
  'bpmn:ParallelGateway': 'PARALLEL_GATEWAY',
  'bpmn:InclusiveGateway': 'INCLUSIVE_GATEWAY',
  'bpmn:EventBasedGateway': 'EVENT_BASED_GATEWAY',
  'bpmn:SubProcess': 'SUB_PROCESS',
  'bpmn:CallActivity': 'CALL_ACTIVITY',
};

/** Elements that carry no execution semantics and are skipped. */
const IGNORED = new Set([
  'bpmn:SequenceFlow',
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
  'bpmn:Association',
  'bpmn:TextAnnotation',
  'bpmn:Group',
]);

/** Builds the executable model of one `bpmn:Process`, collecting problems instead of throwing. */
export function buildProcess(process: ModdleElement, problems: BuildProblem[]): ExecutableProcess {
  const elements = new Map<string, ExecutableElement>();
  const flows = new Map<string, SequenceFlow>();
  const processId = process.id ?? '';
  const scopeChildren = new Map<string, ModdleElement[]>();

  const visit = (scope: ModdleElement, scopeId: string) => {
    const nodes: ModdleElement[] = [];
    for (const item of children(scope, 'flowElements')) {
      if (item.$type === 'bpmn:SequenceFlow') {
        const source = child(item, 'sourceRef');
        const target = child(item, 'targetRef');
        flows.set(item.id ?? '', {
          id: item.id ?? '',
          sourceId: source?.id ?? '',
          targetId: target?.id ?? '',
          condition: body(item, 'conditionExpression'),
        });
      } else if (!IGNORED.has(item.$type)) {
        nodes.push(item);
        if (item.$type === 'bpmn:SubProcess') visit(item, item.id ?? '');
      }
    }
    scopeChildren.set(scopeId, nodes);
  };
  visit(process, processId);

  const boundaryByActivity = new Map<string, string[]>();
  for (const nodes of scopeChildren.values()) {
    for (const node of nodes) {
      if (node.$type !== 'bpmn:BoundaryEvent') continue;
      const host = child(node, 'attachedToRef')?.id ?? '';
      boundaryByActivity.set(host, [...(boundaryByActivity.get(host) ?? []), node.id ?? '']);
    }
  }

  for (const [scopeId, nodes] of scopeChildren) {
    for (const node of nodes) {
      const element = buildElement(node, scopeId, boundaryByActivity, scopeChildren, problems);
      if (element) elements.set(element.id, element);
    }
  }

  const rootScope = scopeInfo(processId, scopeChildren);
  const root: ExecutableElement = {
    ...baseElement(process, 'PROCESS'),
    flowScopeId: undefined,
    ...rootScope,
  };
  elements.set(processId, root);

  const topStarts = (scopeChildren.get(processId) ?? []).filter(
    (n) => n.$type === 'bpmn:StartEvent',
  );
  const startsOf = (type: string) =>
    topStarts
      .filter((n) => children(n, 'eventDefinitions')[0]?.$type === type)
      .map((n) => n.id ?? '');
  return {
    bpmnProcessId: processId,
    name: text(process, 'name'),
    elements,
    flows,
    root,
    messageStartEventIds: startsOf('bpmn:MessageEventDefinition'),
    timerStartEventIds: startsOf('bpmn:TimerEventDefinition'),
    signalStartEventIds: startsOf('bpmn:SignalEventDefinition'),
    inclusiveJoinReach: inclusiveJoinReach(elements, flows),
  };
}

function scopeInfo(scopeId: string, scopeChildren: Map<string, ModdleElement[]>) {
  const nodes = scopeChildren.get(scopeId) ?? [];
  const noneStart = nodes.find(
    (n) => n.$type === 'bpmn:StartEvent' && children(n, 'eventDefinitions').length === 0,
  );
  return {
    noneStartEventId: noneStart?.id,
    eventSubProcessIds: nodes
      .filter((n) => n.$type === 'bpmn:SubProcess' && n.triggeredByEvent === true)
      .map((n) => n.id ?? ''),
  };
}

function baseElement(node: ModdleElement, type: BpmnElementType): ExecutableElement {
  return {
    id: node.id ?? '',
    name: text(node, 'name'),
    type,
    eventType: 'NONE',
    incoming: children(node, 'incoming').map((f) => f.id ?? ''),
    outgoing: children(node, 'outgoing').map((f) => f.id ?? ''),
    inputs: [],
    outputs: [],
    boundaryEventIds: [],
    interrupting: true,
    eventSubProcessIds: [],
    camundaUserTask: false,
  };
}

function buildElement(
  node: ModdleElement,
  scopeId: string,
  boundaryByActivity: Map<string, string[]>,
  scopeChildren: Map<string, ModdleElement[]>,
  problems: BuildProblem[],
): ExecutableElement | undefined {
  const id = node.id ?? '';
  let type = ELEMENT_TYPES[node.$type];
  if (!type) {
    problems.push({
      elementId: id,
      message: `element kind '${node.$type.replace('bpmn:', '')}' is not supported`,
    });
    return undefined;
  }
  if (type === 'SUB_PROCESS' && node.triggeredByEvent === true) type = 'EVENT_SUB_PROCESS';
  // Listeners change what runs; silently skipping them would run a different process.
  for (const [extensionType, what] of [
    ['zeebe:ExecutionListeners', 'execution listeners'],
    ['zeebe:TaskListeners', 'task listeners'],
  ] as const) {
    if (extension(node, extensionType))
      problems.push({ elementId: id, message: `${what} are not supported yet` });
  }
  if (node.isForCompensation === true)
    problems.push({ elementId: id, message: 'compensation is not supported yet' });
  const io = extension(node, 'zeebe:IoMapping');
  const mappings = (list: string): Mapping[] =>
    children(io ?? { $type: '' }, list).map((p) => ({
      source: text(p, 'source') ?? '',
      target: text(p, 'target') ?? '',
    }));
  const event = eventDefinition(node, problems);
  const element: ExecutableElement = {
    ...baseElement(node, type),
    flowScopeId: scopeId,
    defaultFlowId: child(node, 'default')?.id,
    eventType: event?.type ?? 'NONE',
    event,
    inputs: mappings('inputParameters'),
    outputs: mappings('outputParameters'),
    boundaryEventIds: boundaryByActivity.get(id) ?? [],
    attachedToId: child(node, 'attachedToRef')?.id,
    interrupting:
      node.$type === 'bpmn:BoundaryEvent'
        ? node.cancelActivity !== false
        : node.isInterrupting !== false,
    ...(type === 'SUB_PROCESS' || type === 'EVENT_SUB_PROCESS' ? scopeInfo(id, scopeChildren) : {}),
    startEventId:
      type === 'EVENT_SUB_PROCESS'
        ? (scopeChildren.get(id) ?? []).find((n) => n.$type === 'bpmn:StartEvent')?.id
        : undefined,
    job: jobDefinition(node),
    camundaUserTask:
      node.$type === 'bpmn:UserTask' && extension(node, 'zeebe:UserTask') !== undefined,
    userTask: node.$type === 'bpmn:UserTask' ? userTaskDefinition(node) : undefined,
    multiInstance: multiInstance(node),
    calledElement: calledElement(node),
    script: script(node),
  };
  return element;
}

function eventDefinition(
  node: ModdleElement,
  problems: BuildProblem[],
): EventDefinition | undefined {
  if (node.$type === 'bpmn:ReceiveTask') {
    const message = child(node, 'messageRef');
    if (!message) return undefined;
    return {
      type: 'MESSAGE',
      messageName: text(message, 'name'),
      correlationKey: text(extension(message, 'zeebe:Subscription'), 'correlationKey'),
    };
  }
  const definitions = children(node, 'eventDefinitions');
  if (definitions.length > 1)
    problems.push({ elementId: node.id, message: 'multiple event definitions are not supported' });
  const definition = definitions[0];
  if (!definition) return undefined;
  switch (definition.$type) {
    case 'bpmn:MessageEventDefinition': {
      const message = child(definition, 'messageRef');
      return {
        type: 'MESSAGE',
        messageName: text(message, 'name'),
        // zeebe:subscription sits on the bpmn:message (Zeebe's modeler puts it there)
        correlationKey: text(
          message ? extension(message, 'zeebe:Subscription') : undefined,
          'correlationKey',
        ),
      };
    }
    case 'bpmn:TimerEventDefinition': {
      for (const kind of ['timeDate', 'timeDuration', 'timeCycle'] as const) {
        const expression = body(definition, kind);
        if (expression) return { type: 'TIMER', timer: { kind, expression } };
      }
      return { type: 'TIMER' };
    }
    case 'bpmn:ErrorEventDefinition':
      return { type: 'ERROR', errorCode: text(child(definition, 'errorRef'), 'errorCode') };
    case 'bpmn:EscalationEventDefinition':
      return {
        type: 'ESCALATION',
        escalationCode: text(child(definition, 'escalationRef'), 'escalationCode'),
      };
    case 'bpmn:TerminateEventDefinition':
      return { type: 'TERMINATE' };
    case 'bpmn:SignalEventDefinition':
      return { type: 'SIGNAL', signalName: text(child(definition, 'signalRef'), 'name') };
    default:
      problems.push({
        elementId: node.id,
        message: `event definition '${definition.$type.replace('bpmn:', '')}' is not supported`,
      });
      return undefined;
  }
}

function jobDefinition(node: ModdleElement) {
  const task = extension(node, 'zeebe:TaskDefinition');
  const headersElement = extension(node, 'zeebe:TaskHeaders');
  const headers: Record<string, string> = {};
  for (const header of children(headersElement ?? { $type: '' }, 'values')) {
    const key = text(header, 'key');
    if (key) headers[key] = text(header, 'value') ?? '';
  }
  if (!task) return Object.keys(headers).length ? { type: '', retries: '3', headers } : undefined;
  return { type: text(task, 'type') ?? '', retries: text(task, 'retries') ?? '3', headers };
}

function userTaskDefinition(node: ModdleElement): UserTaskDefinition {
  const form = extension(node, 'zeebe:FormDefinition');
  const assignment = extension(node, 'zeebe:AssignmentDefinition');
  const schedule = extension(node, 'zeebe:TaskSchedule');
  return {
    formKey: text(form, 'formKey'),
    formId: text(form, 'formId'),
    externalFormReference: text(form, 'externalReference'),
    assignee: text(assignment, 'assignee'),
    candidateGroups: text(assignment, 'candidateGroups'),
    candidateUsers: text(assignment, 'candidateUsers'),
    dueDate: text(schedule, 'dueDate'),
    followUpDate: text(schedule, 'followUpDate'),
    priority: text(extension(node, 'zeebe:PriorityDefinition'), 'priority'),
  };
}

function multiInstance(node: ModdleElement) {
  const loop = child(node, 'loopCharacteristics');
  if (!loop || loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return undefined;
  const zeebe = extension(loop, 'zeebe:LoopCharacteristics');
  return {
    sequential: loop.isSequential === true,
    inputCollection: text(zeebe, 'inputCollection') ?? '',
    inputElement: text(zeebe, 'inputElement'),
    outputCollection: text(zeebe, 'outputCollection'),
    outputElement: text(zeebe, 'outputElement'),
    completionCondition: body(loop, 'completionCondition'),
  };
}

function calledElement(node: ModdleElement) {
  const called = extension(node, 'zeebe:CalledElement');
  if (!called) return undefined;
  return {
    processId: text(called, 'processId') ?? '',
    propagateAllChildVariables: called.propagateAllChildVariables !== false,
    propagateAllParentVariables: called.propagateAllParentVariables !== false,
  };
}

function script(node: ModdleElement) {
  const zeebeScript = extension(node, 'zeebe:Script');
  if (!zeebeScript) return undefined;
  return {
    expression: text(zeebeScript, 'expression') ?? '',
    resultVariable: text(zeebeScript, 'resultVariable') ?? '',
  };
}
