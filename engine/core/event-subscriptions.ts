import type { ExecutableElement } from '../model/executable-model.js';
import { elementOf } from '../model/executable-model.js';
import type {
  ElementInstanceRow,
  MessageSubscriptionRow,
  SignalSubscriptionRow,
  TimerRow,
} from './engine-state.js';
import { raiseIncident } from './incidents.js';
import type { ProcessingContext } from './processing-context.js';
import { visibleVariables } from './variables.js';

/**
 * Subscriptions that let events reach a waiting element: timers and message subscriptions of
 * intermediate catch events, receive tasks, event-based gateways, boundary events attached to
 * an activity, and the start events of event subprocesses inside a scope. Error and escalation
 * catchers need none: they are looked up when something is thrown.
 */

/** The catch elements an instance listens for while it is active. */
export function catchElementsOf(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  element: ExecutableElement,
): ExecutableElement[] {
  const process = ctx.processOf(instance);
  const catches: ExecutableElement[] = [];
  const inner =
    instance.flowScopeKey !== null &&
    instance.elementType !== 'MULTI_INSTANCE_BODY' &&
    element.multiInstance !== undefined;
  if (!inner) for (const id of element.boundaryEventIds) catches.push(elementOf(process, id));
  if (!inner || element.type === 'SUB_PROCESS') {
    if (instance.elementType !== 'MULTI_INSTANCE_BODY') {
      for (const id of element.eventSubProcessIds) {
        const startId = elementOf(process, id).startEventId;
        if (startId) catches.push(elementOf(process, startId));
      }
    }
  }
  if (element.type === 'INTERMEDIATE_CATCH_EVENT' || element.type === 'RECEIVE_TASK')
    catches.push(element);
  if (element.type === 'EVENT_BASED_GATEWAY') {
    for (const flowId of element.outgoing)
      catches.push(elementOf(process, process.flows.get(flowId)?.targetId ?? ''));
  }
  return catches;
}

/** True when the instance may hold timers or message or signal subscriptions. */
export function listensForEvents(ctx: ProcessingContext, instance: ElementInstanceRow): boolean {
  return catchElementsOf(ctx, instance, ctx.elementOf(instance)).some(
    (c) => c.event?.type === 'TIMER' || c.event?.type === 'MESSAGE' || c.event?.type === 'SIGNAL',
  );
}

/** True when the instance opened message subscriptions (buffered messages may be waiting). */
export function listensForMessages(ctx: ProcessingContext, instance: ElementInstanceRow): boolean {
  return catchElementsOf(ctx, instance, ctx.elementOf(instance)).some(
    (c) => c.event?.type === 'MESSAGE',
  );
}

/** Opens timers and message subscriptions; false after raising an incident for a bad expression. */
export function openEventSubscriptions(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  element: ExecutableElement,
): boolean {
  const catches = catchElementsOf(ctx, instance, element).filter(
    (c) => c.event?.type === 'TIMER' || c.event?.type === 'MESSAGE' || c.event?.type === 'SIGNAL',
  );
  if (catches.length === 0) return true;
  const variables = visibleVariables(ctx, instance.key);
  for (const catchElement of catches) {
    const type = catchElement.event?.type;
    const ok =
      type === 'TIMER'
        ? openTimer(ctx, instance, catchElement, variables)
        : type === 'SIGNAL'
          ? openSignalSubscription(ctx, instance, catchElement, variables)
          : openMessageSubscription(ctx, instance, catchElement, variables);
    if (!ok) return false;
  }
  return true;
}

function evaluateText(
  ctx: ProcessingContext,
  source: string,
  variables: Record<string, unknown>,
): { ok: true; value: string } | { ok: false; message: string } {
  if (!ctx.feel.isExpression(source)) return { ok: true, value: source };
  const result = ctx.feel.evaluate(source, variables, ctx.env);
  if (!result.ok) return result;
  if (typeof result.value === 'string') return { ok: true, value: result.value };
  if (typeof result.value === 'number') return { ok: true, value: String(result.value) };
  return {
    ok: false,
    message: `expected '${source}' to be a string or number, but was ${JSON.stringify(result.value)}`,
  };
}

function openTimer(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  catchElement: ExecutableElement,
  variables: Record<string, unknown>,
): boolean {
  const timer = catchElement.event?.timer;
  if (!timer) return true;
  const text = evaluateText(ctx, timer.expression, variables);
  if (!text.ok) {
    raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', text.message);
    return false;
  }
  const schedule = ctx.time.firstFiring(timer.kind, text.value, ctx.now);
  if (!schedule.ok) {
    raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', `${catchElement.id}: ${schedule.message}`);
    return false;
  }
  createTimer(ctx, {
    key: ctx.nextKey(),
    dueDate: schedule.schedule.dueDate,
    repetitions: schedule.schedule.repetitions,
    definition: text.value,
    kind: timer.kind,
    elementInstanceKey: instance.key,
    processInstanceKey: instance.processInstanceKey,
    processDefinitionKey: instance.processDefinitionKey,
    bpmnProcessId: instance.bpmnProcessId,
    targetElementId: catchElement.id,
    interrupting: catchElement.interrupting,
  });
  return true;
}

/** Stores a timer and writes TIMER CREATED. */
export function createTimer(ctx: ProcessingContext, timer: TimerRow): void {
  ctx.state.timers.put(timer);
  ctx.write('TIMER', 'CREATED', timer.key, timerValue(timer));
}

/** The TIMER record value. */
export function timerValue(timer: TimerRow): Record<string, unknown> {
  return {
    elementInstanceKey: timer.elementInstanceKey,
    processInstanceKey: timer.processInstanceKey,
    processDefinitionKey: timer.processDefinitionKey,
    dueDate: timer.dueDate,
    repetitions: timer.repetitions,
    targetElementId: timer.targetElementId,
    tenantId: '<default>',
  };
}

function openMessageSubscription(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  catchElement: ExecutableElement,
  variables: Record<string, unknown>,
): boolean {
  const event = catchElement.event;
  const name = evaluateText(ctx, event?.messageName ?? '', variables);
  const correlation = evaluateText(ctx, event?.correlationKey ?? '', variables);
  const failure = !name.ok ? name : !correlation.ok ? correlation : undefined;
  if (failure && !failure.ok) {
    raiseIncident(
      ctx,
      instance,
      'EXTRACT_VALUE_ERROR',
      `failed to open the message subscription of '${catchElement.id}': ${failure.message}`,
    );
    return false;
  }
  const subscription: MessageSubscriptionRow = {
    key: ctx.nextKey(),
    messageName: name.ok ? name.value : '',
    correlationKey: correlation.ok ? correlation.value : '',
    elementInstanceKey: instance.key,
    catchElementId: catchElement.id,
    interrupting: catchElement.interrupting,
    processInstanceKey: instance.processInstanceKey,
    processDefinitionKey: instance.processDefinitionKey,
    bpmnProcessId: instance.bpmnProcessId,
  };
  ctx.state.messageSubscriptions.put(subscription);
  ctx.write(
    'PROCESS_MESSAGE_SUBSCRIPTION',
    'CREATED',
    subscription.key,
    subscriptionValue(subscription),
  );
  ctx.write('MESSAGE_SUBSCRIPTION', 'CREATED', subscription.key, subscriptionValue(subscription));
  return true;
}

/** The (PROCESS_)MESSAGE_SUBSCRIPTION record value. */
export function subscriptionValue(
  subscription: MessageSubscriptionRow,
  variables: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    messageName: subscription.messageName,
    correlationKey: subscription.correlationKey,
    elementInstanceKey: subscription.elementInstanceKey,
    elementId: subscription.catchElementId,
    processInstanceKey: subscription.processInstanceKey,
    bpmnProcessId: subscription.bpmnProcessId,
    interrupting: subscription.interrupting,
    variables,
    tenantId: '<default>',
  };
}

function openSignalSubscription(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  catchElement: ExecutableElement,
  variables: Record<string, unknown>,
): boolean {
  const name = evaluateText(ctx, catchElement.event?.signalName ?? '', variables);
  if (!name.ok) {
    raiseIncident(
      ctx,
      instance,
      'EXTRACT_VALUE_ERROR',
      `failed to open the signal subscription of '${catchElement.id}': ${name.message}`,
    );
    return false;
  }
  const row: SignalSubscriptionRow = {
    key: ctx.nextKey(),
    signalName: name.value,
    elementInstanceKey: instance.key,
    catchElementId: catchElement.id,
    interrupting: catchElement.interrupting,
    processInstanceKey: instance.processInstanceKey,
    processDefinitionKey: instance.processDefinitionKey,
    bpmnProcessId: instance.bpmnProcessId,
  };
  ctx.state.signalSubscriptions.put(row);
  ctx.write('SIGNAL_SUBSCRIPTION', 'CREATED', row.key, signalValue(row));
  return true;
}

function signalValue(row: SignalSubscriptionRow): Record<string, unknown> {
  return {
    signalName: row.signalName,
    catchElementId: row.catchElementId,
    catchEventInstanceKey: row.elementInstanceKey,
    processDefinitionKey: row.processDefinitionKey,
    bpmnProcessId: row.bpmnProcessId,
    tenantId: '<default>',
  };
}

/** Closes every timer, message and signal subscription an instance holds. */
export function closeEventSubscriptions(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
): void {
  // Most elements listen for nothing: the model says so without asking the database.
  if (!listensForEvents(ctx, instance)) return;
  for (const timer of ctx.state.timers.ofElement(instance.key)) {
    ctx.state.timers.delete(timer.key);
    ctx.write('TIMER', 'CANCELED', timer.key, timerValue(timer));
  }
  for (const signal of ctx.state.signalSubscriptions.ofElement(instance.key)) {
    ctx.state.signalSubscriptions.delete(signal.key);
    ctx.write('SIGNAL_SUBSCRIPTION', 'DELETED', signal.key, signalValue(signal));
  }
  for (const subscription of ctx.state.messageSubscriptions.ofElement(instance.key)) {
    ctx.state.messageSubscriptions.delete(subscription.key);
    ctx.write(
      'PROCESS_MESSAGE_SUBSCRIPTION',
      'DELETED',
      subscription.key,
      subscriptionValue(subscription),
    );
    ctx.write('MESSAGE_SUBSCRIPTION', 'DELETED', subscription.key, subscriptionValue(subscription));
  }
}
