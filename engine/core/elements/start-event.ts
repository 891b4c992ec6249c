import { activated, applyResultVariables, complete } from '../lifecycle.js';
import type { ElementBehavior } from './element-behavior.js';

/**
 * Start events (none, message, timer; error and escalation in event subprocesses). The event
 * already happened when the instance is created: the payload (message variables, error
 * variables) is the output of the start event.
 */
export const startEvent: ElementBehavior = {
  onActivate(ctx, instance, _element, step) {
    const current = activated(ctx, instance);
    if (!current) return;
    applyResultVariables(ctx, current, step.variables);
    complete(ctx, current);
  },
};
