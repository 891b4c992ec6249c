import { elementOf } from '../model/executable-model.js';
import type {
  ElementInstanceRow,
  ProcessDefinitionRow,
  SignalSubscriptionRow,
} from './engine-state.js';
import { visibleVariables } from './variables.js';
import { triggerEvent } from './event-triggers.js';
import type { ProcessingContext } from './processing-context.js';
import { createProcessInstance } from './process-instances.js';

/**
 * Signals (Zeebe 8.8, "Signal events"): a broadcast reaches every open signal subscription
 * with the name at once, catch events, boundary events, event subprocess starts, and starts
 * an instance of every process whose latest version has a signal start event with the name.
 * Unlike messages there is no correlation key and nothing is buffered.
 */
export function broadcastSignal(
  ctx: ProcessingContext,
  signalName: string,
  variables: Record<string, unknown>,
): { key: number } {
  const key = ctx.nextKey();
  ctx.write('SIGNAL', 'BROADCASTED', key, { signalName, variables, tenantId: '<default>' });
  for (const subscription of ctx.state.signalSubscriptions.byName(signalName)) {
    if (subscription.elementInstanceKey === -1) {
      const definition = ctx.state.definitions.get(subscription.processDefinitionKey);
      if (definition)
        createProcessInstance(ctx, definition, variables, {
          startElementId: subscription.catchElementId,
        });
      continue;
    }
    const waiting = ctx.state.elementInstances.get(subscription.elementInstanceKey);
    if (waiting) triggerEvent(ctx, waiting, subscription.catchElementId, variables);
  }
  return { key };
}

/** Broadcasts the signal a throw event names (static or FEEL), from the thrower's scope. */
export function throwSignal(
  ctx: ProcessingContext,
  thrower: ElementInstanceRow,
  source: string,
): void {
  let name = source;
  if (ctx.feel.isExpression(source)) {
    const result = ctx.feel.evaluate(source, visibleVariables(ctx, thrower.key), ctx.env);
    name = result.ok && typeof result.value === 'string' ? result.value : '';
  }
  if (name) broadcastSignal(ctx, name, {});
}

/** Replaces the signal start subscriptions of a process by those of its new latest version. */
export function replaceSignalStartEvents(
  ctx: ProcessingContext,
  definition: ProcessDefinitionRow,
): void {
  for (const old of ctx.state.signalSubscriptions.startEventsOf(definition.bpmnProcessId)) {
    ctx.state.signalSubscriptions.delete(old.key);
    ctx.write('SIGNAL_SUBSCRIPTION', 'DELETED', old.key, signalSubscriptionValue(old));
  }
  const process = ctx.state.definitions.process(definition.key);
  for (const id of process.signalStartEventIds) {
    const row: SignalSubscriptionRow = {
      key: ctx.nextKey(),
      signalName: elementOf(process, id).event?.signalName ?? '',
      elementInstanceKey: -1,
      catchElementId: id,
      interrupting: true,
      processInstanceKey: -1,
      processDefinitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
    };
    ctx.state.signalSubscriptions.put(row);
    ctx.write('SIGNAL_SUBSCRIPTION', 'CREATED', row.key, signalSubscriptionValue(row));
  }
}

/** The SIGNAL_SUBSCRIPTION record value. */
export function signalSubscriptionValue(row: SignalSubscriptionRow): Record<string, unknown> {
  return {
    signalName: row.signalName,
    catchElementId: row.catchElementId,
    catchEventInstanceKey: row.elementInstanceKey,
    processDefinitionKey: row.processDefinitionKey,
    bpmnProcessId: row.bpmnProcessId,
    tenantId: '<default>',
  };
}
