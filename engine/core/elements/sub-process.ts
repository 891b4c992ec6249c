import { activateInScope, activated } from '../lifecycle.js';
import type { ElementBehavior } from './element-behavior.js';

/**
 * Embedded subprocess: a scope. Entering it opens its event subprocess subscriptions and
 * starts its none start event; it completes when its last token is gone (lifecycle.ts).
 */
export const subProcess: ElementBehavior = {
  onActivate(ctx, instance, element) {
    const current = activated(ctx, instance);
    if (!current || !element.noneStartEventId) return;
    activateInScope(ctx, current.key, element.noneStartEventId);
  },
};

/**
 * Event subprocess: started by its start event's trigger (see event-triggers.ts); the
 * payload travels to the start event, which outputs it.
 */
export const eventSubProcess: ElementBehavior = {
  onActivate(ctx, instance, element, step) {
    const current = activated(ctx, instance);
    if (!current || !element.startEventId) return;
    activateInScope(ctx, current.key, element.startEventId, { variables: step.variables });
  },
};
