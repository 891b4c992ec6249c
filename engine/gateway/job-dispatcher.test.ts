import { describe, expect, it, vi } from 'vitest';
import type { ActivateJobsInput } from './gateway-engine.js';
import { JobDispatcher } from './job-dispatcher.js';
import { JobBoardEngine } from './testing/job-board-engine.js';

const notify: ActivateJobsInput = {
  type: 'notify',
  worker: 'w1',
  timeout: 60_000,
  maxJobsToActivate: 5,
  fetchVariable: [],
};

function dispatcherOn(engine: JobBoardEngine) {
  const activated: { type: string; count: number }[] = [];
  const dispatcher = new JobDispatcher(engine, {
    jobsActivated: (type, count) => activated.push({ type, count }),
  });
  return { dispatcher, activated };
}

describe('job dispatcher', () => {
  it('gives a job back when the poll it was activated for ended meanwhile', async () => {
    // given a poll waiting for 'notify' jobs, and activations that take their time
    const engine = new JobBoardEngine();
    const { dispatcher } = dispatcherOn(engine);
    const worker = new AbortController();
    const poll = dispatcher.activate(notify, 30_000, worker.signal);
    await vi.waitFor(() => expect(dispatcher.waiting('notify').polls).toBe(1));
    const release = engine.holdActivations();
    // when a job appears and the worker goes away while the job is activated for it
    const key = engine.addJob('notify');
    await vi.waitFor(() => expect(engine.activations).toHaveLength(2));
    worker.abort();
    await expect(poll).resolves.toEqual([]);
    release();
    // then the job is activatable again, its retries unchanged
    await vi.waitFor(() => expect(engine.failures).toEqual([{ jobKey: key, retries: 3 }]));
    expect(engine.jobBacklog().get('notify')).toBe(1);
    dispatcher.close();
  });

  it('answers a poll with jobs that appeared while it checked, instead of waiting', async () => {
    // given an activation that is slow, for a poll that will find nothing
    const engine = new JobBoardEngine();
    const { dispatcher } = dispatcherOn(engine);
    const release = engine.holdActivations();
    const poll = dispatcher.activate(notify, 30_000);
    await vi.waitFor(() => expect(engine.activations).toHaveLength(1));
    // when a job is announced during that check
    const key = engine.addJob('notify');
    release();
    // then the poll does not go to sleep on it but takes it
    const jobs = await poll;
    expect(jobs.map((job) => job.key)).toEqual([key]);
    dispatcher.close();
  });

  it('answers a waiting poll without jobs when its wait is over', async () => {
    // given a poll that waits 20 ms
    const engine = new JobBoardEngine();
    const { dispatcher, activated } = dispatcherOn(engine);
    // when nothing appears
    const jobs = await dispatcher.activate(notify, 20);
    // then it ends empty and nothing was counted
    expect(jobs).toEqual([]);
    expect(activated).toEqual([]);
    expect(dispatcher.waiting('notify').polls).toBe(0);
    dispatcher.close();
  });
});
