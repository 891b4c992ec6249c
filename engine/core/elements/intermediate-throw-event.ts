import { activated, complete } from '../lifecycle.js';
import type { ElementBehavior } from './element-behavior.js';
import { escalate } from './end-event.js';
import { jobWorkerTask } from './job-worker-task.js';
import { throwSignal } from '../signals.js';

/** Intermediate throw events: none (pass through), message (a job), escalation (throw, then continue). */
export const intermediateThrowEvent: ElementBehavior = {
  onActivate(ctx, instance, element, step) {
    if (element.eventType === 'MESSAGE' && element.job) {
      jobWorkerTask.onActivate(ctx, instance, element, step);
      return;
    }
    const current = activated(ctx, instance);
    if (!current) return;
    if (element.eventType === 'ESCALATION' && current.flowScopeKey !== null) {
      escalate(
        ctx,
        ctx.instance(current.flowScopeKey),
        element.event?.escalationCode ?? '',
        current.key,
      );
    }
    if (element.eventType === 'SIGNAL') throwSignal(ctx, current, element.event?.signalName ?? '');
    complete(ctx, current);
  },
  onTerminate(ctx, instance, element) {
    jobWorkerTask.onTerminate?.(ctx, instance, element);
  },
};
