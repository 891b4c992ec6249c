import { elementOf } from '../model/executable-model.js';
import type { ElementInstanceRow } from './engine-state.js';
import { closeEventSubscriptions } from './event-subscriptions.js';
import {
  activateInScope,
  applyResultVariables,
  complete,
  terminate,
  terminateChildren,
  updateInstance,
} from './lifecycle.js';
import type { ProcessingContext } from './processing-context.js';

/**
 * An event (message, timer, error, escalation) reached a catch element that `waiting` listens
 * for. Decides what that means for the waiting instance:
 * - its own catch event or receive task: it completes with the payload;
 * - an event-based gateway: the gateway completes and the triggered event follows;
 * - a boundary event: interrupting terminates the activity and then activates the boundary
 *   event, non-interrupting activates the boundary event beside it;
 * - an event subprocess start: interrupting terminates the scope's children and then starts
 *   the event subprocess, non-interrupting starts it beside them.
 * Returns false when the waiting instance cannot take the event any more.
 */
export function triggerEvent(
  ctx: ProcessingContext,
  waiting: ElementInstanceRow,
  catchElementId: string,
  variables: Record<string, unknown> | null,
): boolean {
  if (waiting.state !== 'ELEMENT_ACTIVATED' || waiting.interrupted || waiting.pending) return false;
  const process = ctx.processOf(waiting);
  const catchElement = elementOf(process, catchElementId);

  if (
    catchElement.id === waiting.elementId &&
    waiting.elementType !== 'MULTI_INSTANCE_BODY' &&
    catchElement.type !== 'BOUNDARY_EVENT'
  ) {
    closeEventSubscriptions(ctx, waiting);
    applyResultVariables(ctx, waiting, variables);
    complete(ctx, waiting);
    return true;
  }
  if (waiting.elementType === 'EVENT_BASED_GATEWAY') {
    closeEventSubscriptions(ctx, waiting);
    updateInstance(ctx, waiting.key, {
      pending: {
        kind: 'activate',
        elementId: catchElement.id,
        variables,
        flowScopeKey: waiting.flowScopeKey ?? -1,
      },
    });
    complete(ctx, waiting);
    return true;
  }
  if (catchElement.type === 'BOUNDARY_EVENT') {
    const flowScopeKey = waiting.flowScopeKey ?? -1;
    if (catchElement.interrupting) {
      updateInstance(ctx, waiting.key, {
        interrupted: true,
        pending: { kind: 'activate', elementId: catchElement.id, variables, flowScopeKey },
      });
      closeEventSubscriptions(ctx, waiting);
      terminate(ctx, waiting);
    } else {
      activateInScope(ctx, flowScopeKey, catchElement.id, { variables });
    }
    return true;
  }
  // the start event of an event subprocess inside the waiting scope
  const eventSubProcessId = catchElement.flowScopeId ?? '';
  if (catchElement.interrupting) {
    closeEventSubscriptions(ctx, waiting);
    const interrupted = updateInstance(ctx, waiting.key, {
      interrupted: true,
      pending: {
        kind: 'activate',
        elementId: eventSubProcessId,
        variables,
        flowScopeKey: waiting.key,
      },
    });
    terminateChildren(ctx, interrupted);
  } else {
    activateInScope(ctx, waiting.key, eventSubProcessId, { variables });
  }
  return true;
}
