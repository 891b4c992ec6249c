import { failedPrecondition, invalidArgument, notFound } from '../engine-error.js';
import type { JobRow } from '../engine-state.js';
import { throwEvent } from '../errors-and-escalations.js';
import { raiseIncident } from '../incidents.js';
import { jobValue } from '../jobs.js';
import { applyResultVariables, complete } from '../lifecycle.js';
import type { ProcessingContext } from '../processing-context.js';
import { setLocalDocument, visibleVariables } from '../variables.js';
import type { EngineCommand } from './engine-command.js';

/** A job handed to a worker, with its variables and headers (gateway's ActivatedJob). */
export interface ActivatedJob extends JobRow {
  variables: Record<string, unknown>;
}

type Command<T extends EngineCommand['type']> = Extract<EngineCommand, { type: T }>;

function jobFor(
  ctx: ProcessingContext,
  jobKey: number,
  action: string,
  states: readonly JobRow['state'][],
): JobRow {
  const job = ctx.state.jobs.get(jobKey);
  if (!job || job.state === 'COMPLETED' || job.state === 'CANCELED') {
    throw notFound(`Expected to ${action} job with key '${jobKey}', but no such job was found`);
  }
  if (!states.includes(job.state)) {
    throw failedPrecondition(
      `Expected to ${action} job with key '${jobKey}', but it is in state '${job.state}'`,
    );
  }
  return job;
}

/** Hands up to `maxJobsToActivate` activatable jobs of a type to a worker, with a deadline. */
export function activateJobs(
  ctx: ProcessingContext,
  command: Command<'ACTIVATE_JOBS'>,
): ActivatedJob[] {
  if (!command.jobType)
    throw invalidArgument('Expected a job type to activate jobs, but it was empty');
  if (command.maxJobsToActivate < 1)
    throw invalidArgument('Expected maxJobsToActivate to be greater than zero');
  if (command.timeout < 1)
    throw invalidArgument('Expected the job timeout to be greater than zero');
  const jobs = ctx.state.jobs.activatable(command.jobType, command.maxJobsToActivate);
  if (jobs.length === 0) return [];
  const activated: ActivatedJob[] = jobs.map((job) => {
    const next: JobRow = {
      ...job,
      state: 'ACTIVATED',
      worker: command.worker,
      deadline: ctx.now + command.timeout,
    };
    ctx.state.jobs.put(next);
    let variables = visibleVariables(ctx, job.elementInstanceKey);
    if (command.fetchVariable && command.fetchVariable.length > 0) {
      variables = Object.fromEntries(
        command.fetchVariable
          .filter((name) => name in variables)
          .map((name) => [name, variables[name]]),
      );
    }
    return { ...next, variables };
  });
  ctx.write('JOB_BATCH', 'ACTIVATED', ctx.nextKey(), {
    type: command.jobType,
    worker: command.worker,
    timeout: command.timeout,
    maxJobsToActivate: command.maxJobsToActivate,
    jobKeys: activated.map((job) => job.key),
    jobs: activated.map((job) => jobValue(job, job.variables)),
    truncateJobs: false,
    tenantIds: ['<default>'],
  });
  return activated;
}

/** Completes a job: its variables are the element's output, then the element completes. */
export function completeJob(ctx: ProcessingContext, command: Command<'COMPLETE_JOB'>): void {
  const job = jobFor(ctx, command.jobKey, 'complete', ['ACTIVATED', 'ACTIVATABLE']);
  const completed: JobRow = { ...job, state: 'COMPLETED', deadline: null };
  ctx.state.jobs.put(completed);
  ctx.write('JOB', 'COMPLETED', job.key, jobValue(completed, command.variables));
  const instance = ctx.instance(job.elementInstanceKey);
  applyResultVariables(ctx, instance, command.variables);
  complete(ctx, instance);
}

/**
 * Fails a job. With retries left it becomes activatable again (after the back-off, if any);
 * without, it raises a JOB_NO_RETRIES incident. Variables land in the element's local scope
 * (Zeebe 8.8, FailJob).
 */
export function failJob(ctx: ProcessingContext, command: Command<'FAIL_JOB'>): void {
  const job = jobFor(ctx, command.jobKey, 'fail', ['ACTIVATED']);
  const retries = Math.max(0, command.retries);
  const backOff = retries > 0 && command.retryBackOff > 0;
  const failed: JobRow = {
    ...job,
    retries,
    errorMessage: command.errorMessage,
    deadline: null,
    state: retries === 0 ? 'FAILED' : backOff ? 'BACKOFF' : 'ACTIVATABLE',
    recurAt: backOff ? ctx.now + command.retryBackOff : null,
  };
  ctx.state.jobs.put(failed);
  ctx.write('JOB', 'FAILED', job.key, jobValue(failed, command.variables));
  const instance = ctx.instance(job.elementInstanceKey);
  if (Object.keys(command.variables).length > 0) setLocalDocument(ctx, instance, command.variables);
  if (retries === 0)
    raiseIncident(
      ctx,
      instance,
      'JOB_NO_RETRIES',
      command.errorMessage || 'No more retries left.',
      job.key,
    );
}

/** A worker reports a BPMN error: the nearest matching catch event takes it, else an incident. */
export function throwError(ctx: ProcessingContext, command: Command<'THROW_ERROR'>): void {
  const job = jobFor(ctx, command.jobKey, 'throw an error for', ['ACTIVATED', 'ACTIVATABLE']);
  if (!command.errorCode)
    throw invalidArgument('Expected an error code to throw an error, but it was empty');
  const thrown: JobRow = {
    ...job,
    state: 'ERROR_THROWN',
    errorCode: command.errorCode,
    errorMessage: command.errorMessage,
    deadline: null,
  };
  ctx.state.jobs.put(thrown);
  ctx.write('JOB', 'ERROR_THROWN', job.key, jobValue(thrown, command.variables));
  const instance = ctx.instance(job.elementInstanceKey);
  if (!throwEvent(ctx, instance, 'ERROR', command.errorCode, command.variables)) {
    ctx.write('ERROR', 'CREATED', ctx.nextKey(), {
      errorCode: command.errorCode,
      errorMessage: command.errorMessage,
      processInstanceKey: job.processInstanceKey,
      elementInstanceKey: job.elementInstanceKey,
      tenantId: '<default>',
    });
    raiseIncident(
      ctx,
      instance,
      'UNHANDLED_ERROR_EVENT',
      `Expected to throw an error event with the code '${command.errorCode}' with message '${command.errorMessage}', but it was not caught. No error events are available in the scope.`,
      job.key,
    );
  }
}

/** Sets a job's retries (an incident stays until it is resolved). */
export function updateJobRetries(
  ctx: ProcessingContext,
  command: Command<'UPDATE_JOB_RETRIES'>,
): void {
  if (command.retries < 1)
    throw invalidArgument(`Expected retries to be greater than zero, but was ${command.retries}`);
  const job = jobFor(ctx, command.jobKey, 'update retries of', [
    'ACTIVATABLE',
    'ACTIVATED',
    'BACKOFF',
    'FAILED',
    'ERROR_THROWN',
  ]);
  const updated = { ...job, retries: command.retries };
  ctx.state.jobs.put(updated);
  ctx.write('JOB', 'RETRIES_UPDATED', job.key, jobValue(updated));
}

/** Moves an activated job's deadline to now + timeout. */
export function updateJobTimeout(
  ctx: ProcessingContext,
  command: Command<'UPDATE_JOB_TIMEOUT'>,
): void {
  const job = jobFor(ctx, command.jobKey, 'update the timeout of', ['ACTIVATED']);
  const updated = { ...job, deadline: ctx.now + command.timeout };
  ctx.state.jobs.put(updated);
  ctx.write('JOB', 'TIMEOUT_UPDATED', job.key, jobValue(updated));
}

/** The scheduler saw an activated job's deadline pass: it is offered again. */
export function timeOutJob(ctx: ProcessingContext, command: Command<'TIME_OUT_JOB'>): void {
  const job = ctx.state.jobs.get(command.jobKey);
  if (!job || job.state !== 'ACTIVATED' || job.deadline === null || job.deadline > ctx.now) return;
  const timedOut: JobRow = { ...job, state: 'ACTIVATABLE', deadline: null, worker: '' };
  ctx.state.jobs.put(timedOut);
  ctx.write('JOB', 'TIMED_OUT', job.key, jobValue(timedOut));
}

/** The scheduler saw a failed job's back-off end: it is offered again. */
export function recurJob(ctx: ProcessingContext, command: Command<'RECUR_JOB'>): void {
  const job = ctx.state.jobs.get(command.jobKey);
  if (!job || job.state !== 'BACKOFF' || job.recurAt === null || job.recurAt > ctx.now) return;
  const recurred: JobRow = { ...job, state: 'ACTIVATABLE', recurAt: null };
  ctx.state.jobs.put(recurred);
  ctx.write('JOB', 'RECURRED_AFTER_BACKOFF', job.key, jobValue(recurred));
}
