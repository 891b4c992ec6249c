/**
 * The worker runtime against the real engine over gRPC with `@camunda8/sdk`: each job ends with
 * exactly one of complete, fail (retries, back-off, incident) or BPMN error, and bad input is
 * refused with a message naming the variable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  bpmnError,
  complete,
  defineJobHandler,
  fail,
  type AnyJobHandler,
} from '../../workers/runtime/job-handler.js';
import { singleTaskModel } from '../support/single-task-model.js';
import { startWorkerHarness, type WorkerHarness } from '../support/worker-harness.js';

const CASE_ID = '0b8e4c7a-5d2f-4e1b-9c3a-7f6d5e4c3b2a';
const attempts = new Map<string, number>();

// One handler whose behaviour the test picks by the variable `mode`.
const probe = defineJobHandler({
  jobType: 'case-status',
  variables: z.object({
    caseId: z.uuid(),
    mode: z.enum(['complete', 'throw-once', 'fail-transient', 'bpmn-error']),
  }),
  headers: z.object({ status: z.string().min(1) }),
  async handle({ variables, headers }, context) {
    const seen = (attempts.get(context.job.key) ?? 0) + 1;
    attempts.set(context.job.key, seen);
    switch (variables.mode) {
      case 'complete':
        return complete({ valid: true, status: headers.status });
      case 'throw-once':
        if (seen === 1) throw new Error('database connection reset');
        return complete({ attempts: seen });
      case 'fail-transient':
        return fail('backend not reachable', { retryBackOffMs: 0 });
      case 'bpmn-error':
        return bpmnError('CASE_INVALID', 'case has no location');
    }
  },
});

const model = singleTaskModel({
  processId: 'runtime-probe',
  jobType: 'case-status',
  headers: { status: 'EINGELADEN' },
  catchErrorCode: 'CASE_INVALID',
});

describe.each(['stream', 'poll'] as const)('worker runtime (%s activation)', (activation) => {
  let h: WorkerHarness;
  beforeAll(async () => {
    attempts.clear(); // job keys start afresh in each engine
    h = await startWorkerHarness({ handlers: [probe as AnyJobHandler], activation });
  });
  afterAll(() => h.close());

  it('completes a job with the handler variables and headers', async () => {
    // given an instance whose job the handler completes
    const key = await h.start(model, { caseId: CASE_ID, mode: 'complete' });
    // when the job is handled
    const result = await h.nextResult(key);
    // then it completed, the variables reached the process and the instance ended
    expect(result).toEqual({
      action: 'complete',
      variables: { valid: true, status: 'EINGELADEN' },
    });
    const view = h.inspect(key);
    expect(view.state).toBe('COMPLETED');
    expect(view.variables).toMatchObject({ valid: true, status: 'EINGELADEN' });
    expect(view.completedElements).toContain('End_Done');
  });

  it.each([
    ['a missing variable', { mode: 'complete' }, 'Variable „caseId“: fehlt'],
    ['a malformed variable', { caseId: 'case-1', mode: 'complete' }, 'Variable „caseId“'],
    ['an unknown mode', { caseId: CASE_ID, mode: 'dance' }, 'Variable „mode“'],
  ])('refuses %s with an incident naming it', async (_name, variables, text) => {
    // given an instance started with bad variables
    const key = await h.start(model, variables);
    // when the job is delivered
    const result = await h.nextResult(key);
    // then it failed with no retries left and the incident says what is wrong and where
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    const [incident] = h.inspect(key).incidents;
    expect(incident?.errorType).toBe('JOB_NO_RETRIES');
    expect(incident?.errorMessage).toContain(text);
    expect(incident?.errorMessage).toContain('Element Task_Job');
  });

  it('retries a job whose handler threw, and completes it on the next delivery', async () => {
    // given a handler that throws the first time
    const key = await h.start(model, { caseId: CASE_ID, mode: 'throw-once' });
    // when the job is delivered twice
    const first = await h.nextResult(key);
    const second = await h.nextResult(key);
    // then the first delivery failed with one retry fewer and the second completed
    expect(first).toMatchObject({ action: 'fail', retries: 2 });
    expect(first.action === 'fail' && first.message).toContain('database connection reset');
    expect(second).toEqual({ action: 'complete', variables: { attempts: 2 } });
    expect(h.inspect(key).state).toBe('COMPLETED');
  });

  it('counts retries down to an incident for a failure that persists', async () => {
    // given a handler that fails every time
    const key = await h.start(model, { caseId: CASE_ID, mode: 'fail-transient' });
    // when the job has been delivered as often as its retries allow
    const results = [await h.nextResult(key), await h.nextResult(key), await h.nextResult(key)];
    // then the retries went 2, 1, 0 and the last failure raised an incident
    expect(results.map((r) => r.action === 'fail' && r.retries)).toEqual([2, 1, 0]);
    expect(h.inspect(key).incidents[0]?.errorMessage).toBe('backend not reachable');
  });

  it('throws a BPMN error that the model catches', async () => {
    // given a handler that reports a business error
    const key = await h.start(model, { caseId: CASE_ID, mode: 'bpmn-error' });
    // when the job is handled
    const result = await h.nextResult(key);
    // then the boundary event took the instance to its other end
    expect(result).toEqual({
      action: 'error',
      code: 'CASE_INVALID',
      message: 'case has no location',
    });
    const view = h.inspect(key);
    expect(view.state).toBe('COMPLETED');
    expect(view.completedElements).toContain('End_Caught');
  });
});
