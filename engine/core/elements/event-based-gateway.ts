import { flowOf } from '../../model/executable-model.js';
import { activated, childFinished, takeFlow } from '../lifecycle.js';
import type { ElementBehavior } from './element-behavior.js';

/**
 * Event-based gateway: waits for the first of the events after it (message or timer); that
 * event's flow is taken and the others' subscriptions are closed.
 */
export const eventBasedGateway: ElementBehavior = {
  onActivate(ctx, instance) {
    activated(ctx, instance);
  },
  onCompleted(ctx, instance, element) {
    const pending = instance.pending;
    const process = ctx.processOf(instance);
    const flowId = element.outgoing.find(
      (id) =>
        flowOf(process, id).targetId === (pending?.kind === 'activate' ? pending.elementId : ''),
    );
    if (flowId && pending?.kind === 'activate')
      takeFlow(ctx, instance, flowId, { variables: pending.variables, triggered: true });
    if (instance.flowScopeKey !== null) childFinished(ctx, instance.flowScopeKey, instance);
  },
};
