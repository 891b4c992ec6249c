import { activated, complete } from '../lifecycle.js';
import type { ElementBehavior } from './element-behavior.js';

/** Plain and manual tasks and none intermediate throw events: activate and complete at once. */
export const passThrough: ElementBehavior = {
  onActivate(ctx, instance) {
    const current = activated(ctx, instance);
    if (current) complete(ctx, current);
  },
};
