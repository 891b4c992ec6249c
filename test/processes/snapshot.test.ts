import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from './support/process-engine.js';
import { Scenario, SCENARIO_START } from './support/scenario.js';

// An anonymised snapshot, asked for by message (snapshot-requested) or started by the monthly
// timer. The scenario clock starts on 4 January 2027, when the model is deployed.
let s: Scenario;
beforeEach(async () => {
  s = await Scenario.start(['snapshot']);
});
afterEach(async () => {
  await s.close();
});

describe('snapshot', () => {
  it('writes a snapshot on demand and tells the analysts when no row was suppressed', async () => {
    // when an analyst asks for a snapshot now
    await s.publish('snapshot-requested', '');
    const processInstanceKey = await s.instanceOf('snapshot');
    // then it is written and announced, without a review
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    expect(await s.path(processInstanceKey)).toEqual([
      'StartEvent_SnapshotRequested',
      'Gateway_StartJoin',
      'Task_CreateSnapshot',
      'Gateway_RowsSuppressed',
      'Gateway_ReleaseJoin',
      'Task_NotifySnapshotReady',
      'EndEvent_SnapshotReady',
    ]);
    const [created] = await s.jobs('Task_CreateSnapshot');
    expect(await s.variables(processInstanceKey)).toEqual({
      snapshotId: created!.output['snapshotId'],
      suppressedCount: 0,
    });
    expect(s.workers.notifications(processInstanceKey)).toEqual(['snapshot-ready']);
    expect(await s.allTasks(processInstanceKey)).toEqual([]);
  });

  it('starts a snapshot every month by its timer', async () => {
    // given no request
    expect(await s.instancesOf('snapshot')).toEqual([]);
    // when a month passes (4 February 2027)
    await s.engine.pinClock(SCENARIO_START + 31 * DAY);
    // then one snapshot ran from the timer start event
    const first = await s.instanceOf('snapshot');
    expect(await s.ended(first)).toBe('COMPLETED');
    expect((await s.path(first))[0]).toBe('StartEvent_Monthly');
    // when another month passes (4 March 2027)
    await s.engine.pinClock(SCENARIO_START + 59 * DAY);
    // then the second one
    expect(await s.instancesOf('snapshot')).toHaveLength(2);
  });

  it('has an analyst review a snapshot whose k-anonymity check suppressed rows, then releases it', async () => {
    // given a snapshot run that suppresses rows
    s.workers.answer('snapshot', () => ({ snapshotId: 'snap-2027-01', suppressedCount: 12 }));
    // when requested
    await s.publish('snapshot-requested', '');
    const processInstanceKey = await s.instanceOf('snapshot');
    // then an analyst reviews it before anyone is told
    const review = await s.task(processInstanceKey, 'Task_ReviewSnapshot');
    expect(review).toMatchObject({
      name: 'Snapshot prüfen',
      candidateGroups: ['analyst'],
      formKey: 'snapshot-pruefung',
      dueDate: undefined,
    });
    expect(await s.entered(processInstanceKey, 'Task_NotifySnapshotReady')).toBe(0);

    // when the analyst approves
    await s.complete(review, { decision: 'approve' });
    // then the snapshot is announced
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    expect(await s.path(processInstanceKey)).toEqual([
      'StartEvent_SnapshotRequested',
      'Gateway_StartJoin',
      'Task_CreateSnapshot',
      'Gateway_RowsSuppressed',
      'Task_ReviewSnapshot',
      'Gateway_ReviewDecision',
      'Gateway_ReleaseJoin',
      'Task_NotifySnapshotReady',
      'EndEvent_SnapshotReady',
    ]);
    expect(await s.variables(processInstanceKey)).toEqual({
      snapshotId: 'snap-2027-01',
      suppressedCount: 12,
      decision: 'approve',
    });
  });

  it('discards a snapshot the analyst rejects, without telling anyone', async () => {
    // given a reviewed snapshot
    s.workers.answer('snapshot', () => ({ snapshotId: 'snap-2027-02', suppressedCount: 1 }));
    await s.publish('snapshot-requested', '');
    const processInstanceKey = await s.instanceOf('snapshot');
    // when rejected
    await s.complete(await s.task(processInstanceKey, 'Task_ReviewSnapshot'), {
      decision: 'reject',
    });
    // then it ends as discarded
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    expect((await s.path(processInstanceKey)).at(-1)).toBe('EndEvent_SnapshotDiscarded');
    expect(await s.entered(processInstanceKey, 'Task_NotifySnapshotReady')).toBe(0);
  });
});
