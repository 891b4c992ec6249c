import { activated, applyResultVariables, complete, transition } from '../lifecycle.js';
import type { ElementBehavior } from './element-behavior.js';

/**
 * Intermediate catch events (message, timer) and receive tasks: they open their own
 * subscription on activation and wait; the trigger completes them with the payload. After an
 * event-based gateway the event already happened, so they complete at once.
 */
export const catchEvent: ElementBehavior = {
  onActivate(ctx, instance, _element, step) {
    if (!step.triggered) {
      activated(ctx, instance);
      return;
    }
    const current = transition(ctx, instance, 'ELEMENT_ACTIVATED');
    applyResultVariables(ctx, current, step.variables);
    complete(ctx, current);
  },
};
