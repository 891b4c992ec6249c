import { leave, transition } from '../lifecycle.js';
import type { ElementBehavior } from './element-behavior.js';

/**
 * Parallel gateway: the join (a token on every incoming flow) happens before activation, in
 * lifecycle.ts; once active it forks along every outgoing flow, conditions ignored.
 */
export const parallelGateway: ElementBehavior = {
  onActivate(ctx, instance, element) {
    transition(ctx, instance, 'ELEMENT_ACTIVATED');
    transition(ctx, instance, 'ELEMENT_COMPLETING');
    leave(ctx, transition(ctx, instance, 'ELEMENT_COMPLETED'), element);
  },
};
