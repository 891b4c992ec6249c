import type { ExecutableElement } from '../../model/executable-model.js';
import type { ElementInstanceRow } from '../engine-state.js';
import { raiseIncident } from '../incidents.js';
import { cancelJobOf, createJob } from '../jobs.js';
import { activated } from '../lifecycle.js';
import type { ProcessingContext } from '../processing-context.js';
import { visibleVariables } from '../variables.js';
import type { ElementBehavior } from './element-behavior.js';
import { evaluateNumber, evaluateString } from './evaluate-property.js';

/**
 * Elements a job worker performs: service, send and business-rule tasks, script tasks without
 * `zeebe:script`, message throw events. The element waits for its job; the COMPLETE_JOB
 * command completes it (see commands/job-commands.ts).
 */
export const jobWorkerTask: ElementBehavior = {
  onActivate(ctx, instance, element) {
    const job = element.job;
    if (!job) throw new Error(`element '${element.id}' has no job definition`);
    startJob(ctx, instance, element, job.type, job.retries, job.headers);
  },
  onTerminate(ctx, instance) {
    cancelJobOf(ctx, instance);
  },
};

/** Evaluates the job's type and retries, activates the element and creates its job. */
export function startJob(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  element: ExecutableElement,
  typeSource: string,
  retriesSource: string,
  headers: Record<string, string>,
): void {
  let variables: Record<string, unknown> | undefined;
  const scope = () => (variables ??= visibleVariables(ctx, instance.key));
  const type = evaluateString(ctx, 'job type', typeSource, scope);
  const retries = evaluateNumber(ctx, 'job retries', retriesSource, scope);
  const failure = !type.ok ? type : !retries.ok ? retries : undefined;
  if (failure && !failure.ok) {
    raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', failure.message);
    return;
  }
  const jobType = type.ok ? type.value : undefined;
  if (!jobType) {
    raiseIncident(
      ctx,
      instance,
      'EXTRACT_VALUE_ERROR',
      `the job type of '${element.id}' evaluated to nothing`,
    );
    return;
  }
  const current = activated(ctx, instance);
  if (!current) return;
  createJob(ctx, current, jobType, retries.ok ? (retries.value ?? 3) : 3, headers);
}
