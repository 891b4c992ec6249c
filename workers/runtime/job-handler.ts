/**
 * The contract of a job handler: a plain function of validated input and a context, returning
 * exactly one outcome. The runner (`start-workers.ts`) is the only code that talks to the SDK's
 * job object, so a handler can be unit-tested without an engine.
 *
 * @example
 *   export const caseStatusHandler = defineJobHandler({
 *     jobType: 'case-status',
 *     variables: z.object({ caseId: z.uuid() }),
 *     headers: z.object({ status: z.enum(foerderfallStatus) }),
 *     async handle({ variables, headers }, context) {
 *       await setStatus(context.db, variables.caseId, headers.status);
 *       return complete();
 *     },
 *   });
 */
import type { Zeebe } from '@camunda8/sdk';
import type { z } from 'zod';
import type { Database, JobType } from '../../domain/index.js';
import type { ObjectStore } from '../storage/index.js';
import type { Mailer } from './mailer.js';

/** Complete the job; `variables` are merged into the process (ids and decisions only). */
export interface CompleteOutcome {
  readonly kind: 'complete';
  readonly variables: Readonly<Record<string, unknown>>;
}

/** Fail the job: with retries left the engine retries after the back-off, with 0 an incident. */
export interface FailOutcome {
  readonly kind: 'fail';
  /** For an operator: what is wrong and what to do. */
  readonly message: string;
  /** Retries left after this failure. @default the job's retries minus one */
  readonly retries?: number;
  /** @default the runner's `retryBackOffMs` */
  readonly retryBackOffMs?: number;
}

/** Throw a BPMN error that the model catches by `code`. */
export interface BpmnErrorOutcome {
  readonly kind: 'error';
  readonly code: string;
  readonly message: string;
}

/** What a handler decides; exactly one per job. */
export type Outcome = CompleteOutcome | FailOutcome | BpmnErrorOutcome;

/** Complete with these variables. */
export function complete(variables: Readonly<Record<string, unknown>> = {}): CompleteOutcome {
  return { kind: 'complete', variables };
}

/** Fail; omit `retries` for a transient failure (one retry fewer), pass 0 for an incident. */
export function fail(
  message: string,
  options: { retries?: number; retryBackOffMs?: number } = {},
): FailOutcome {
  return { kind: 'fail', message, ...options };
}

/** Fail for good (0 retries, an incident): retrying cannot help, an operator must act. */
export function failPermanently(message: string): FailOutcome {
  return { kind: 'fail', message, retries: 0 };
}

/** A BPMN error for a boundary or event-subprocess error event of the model. */
export function bpmnError(code: string, message: string): BpmnErrorOutcome {
  return { kind: 'error', code, message };
}

/** Minimal structured logger (pino's call shape). */
export interface WorkerLogger {
  debug(object: object, message?: string): void;
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/** The job being handled, as far as a handler may care. */
export interface JobInfo {
  readonly key: string;
  readonly type: string;
  readonly processInstanceKey: string;
  readonly bpmnProcessId: string;
  readonly elementId: string;
  readonly retries: number;
}

/** What every handler may use. Long-lived resources are owned by the caller of the runner. */
export interface WorkerServices {
  readonly db: Database;
  readonly storage: ObjectStore;
  readonly mailer: Mailer;
  /** The engine client, for publishing messages and starting process instances. */
  readonly zeebe: Zeebe.ZeebeGrpcClient;
  /** @default () => new Date() */
  readonly clock: () => Date;
  readonly logger: WorkerLogger;
  /** The portal's address as users reach it, for links in e-mails (no trailing slash). */
  readonly publicUrl: string;
}

/** The services plus the job at hand. */
export interface JobContext extends WorkerServices {
  readonly job: JobInfo;
}

/** Validated input of one job. */
export interface JobInput<V, H> {
  readonly variables: V;
  readonly headers: H;
}

/** A handler of one job type: its input schemas and the function. */
export interface JobHandler<V = unknown, H = unknown> {
  readonly jobType: JobType;
  /** Schema of the job's variables; a mismatch fails the job with 0 retries, naming the variable. */
  readonly variables: z.ZodType<V>;
  /** Schema of the task headers (`zeebe:taskHeaders`). */
  readonly headers?: z.ZodType<H>;
  /**
   * A BPMN error code to throw instead of an incident when the input is invalid, for models that
   * catch it. @default undefined: fail with 0 retries
   */
  readonly inputErrorCode?: string;
  /** Only these variables are fetched from the engine. @default the keys of `variables` if an object schema */
  readonly fetchVariables?: readonly string[];
  handle(input: JobInput<V, H>, context: JobContext): Promise<Outcome>;
}

/** Declares a handler with its types inferred from the schemas. */
export function defineJobHandler<V, H = Record<string, never>>(
  handler: JobHandler<V, H>,
): JobHandler<V, H> {
  return handler;
}

/** A handler whose input types no longer matter (a registry holds many). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobHandler = JobHandler<any, any>;
