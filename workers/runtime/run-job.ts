/**
 * One job through one handler: validate the input, call the handler, and end the job with
 * exactly one of complete, fail or BPMN error. Never throws: whatever goes wrong becomes a
 * failure with a message an operator understands.
 */
import type { AnyJobHandler, JobContext, Outcome, WorkerServices } from './job-handler.js';
import { JobInputError, parseJobInput } from './input-validation.js';

/** The part of the SDK's job object the runner uses. */
export interface ActivatedJob {
  readonly key: string;
  readonly type: string;
  readonly processInstanceKey: string;
  readonly bpmnProcessId: string;
  readonly elementId: string;
  readonly retries: number;
  readonly variables: unknown;
  readonly customHeaders: unknown;
  complete(variables?: Record<string, unknown>): Promise<unknown>;
  fail(failure: {
    errorMessage: string;
    retries?: number;
    retryBackOff?: number;
  }): Promise<unknown>;
  error(code: string, message?: string): Promise<unknown>;
}

/** What the runner did with a job (for logs and tests). */
export type JobResult =
  | { action: 'complete'; variables: Record<string, unknown> }
  | { action: 'fail'; message: string; retries: number; retryBackOffMs: number }
  | { action: 'error'; code: string; message: string };

/** Runs one job; resolves once the engine acknowledged the outcome. */
export async function runJob(
  job: ActivatedJob,
  handler: AnyJobHandler,
  services: WorkerServices,
  options: { retryBackOffMs: number },
): Promise<JobResult> {
  const result = await decide(job, handler, services, options);
  switch (result.action) {
    case 'complete':
      await job.complete(result.variables);
      break;
    case 'fail':
      await job.fail({
        errorMessage: result.message,
        retries: result.retries,
        retryBackOff: result.retryBackOffMs,
      });
      break;
    case 'error':
      await job.error(result.code, result.message);
      break;
  }
  return result;
}

async function decide(
  job: ActivatedJob,
  handler: AnyJobHandler,
  services: WorkerServices,
  options: { retryBackOffMs: number },
): Promise<JobResult> {
  const where = { jobType: job.type, elementId: job.elementId };
  let input: { variables: unknown; headers: unknown };
  try {
    input = {
      variables: parseJobInput(handler.variables, job.variables, { ...where, source: 'variable' }),
      headers: handler.headers
        ? parseJobInput(handler.headers, job.customHeaders, { ...where, source: 'header' })
        : {},
    };
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof JobInputError && handler.inputErrorCode) {
      return { action: 'error', code: handler.inputErrorCode, message };
    }
    // Retrying the same input cannot help: an incident, so an operator fixes the model or data.
    return { action: 'fail', message, retries: 0, retryBackOffMs: 0 };
  }

  const context: JobContext = {
    ...services,
    job: {
      key: job.key,
      type: job.type,
      processInstanceKey: job.processInstanceKey,
      bpmnProcessId: job.bpmnProcessId,
      elementId: job.elementId,
      retries: job.retries,
    },
  };
  let outcome: Outcome;
  try {
    outcome = await handler.handle(input as never, context);
  } catch (error) {
    // An unexpected throw (database down, a bug): transient, the engine retries after back-off.
    services.logger.error(
      { err: error, jobKey: job.key, jobType: job.type },
      'job handler threw; failing the job for a retry',
    );
    return {
      action: 'fail',
      message: `Job ${job.type} (Element ${job.elementId}) abgebrochen: ${messageOf(error)}`,
      retries: Math.max(0, job.retries - 1),
      retryBackOffMs: options.retryBackOffMs,
    };
  }
  switch (outcome.kind) {
    case 'complete':
      return { action: 'complete', variables: { ...outcome.variables } };
    case 'error':
      return { action: 'error', code: outcome.code, message: outcome.message };
    case 'fail':
      return {
        action: 'fail',
        message: outcome.message,
        retries: Math.max(0, outcome.retries ?? job.retries - 1),
        retryBackOffMs: outcome.retryBackOffMs ?? options.retryBackOffMs,
      };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
