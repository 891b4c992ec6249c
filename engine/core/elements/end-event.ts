import { throwEvent } from '../errors-and-escalations.js';
import { raiseIncident } from '../incidents.js';
import { activated, complete, terminate, updateInstance } from '../lifecycle.js';
import type { ElementBehavior } from './element-behavior.js';
import { jobWorkerTask } from './job-worker-task.js';
import { throwSignal } from '../signals.js';

/**
 * End events. None: the token ends here. Terminate: every other element in the flow scope is
 * terminated, then the flow scope completes (docs.camunda.io, "Terminate events": the process
 * instance completes; in a multi-instance subprocess only the current iteration ends). Error: thrown to the nearest catcher, an incident
 * when nobody catches it. Escalation: thrown, then the end event completes. Message: a job
 * (Zeebe implements message throw events with job workers).
 */
export const endEvent: ElementBehavior = {
  onActivate(ctx, instance, element, step) {
    if (element.eventType === 'MESSAGE' && element.job) {
      jobWorkerTask.onActivate(ctx, instance, element, step);
      return;
    }
    const current = activated(ctx, instance);
    if (!current) return;
    const scopeKey = current.flowScopeKey;
    if (element.eventType === 'ERROR' && scopeKey !== null) {
      const code = element.event?.errorCode ?? '';
      if (!throwEvent(ctx, ctx.instance(scopeKey), 'ERROR', code, null)) {
        raiseIncident(
          ctx,
          current,
          'UNHANDLED_ERROR_EVENT',
          `Expected to throw an error event with the code '${code}', but it was not caught. No error events are available in the scope.`,
        );
      }
      return;
    }
    if (element.eventType === 'ESCALATION' && scopeKey !== null) {
      escalate(ctx, ctx.instance(scopeKey), element.event?.escalationCode ?? '', current.key);
    }
    if (element.eventType === 'SIGNAL') throwSignal(ctx, current, element.event?.signalName ?? '');
    if (element.eventType === 'TERMINATE' && scopeKey !== null) {
      updateInstance(ctx, scopeKey, { pending: { kind: 'complete' } });
      const waiting = ctx.state.joins.clearScope(scopeKey);
      updateInstance(ctx, scopeKey, { tokens: ctx.instance(scopeKey).tokens - waiting });
      for (const other of ctx.state.elementInstances.activeChildren(scopeKey))
        if (other.key !== current.key) terminate(ctx, other);
    }
    complete(ctx, current);
  },
  onTerminate(ctx, instance, element) {
    jobWorkerTask.onTerminate?.(ctx, instance, element);
  },
};

/** Throws an escalation and records whether somebody caught it (uncaught escalations are no incident). */
export function escalate(
  ctx: Parameters<typeof throwEvent>[0],
  from: Parameters<typeof throwEvent>[1],
  code: string,
  throwerKey: number,
): void {
  const caught = throwEvent(ctx, from, 'ESCALATION', code, null);
  ctx.write('ESCALATION', caught ? 'ESCALATED' : 'NOT_ESCALATED', ctx.nextKey(), {
    processInstanceKey: from.processInstanceKey,
    escalationCode: code,
    throwElementId: ctx.instance(throwerKey).elementId,
    catchElementId: '',
    tenantId: '<default>',
  });
}
