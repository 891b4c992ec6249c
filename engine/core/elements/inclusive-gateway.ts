import { leave, transition } from '../lifecycle.js';
import type { ElementBehavior } from './element-behavior.js';
import { chooseFlows } from './exclusive-gateway.js';

/**
 * Inclusive gateway: forks along every flow whose condition is true (else the default flow,
 * else an incident); as a join it fires as soon as no other token of the scope can still
 * reach it (see joinComplete in joins.ts).
 */
export const inclusiveGateway: ElementBehavior = {
  onActivate(ctx, instance, element) {
    const chosen = chooseFlows(ctx, instance, element, 'all');
    if (!chosen) return;
    transition(ctx, instance, 'ELEMENT_ACTIVATED');
    transition(ctx, instance, 'ELEMENT_COMPLETING');
    leave(ctx, transition(ctx, instance, 'ELEMENT_COMPLETED'), element, chosen);
  },
};
