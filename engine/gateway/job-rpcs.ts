import {
  status,
  type ServerWritableStream,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { ActivateJobsInput, GatewayEngine } from './gateway-engine.js';
import { GatewayRequestError, toGrpcError } from './gateway-errors.js';
import type { GatewayMetrics } from './gateway-metrics.js';
import type { JobDispatcher } from './job-dispatcher.js';
import { activatedJobMessage } from './protocol-messages.js';
import {
  checkTenants,
  MAX_TIMER_MS,
  parseInt64,
  parseKey,
  parseVariables,
} from './request-fields.js';
import { unaryRpc, type RpcGuard } from './rpc-call.js';

/** What the job RPCs need. */
export interface JobRpcDeps {
  engine: GatewayEngine;
  dispatcher: JobDispatcher;
  metrics: GatewayMetrics;
  guard: RpcGuard;
  /** Long-polling wait of an ActivateJobs request that sends requestTimeout 0. */
  defaultLongPollMs: number;
  /** Open StreamActivatedJobs calls, ended when the server closes. */
  streams: Set<ServerWritableStream<unknown, unknown>>;
}

interface ActivateRequest {
  type: string;
  worker: string;
  timeout: string;
  maxJobsToActivate: number;
  fetchVariable: string[];
  requestTimeout: string;
  tenantIds: string[];
}

type StreamRequest = Omit<ActivateRequest, 'maxJobsToActivate' | 'requestTimeout'>;

function activationInput(request: StreamRequest, maxJobs: number): ActivateJobsInput {
  if (request.type.trim() === '') {
    throw new GatewayRequestError(
      'INVALID_ARGUMENT',
      'type',
      "Expected 'type' of the jobs to activate to be set",
    );
  }
  checkTenants('tenantIds', request.tenantIds);
  const timeout = parseInt64('timeout', request.timeout);
  if (timeout < 1) {
    throw new GatewayRequestError(
      'INVALID_ARGUMENT',
      'timeout',
      `Expected 'timeout' to be at least 1 ms, but got ${timeout}`,
    );
  }
  return {
    type: request.type,
    worker: request.worker,
    timeout,
    maxJobsToActivate: maxJobs,
    fetchVariable: request.fetchVariable,
  };
}

/** Ends a server stream with the status an error maps to. */
function fail(guard: RpcGuard, call: ServerWritableStream<unknown, unknown>, error: unknown): void {
  const { code, details } = toGrpcError(error);
  if (code === status.INTERNAL) guard.onInternalError(error);
  call.emit('error', { code, details });
}

/** Handlers of job activation (polling and streaming) and of the job commands. */
export function jobRpcs(deps: JobRpcDeps): UntypedServiceImplementation {
  const { engine, dispatcher, metrics, guard } = deps;

  const refused = (call: ServerWritableStream<unknown, unknown>): boolean => {
    const refusal = guard.authorize(call.metadata);
    if (refusal !== null) call.emit('error', { code: status.UNAUTHENTICATED, details: refusal });
    return refusal !== null;
  };

  return {
    ActivateJobs: (call: ServerWritableStream<ActivateRequest, unknown>) => {
      if (refused(call)) return;
      const cancelled = new AbortController();
      call.on('cancelled', () => cancelled.abort());
      void (async () => {
        const request = call.request;
        if (request.maxJobsToActivate < 1) {
          throw new GatewayRequestError(
            'INVALID_ARGUMENT',
            'maxJobsToActivate',
            `Expected 'maxJobsToActivate' to be at least 1, but got ${request.maxJobsToActivate}`,
          );
        }
        const input = activationInput(request, request.maxJobsToActivate);
        const requested = parseInt64('requestTimeout', request.requestTimeout);
        // Zeebe: 0 means the gateway's default long-polling time-out, a negative value no long polling.
        const waitMs = Math.min(requested === 0 ? deps.defaultLongPollMs : requested, MAX_TIMER_MS);
        const jobs = await dispatcher.activate(input, waitMs, cancelled.signal);
        if (cancelled.signal.aborted) {
          await dispatcher.giveBack(jobs);
          return;
        }
        // Zeebe ends an empty long poll without a message.
        if (jobs.length > 0) call.write({ jobs: jobs.map(activatedJobMessage) });
        call.end();
      })().catch((error: unknown) => fail(guard, call, error));
    },

    StreamActivatedJobs: (call: ServerWritableStream<StreamRequest, unknown>) => {
      if (refused(call)) return;
      let input: ActivateJobsInput;
      try {
        input = activationInput(call.request, 1);
      } catch (error) {
        fail(guard, call, error);
        return;
      }
      const stream = dispatcher.openStream(input, (job) => {
        if (call.cancelled || call.writableEnded) return false;
        call.write(activatedJobMessage(job));
        return true;
      });
      deps.streams.add(call);
      const closeStream = (): void => {
        stream.close();
        deps.streams.delete(call);
      };
      call.on('cancelled', closeStream);
      call.on('close', closeStream);
      call.on('finish', closeStream);
    },

    CompleteJob: unaryRpc(guard, async (request: { jobKey: string; variables: string }) => {
      const variables = parseVariables('variables', request.variables);
      await engine.completeJob({ jobKey: parseKey('jobKey', request.jobKey), variables });
      metrics.jobCompleted();
      return {};
    }),

    FailJob: unaryRpc(
      guard,
      async (request: {
        jobKey: string;
        retries: number;
        errorMessage: string;
        retryBackOff: string;
        variables: string;
      }) => {
        const variables = parseVariables('variables', request.variables);
        const retryBackOff = parseInt64('retryBackOff', request.retryBackOff);
        if (retryBackOff < 0) {
          throw new GatewayRequestError(
            'INVALID_ARGUMENT',
            'retryBackOff',
            `Expected 'retryBackOff' to be at least 0, but got ${retryBackOff}`,
          );
        }
        await engine.failJob({
          jobKey: parseKey('jobKey', request.jobKey),
          retries: request.retries,
          errorMessage: request.errorMessage,
          retryBackOff,
          variables,
        });
        metrics.jobFailed();
        return {};
      },
    ),

    ThrowError: unaryRpc(
      guard,
      async (request: {
        jobKey: string;
        errorCode: string;
        errorMessage: string;
        variables: string;
      }) => {
        if (request.errorCode === '') {
          throw new GatewayRequestError(
            'INVALID_ARGUMENT',
            'errorCode',
            "Expected 'errorCode' of the thrown error to be set",
          );
        }
        const variables = parseVariables('variables', request.variables);
        await engine.throwError({
          jobKey: parseKey('jobKey', request.jobKey),
          errorCode: request.errorCode,
          errorMessage: request.errorMessage,
          variables,
        });
        return {};
      },
    ),

    UpdateJobRetries: unaryRpc(guard, async (request: { jobKey: string; retries: number }) => {
      if (request.retries < 1) {
        throw new GatewayRequestError(
          'INVALID_ARGUMENT',
          'retries',
          `Expected 'retries' to be at least 1, but got ${request.retries}`,
        );
      }
      await engine.updateJobRetries({
        jobKey: parseKey('jobKey', request.jobKey),
        retries: request.retries,
      });
      return {};
    }),

    UpdateJobTimeout: unaryRpc(guard, async (request: { jobKey: string; timeout: string }) => {
      await engine.updateJobTimeout({
        jobKey: parseKey('jobKey', request.jobKey),
        timeout: parseInt64('timeout', request.timeout),
      });
      return {};
    }),
  };
}
