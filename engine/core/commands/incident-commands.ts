import { failedPrecondition, notFound } from '../engine-error.js';
import { throwEvent } from '../errors-and-escalations.js';
import { markResolved, raiseIncident } from '../incidents.js';
import { runActivation, runCompletion } from '../lifecycle.js';
import type { ProcessingContext } from '../processing-context.js';

/**
 * Resolves an incident and retries the failed step: a job with retries becomes activatable
 * again; an element that failed while activating or completing runs that step again (with the
 * variables as they are now); an unhandled error end event throws again.
 */
export function resolveIncident(ctx: ProcessingContext, incidentKey: number): void {
  const incident = ctx.state.incidents.get(incidentKey);
  if (!incident || incident.state !== 'ACTIVE') {
    throw notFound(
      `Expected to resolve incident with key '${incidentKey}', but no such incident was found`,
    );
  }
  if (incident.jobKey !== null) {
    const job = ctx.state.jobs.get(incident.jobKey);
    if (job && incident.errorType === 'JOB_NO_RETRIES' && job.retries <= 0) {
      throw failedPrecondition(
        `Expected to resolve incident with key '${incidentKey}', but the job '${job.key}' has no retries left; update its retries first`,
      );
    }
    markResolved(ctx, incident);
    if (job && (job.state === 'FAILED' || job.state === 'ERROR_THROWN')) {
      ctx.state.jobs.put({ ...job, state: 'ACTIVATABLE', deadline: null, recurAt: null });
    }
    return;
  }
  markResolved(ctx, incident);
  const instance = ctx.state.elementInstances.get(incident.elementInstanceKey);
  if (!instance) return;
  if (instance.state === 'ELEMENT_ACTIVATING') {
    runActivation(ctx, instance, {
      kind: 'activate',
      flowScopeKey: instance.flowScopeKey ?? -1,
      elementId: instance.elementId,
    });
  } else if (instance.state === 'ELEMENT_COMPLETING') {
    runCompletion(ctx, instance);
  } else if (
    instance.state === 'ELEMENT_ACTIVATED' &&
    incident.errorType === 'UNHANDLED_ERROR_EVENT' &&
    instance.flowScopeKey !== null
  ) {
    const code = ctx.elementOf(instance).event?.errorCode ?? '';
    if (!throwEvent(ctx, ctx.instance(instance.flowScopeKey), 'ERROR', code, null)) {
      raiseIncident(ctx, instance, 'UNHANDLED_ERROR_EVENT', incident.errorMessage);
    }
  }
}
