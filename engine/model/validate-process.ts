import type { ExpressionLanguage } from '../core/expression/expression-language.js';
import type { TimeLanguage } from '../core/time/time-language.js';
import type { ExecutableElement, ExecutableProcess } from './executable-model.js';
import type { BuildProblem } from './build-process.js';

const JOB_WORKER_TYPES = new Set([
  'SERVICE_TASK',
  'SEND_TASK',
  'BUSINESS_RULE_TASK',
  'SCRIPT_TASK',
]);
const ACTIVITIES = new Set([
  'SERVICE_TASK',
  'SEND_TASK',
  'BUSINESS_RULE_TASK',
  'SCRIPT_TASK',
  'RECEIVE_TASK',
  'USER_TASK',
  'MANUAL_TASK',
  'TASK',
  'SUB_PROCESS',
  'CALL_ACTIVITY',
]);

/**
 * The deploy-time rules: everything the engine would otherwise discover only while running
 * (missing job type, bad FEEL, a gateway without a way out, an event it cannot subscribe to).
 * Each rule is a small check that appends problems; all problems are reported together.
 */
export function validateProcess(
  process: ExecutableProcess,
  feel: ExpressionLanguage,
  time: TimeLanguage,
  problems: BuildProblem[],
): void {
  const report = (element: { id: string }, message: string) =>
    problems.push({ elementId: element.id, message });
  const checkExpression = (element: { id: string }, what: string, source: string | undefined) => {
    if (source === undefined || !feel.isExpression(source)) return;
    const error = feel.syntaxError(source);
    if (error) report(element, `${what} is not valid FEEL: ${error}`);
  };

  const root = process.root;
  if (
    !root.noneStartEventId &&
    process.messageStartEventIds.length +
      process.timerStartEventIds.length +
      process.signalStartEventIds.length ===
      0
  ) {
    report(root, 'the process has no start event');
  }

  for (const flow of process.flows.values()) {
    if (flow.condition) {
      checkExpression(
        flow,
        'the condition',
        feel.isExpression(flow.condition) ? flow.condition : `=${flow.condition}`,
      );
    }
  }

  for (const element of process.elements.values()) {
    for (const mapping of [...element.inputs, ...element.outputs]) {
      if (!mapping.target) report(element, 'an input/output mapping has no target');
      checkExpression(element, `the mapping source of '${mapping.target}'`, mapping.source);
    }
    checkJob(element, report, checkExpression);
    checkEvent(element, process, time, report, checkExpression);
    checkGateway(element, process, report);
    checkScope(element, process, report);
    checkUserTask(element, checkExpression);
    if (element.type === 'CALL_ACTIVITY') {
      if (!element.calledElement?.processId)
        report(element, 'a call activity needs zeebe:calledElement with a processId');
      else checkExpression(element, 'the called process id', element.calledElement.processId);
    }
    if (element.multiInstance) {
      if (!element.multiInstance.inputCollection)
        report(element, 'multi-instance needs an inputCollection');
      checkExpression(element, 'the inputCollection', element.multiInstance.inputCollection);
      checkExpression(element, 'the outputElement', element.multiInstance.outputElement);
      const condition = element.multiInstance.completionCondition;
      if (condition)
        checkExpression(
          element,
          'the completionCondition',
          feel.isExpression(condition) ? condition : `=${condition}`,
        );
    }
    if (element.type === 'BOUNDARY_EVENT') {
      const host = element.attachedToId ? process.elements.get(element.attachedToId) : undefined;
      if (!host || !ACTIVITIES.has(host.type))
        report(element, 'a boundary event must be attached to an activity');
      if (element.incoming.length > 0)
        report(element, 'a boundary event cannot have incoming sequence flows');
    }
  }
}

type Report = (element: { id: string }, message: string) => void;
type CheckExpression = (element: { id: string }, what: string, source: string | undefined) => void;

function checkJob(
  element: ExecutableElement,
  report: Report,
  checkExpression: CheckExpression,
): void {
  if (element.type === 'BUSINESS_RULE_TASK' && !element.job) {
    report(
      element,
      'a business rule task needs zeebe:taskDefinition (called decisions are not supported)',
    );
    return;
  }
  if (element.type === 'SCRIPT_TASK' && element.script) {
    if (!element.script.expression) report(element, 'zeebe:script needs an expression');
    if (!element.script.resultVariable) report(element, 'zeebe:script needs a resultVariable');
    checkExpression(element, 'the script', element.script.expression);
    return;
  }
  const messageThrow =
    (element.type === 'END_EVENT' || element.type === 'INTERMEDIATE_THROW_EVENT') &&
    element.eventType === 'MESSAGE';
  const needsJob = JOB_WORKER_TYPES.has(element.type) || messageThrow;
  if (needsJob && !element.job?.type)
    report(element, 'missing job type: add zeebe:taskDefinition with a type');
  if (element.job) {
    checkExpression(element, 'the job type', element.job.type);
    checkExpression(element, 'the job retries', element.job.retries);
  }
}

function checkEvent(
  element: ExecutableElement,
  process: ExecutableProcess,
  time: TimeLanguage,
  report: Report,
  checkExpression: CheckExpression,
): void {
  const event = element.event;
  const inEventSubProcess =
    element.flowScopeId !== undefined &&
    process.elements.get(element.flowScopeId)?.type === 'EVENT_SUB_PROCESS';
  if (
    element.type === 'INTERMEDIATE_CATCH_EVENT' &&
    event?.type !== 'MESSAGE' &&
    event?.type !== 'TIMER' &&
    event?.type !== 'SIGNAL'
  ) {
    report(element, 'an intermediate catch event needs a message, timer or signal definition');
  }
  if (
    element.type === 'BOUNDARY_EVENT' &&
    !['MESSAGE', 'TIMER', 'ERROR', 'ESCALATION', 'SIGNAL'].includes(event?.type ?? 'NONE')
  ) {
    report(
      element,
      'a boundary event needs a message, timer, error, escalation or signal definition',
    );
  }
  if (
    element.type === 'START_EVENT' &&
    event &&
    (event.type === 'ERROR' || event.type === 'ESCALATION') &&
    !inEventSubProcess
  ) {
    report(
      element,
      `a ${event.type.toLowerCase()} start event is only allowed in an event subprocess`,
    );
  }
  if (
    element.type === 'END_EVENT' &&
    event &&
    !['ERROR', 'ESCALATION', 'TERMINATE', 'MESSAGE', 'SIGNAL'].includes(event.type)
  ) {
    report(element, `an end event cannot have a ${event.type.toLowerCase()} definition`);
  }
  if (!event) {
    if (element.type === 'RECEIVE_TASK')
      report(element, 'a receive task needs a message reference');
    return;
  }
  const catching = ['INTERMEDIATE_CATCH_EVENT', 'BOUNDARY_EVENT', 'START_EVENT'].includes(
    element.type,
  );
  if (event.type === 'MESSAGE') {
    if (!event.messageName)
      report(element, 'missing message name: reference a bpmn:message with a name');
    checkExpression(element, 'the message name', event.messageName);
    const isProcessStart = element.type === 'START_EVENT' && !inEventSubProcess;
    if (catching && !isProcessStart && !event.correlationKey) {
      report(
        element,
        'missing correlation key: add zeebe:subscription correlationKey to the message',
      );
    }
    checkExpression(element, 'the correlation key', event.correlationKey);
  }
  if (event.type === 'TIMER') {
    const timer = event.timer;
    if (!timer) report(element, 'a timer needs a timeDate, timeDuration or timeCycle');
    else checkStatic(element, timer, time, report, checkExpression);
  }
  if (event.type === 'ERROR' && element.type === 'END_EVENT' && !event.errorCode) {
    report(element, 'an error end event needs an error with an errorCode');
  }
  if (event.type === 'ESCALATION' && !catching && !event.escalationCode) {
    report(element, 'an escalation throw event needs an escalation with an escalationCode');
  }
  if (event.type === 'SIGNAL' && !event.signalName)
    report(element, 'a signal event needs a signal with a name');
  if (element.type === 'RECEIVE_TASK' && event.type !== 'MESSAGE')
    report(element, 'a receive task needs a message reference');
}

function checkStatic(
  element: ExecutableElement,
  timer: { kind: 'timeDate' | 'timeDuration' | 'timeCycle'; expression: string },
  time: TimeLanguage,
  report: Report,
  checkExpression: CheckExpression,
): void {
  if (timer.expression.startsWith('=')) {
    checkExpression(element, `the ${timer.kind}`, timer.expression);
    return;
  }
  const result = time.firstFiring(timer.kind, timer.expression, 0);
  if (!result.ok) report(element, result.message);
}

function checkGateway(
  element: ExecutableElement,
  process: ExecutableProcess,
  report: Report,
): void {
  const isGateway = element.type.endsWith('_GATEWAY');
  if (!isGateway) return;
  if (element.outgoing.length === 0)
    report(element, 'a gateway needs at least one outgoing sequence flow');
  if (element.type === 'EXCLUSIVE_GATEWAY' || element.type === 'INCLUSIVE_GATEWAY') {
    if (element.defaultFlowId && !element.outgoing.includes(element.defaultFlowId)) {
      report(element, `the default flow '${element.defaultFlowId}' does not leave this gateway`);
    }
    if (element.outgoing.length > 1) {
      for (const flowId of element.outgoing) {
        const flow = process.flows.get(flowId);
        if (flow && !flow.condition && flowId !== element.defaultFlowId) {
          report(
            element,
            `the outgoing sequence flow '${flowId}' needs a condition or must be the default flow`,
          );
        }
      }
    }
  }
  if (element.type === 'EVENT_BASED_GATEWAY') {
    if (element.outgoing.length < 2)
      report(element, 'an event-based gateway needs at least two outgoing sequence flows');
    for (const flowId of element.outgoing) {
      const target = process.elements.get(process.flows.get(flowId)?.targetId ?? '');
      const ok =
        target &&
        ((target.type === 'INTERMEDIATE_CATCH_EVENT' &&
          ['MESSAGE', 'TIMER', 'SIGNAL'].includes(target.eventType)) ||
          target.type === 'RECEIVE_TASK');
      if (!ok)
        report(
          element,
          `the sequence flow '${flowId}' must lead to a message or timer catch event`,
        );
    }
  }
  if (element.type === 'PARALLEL_GATEWAY' && element.defaultFlowId)
    report(element, 'a parallel gateway cannot have a default flow');
}

function checkScope(element: ExecutableElement, process: ExecutableProcess, report: Report): void {
  if (element.type === 'SUB_PROCESS') {
    if (!element.noneStartEventId)
      report(element, 'an embedded subprocess needs exactly one none start event');
    const starts = [...process.elements.values()].filter(
      (e) => e.flowScopeId === element.id && e.type === 'START_EVENT',
    );
    if (starts.length !== 1)
      report(element, 'an embedded subprocess needs exactly one none start event');
  }
  if (element.type === 'EVENT_SUB_PROCESS') {
    const starts = [...process.elements.values()].filter(
      (e) => e.flowScopeId === element.id && e.type === 'START_EVENT',
    );
    const start = starts[0];
    if (starts.length !== 1 || !start)
      report(element, 'an event subprocess needs exactly one start event');
    else if (
      !start.event ||
      !['MESSAGE', 'TIMER', 'ERROR', 'ESCALATION', 'SIGNAL'].includes(start.event.type)
    ) {
      report(
        start,
        'the start event of an event subprocess needs a message, timer, error, escalation or signal definition',
      );
    }
    if (element.incoming.length + element.outgoing.length > 0)
      report(element, 'an event subprocess cannot have sequence flows');
  }
}

function checkUserTask(element: ExecutableElement, checkExpression: CheckExpression): void {
  const task = element.userTask;
  if (!task) return;
  checkExpression(element, 'the assignee', task.assignee);
  checkExpression(element, 'the candidate groups', task.candidateGroups);
  checkExpression(element, 'the candidate users', task.candidateUsers);
  checkExpression(element, 'the due date', task.dueDate);
  checkExpression(element, 'the follow-up date', task.followUpDate);
}
