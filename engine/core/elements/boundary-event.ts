import { activated, applyResultVariables, complete } from '../lifecycle.js';
import type { ElementBehavior } from './element-behavior.js';

/** A boundary event that was triggered: it carries the event's payload out and continues. */
export const boundaryEvent: ElementBehavior = {
  onActivate(ctx, instance, _element, step) {
    const current = activated(ctx, instance);
    if (!current) return;
    applyResultVariables(ctx, current, step.variables);
    complete(ctx, current);
  },
};
