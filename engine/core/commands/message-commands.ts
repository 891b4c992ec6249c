import { alreadyExists, invalidArgument, notFound } from '../engine-error.js';
import type {
  ElementInstanceRow,
  MessageRow,
  MessageSubscriptionRow,
  StartSubscriptionRow,
} from '../engine-state.js';
import { subscriptionValue } from '../event-subscriptions.js';
import { triggerEvent } from '../event-triggers.js';
import type { ProcessingContext } from '../processing-context.js';
import { createProcessInstance } from '../process-instances.js';
import type { EngineCommand } from './engine-command.js';

type Publish = Extract<EngineCommand, { type: 'PUBLISH_MESSAGE' }>;
type Correlate = Extract<EngineCommand, { type: 'CORRELATE_MESSAGE' }>;

/**
 * Publishes a message (Zeebe 8.8, "Message correlation"): it starts instances of processes
 * with a matching message start event (at most one active instance per correlation key), is
 * correlated to open subscriptions with the same name and correlation key, at most once per
 * process (BPMN process id), and is buffered for its time to live for subscriptions opened
 * later. A message id may be published only once while the first message is buffered.
 */
export function publishMessage(ctx: ProcessingContext, command: Publish): { key: number } {
  if (!command.name)
    throw invalidArgument('Expected a message name to publish a message, but it was empty');
  if (command.timeToLive < 0) throw invalidArgument('Expected the time to live to be zero or more');
  if (command.messageId && ctx.state.messages.byMessageId(command.name, command.messageId)) {
    throw alreadyExists(
      `Expected to publish a new message with id '${command.messageId}', but a message with that id was already published`,
    );
  }
  const message: MessageRow = {
    key: ctx.nextKey(),
    name: command.name,
    correlationKey: command.correlationKey,
    messageId: command.messageId || null,
    variables: command.variables,
    deadline: ctx.now + command.timeToLive,
    timeToLive: command.timeToLive,
  };
  ctx.write('MESSAGE', 'PUBLISHED', message.key, messageValue(message));
  if (command.timeToLive > 0) ctx.state.messages.put(message);
  startByMessage(ctx, message);
  for (const subscription of ctx.state.messageSubscriptions.matching(
    message.name,
    message.correlationKey,
  )) {
    correlate(ctx, message, subscription);
  }
  return { key: message.key };
}

/**
 * Correlates a message now or not at all (Camunda 8.8, `POST /v2/messages/correlation`; Zeebe's
 * MESSAGE_CORRELATION CORRELATE): like a publish, but never buffered, so it reaches only the
 * subscriptions open at this moment, first the waiting catch events, then message start events,
 * at most one of each process (BPMN process id), as a publish does. Answers the first process
 * instance it reached: a started instance if it started one, else the first waiting one, as
 * Zeebe answers. Refused with NOT_FOUND, leaving nothing behind, when nothing takes it.
 */
export function correlateMessage(
  ctx: ProcessingContext,
  command: Correlate,
): { key: number; processInstanceKey: number } {
  if (!command.name)
    throw invalidArgument('Expected a message name to correlate a message, but it was empty');
  const message: MessageRow = {
    key: ctx.nextKey(),
    name: command.name,
    correlationKey: command.correlationKey,
    messageId: null,
    variables: command.variables,
    deadline: ctx.now,
    timeToLive: -1,
  };
  const correlation = {
    name: message.name,
    correlationKey: message.correlationKey,
    variables: message.variables,
    messageKey: message.key,
    tenantId: '<default>',
  };
  ctx.write('MESSAGE', 'PUBLISHED', message.key, messageValue(message));
  ctx.write('MESSAGE_CORRELATION', 'CORRELATING', message.key, correlation);
  const waiting: number[] = [];
  for (const subscription of ctx.state.messageSubscriptions.matching(
    message.name,
    message.correlationKey,
  )) {
    if (correlate(ctx, message, subscription)) waiting.push(subscription.processInstanceKey);
  }
  const started = startByMessage(ctx, message);
  const first = started[0] ?? waiting[0];
  if (first === undefined)
    throw notFound(
      `Expected to find subscription for message with name '${message.name}' and correlation key '${message.correlationKey}', but none was found.`,
    );
  ctx.write('MESSAGE_CORRELATION', 'CORRELATED', message.key, {
    ...correlation,
    processInstanceKey: first,
  });
  ctx.write('MESSAGE', 'EXPIRED', message.key, messageValue(message));
  // the message is not kept: forget which processes took it (the records say so)
  ctx.state.messages.delete(message.key);
  return { key: message.key, processInstanceKey: first };
}

/** Starts instances at matching message start events; answers the started instances' keys. */
function startByMessage(ctx: ProcessingContext, message: MessageRow): number[] {
  const started: number[] = [];
  for (const start of ctx.state.startSubscriptions.byMessageName(message.name)) {
    const instanceKey = startFrom(ctx, start, message);
    if (instanceKey !== undefined) started.push(instanceKey);
  }
  return started;
}

/**
 * Starts an instance at a message start event, unless the rules of message starts forbid it;
 * answers the started instance's key.
 */
function startFrom(
  ctx: ProcessingContext,
  start: StartSubscriptionRow,
  message: MessageRow,
): number | undefined {
  if (ctx.state.messages.wasCorrelated(message.key, start.bpmnProcessId)) return undefined;
  if (
    message.correlationKey &&
    ctx.state.messages.activeInstanceFor(start.bpmnProcessId, message.correlationKey)
  ) {
    return undefined;
  }
  const definition = ctx.state.definitions.get(start.processDefinitionKey);
  if (!definition) return undefined;
  const instance = createProcessInstance(ctx, definition, message.variables, {
    startElementId: start.startEventId,
  });
  ctx.state.messages.markCorrelated(message.key, start.bpmnProcessId, instance.key);
  if (message.correlationKey)
    ctx.state.messages.markStartedBy(start.bpmnProcessId, message.correlationKey, instance.key);
  ctx.write('MESSAGE_START_EVENT_SUBSCRIPTION', 'CORRELATED', start.key, {
    ...start,
    processInstanceKey: instance.key,
    messageKey: message.key,
    correlationKey: message.correlationKey,
    variables: message.variables,
    tenantId: '<default>',
  });
  return instance.key;
}

/**
 * An instance started by a message with a correlation key ended: a buffered message with the
 * same key for one of the process's message start events now starts the next instance
 * (docs.camunda.io, 8.8, "Message events": message start events and correlation keys).
 */
export function startNextBuffered(
  ctx: ProcessingContext,
  processInstanceKey: number,
  bpmnProcessId: string,
): void {
  const correlationKey = ctx.state.messages.startedBy(processInstanceKey);
  if (!correlationKey) return;
  for (const start of ctx.state.startSubscriptions.ofProcess(bpmnProcessId)) {
    for (const message of ctx.state.messages.matching(start.messageName, correlationKey)) {
      if (message.deadline > ctx.now && startFrom(ctx, start, message) !== undefined) return;
    }
  }
}

/** Tries to hand a message to one subscription; true when it was taken. */
function correlate(
  ctx: ProcessingContext,
  message: MessageRow,
  subscription: MessageSubscriptionRow,
): boolean {
  if (ctx.state.messages.wasCorrelated(message.key, subscription.bpmnProcessId)) return false;
  const waiting = ctx.state.elementInstances.get(subscription.elementInstanceKey);
  if (!waiting || !triggerEvent(ctx, waiting, subscription.catchElementId, message.variables))
    return false;
  ctx.state.messages.markCorrelated(
    message.key,
    subscription.bpmnProcessId,
    subscription.processInstanceKey,
  );
  const value = { ...subscriptionValue(subscription, message.variables), messageKey: message.key };
  ctx.write('PROCESS_MESSAGE_SUBSCRIPTION', 'CORRELATED', subscription.key, value);
  ctx.write('MESSAGE_SUBSCRIPTION', 'CORRELATED', subscription.key, value);
  return true;
}

/** Correlates buffered messages to the subscriptions an instance has just opened. */
export function correlateBuffered(ctx: ProcessingContext, instance: ElementInstanceRow): void {
  for (const subscription of ctx.state.messageSubscriptions.ofElement(instance.key)) {
    for (const message of ctx.state.messages.matching(
      subscription.messageName,
      subscription.correlationKey,
    )) {
      if (message.deadline <= ctx.now) continue;
      if (correlate(ctx, message, subscription)) {
        if (subscription.interrupting || subscription.catchElementId === instance.elementId) return;
      }
    }
  }
}

/** The scheduler saw a buffered message's time to live end. */
export function expireMessage(ctx: ProcessingContext, messageKey: number): void {
  const message = ctx.state.messages.get(messageKey);
  if (!message || message.deadline > ctx.now) return;
  ctx.state.messages.delete(message.key);
  ctx.write('MESSAGE', 'EXPIRED', message.key, messageValue(message));
}

function messageValue(message: MessageRow): Record<string, unknown> {
  return {
    name: message.name,
    correlationKey: message.correlationKey,
    messageId: message.messageId ?? '',
    timeToLive: message.timeToLive,
    deadline: message.deadline,
    variables: message.variables,
    tenantId: '<default>',
  };
}
