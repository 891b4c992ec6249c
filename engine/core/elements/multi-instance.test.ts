import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

describe('multi-instance', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(new URL('./fixtures/multi-instance.bpmn', import.meta.url));
  });
  afterEach(() => h.close());

  it('parallel: one job per item with loopCounter and the item, outputs collected in item order', async () => {
    // given three recipients
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'mass-mailing',
      variables: { recipients: ['a', 'b', 'c'] },
    });
    const jobs = await h.engine.activateJobs({
      type: 'send-letter',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 10,
    });
    expect(jobs.map((j) => [j.variables.recipient, j.variables.loopCounter])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    // when they complete in reverse order
    for (const job of [...jobs].reverse())
      await h.engine.completeJob({
        jobKey: job.key,
        variables: { receipt: `sent-${String(job.variables.recipient)}` },
      });
    // then the output collection keeps the item order and the body completes once
    expect(h.variables(key)).toMatchObject({ receipts: ['sent-a', 'sent-b', 'sent-c'] });
    expect(h.instanceState(key)).toBe('COMPLETED');
  });

  it('parallel over an empty collection completes at once', async () => {
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'mass-mailing',
      variables: { recipients: [] },
    });
    expect(h.instanceState(key)).toBe('COMPLETED');
  });

  it('raises an incident when the input collection is not a list', async () => {
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'mass-mailing',
      variables: { recipients: 'a' },
    });
    expect(h.incidents(key)[0]).toMatchObject({
      errorType: 'EXTRACT_VALUE_ERROR',
      elementId: 'SendLetter',
    });
  });

  it('sequential: one item after another, stopped early by the completion condition', async () => {
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'approval-chain',
      variables: { approvers: ['x', 'y', 'z'], rejected: false },
    });
    const seen: unknown[] = [];
    for (const rejected of [false, true]) {
      const jobs = await h.engine.activateJobs({
        type: 'approve',
        worker: 'w',
        timeout: 1000,
        maxJobsToActivate: 10,
      });
      expect(jobs).toHaveLength(1);
      seen.push(jobs[0]!.variables.approver);
      await h.engine.completeJob({ jobKey: jobs[0]!.key, variables: { rejected } });
    }
    expect(seen).toEqual(['x', 'y']);
    expect(h.instanceState(key)).toBe('COMPLETED');
  });
});
