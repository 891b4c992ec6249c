import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../testing/engine-harness.js';

const DAY = 24 * 3600_000;

/**
 * One model exercising most of the engine together: FEEL script, exclusive and parallel
 * gateways, a Camunda user task with a non-interrupting reminder cycle and a send task, a
 * subprocess with a parallel multi-instance task and an error end event caught by a boundary
 * event leading to a terminate end event, a call activity, an event-based gateway, and an
 * interrupting message event subprocess.
 */
describe('kitchen sink: grant application', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(new URL('./fixtures/kitchen-sink-grant.bpmn', import.meta.url));
  });
  afterEach(() => h.close());

  const apply = async (documents: string[]) =>
    (
      await h.engine.createProcessInstance({
        bpmnProcessId: 'grant-application',
        variables: { applicationId: 'A-1', documents },
      })
    ).processInstanceKey;
  const work = async (
    type: string,
    variables: (job: {
      variables: Record<string, unknown>;
    }) => Record<string, unknown> = () => ({}),
  ) => {
    const jobs = await h.engine.activateJobs({
      type,
      worker: 'w',
      timeout: 60_000,
      maxJobsToActivate: 10,
    });
    for (const job of jobs)
      await h.engine.completeJob({ jobKey: job.key, variables: variables(job) });
    return jobs;
  };

  it('runs the happy path end to end', async () => {
    // given an application with three documents (score 30: eligible)
    const key = await apply(['id', 'plan', 'budget']);
    expect(h.variables(key)).toMatchObject({ score: 30 });
    // when the documents are checked (all valid)
    const checks = await work('check-document', (job) => ({
      valid: job.variables.document !== 'nothing',
    }));
    expect(checks).toHaveLength(3);
    // and the review is overdue for a day: a reminder goes out
    await h.advance(DAY);
    const [reminder] = await work('notify');
    expect(reminder!.customHeaders).toEqual({ template: 'reminder' });
    // and the case officer completes the review
    const [task] = h.engine.search.userTasks({
      filter: { processInstanceKey: key, candidateGroup: 'case-officer' },
    }).items;
    await h.engine.assignUserTask({ userTaskKey: task!.userTaskKey, assignee: 'olga' });
    await h.engine.completeUserTask({
      userTaskKey: task!.userTaskKey,
      variables: { decision: 'approve' },
    });
    // then the grant is issued by the called process
    await work('issue-grant-id', () => ({ grantId: 'G-77' }));
    expect(h.elements(key, 'ACTIVE')).toEqual(['AwaitAcceptance']);
    // and accepted by message
    await h.engine.publishMessage({ name: 'grant-accepted', correlationKey: 'A-1' });
    expect(h.instanceState(key)).toBe('COMPLETED');
    expect(h.variables(key)).toMatchObject({
      checks: [true, true, true],
      reviewDecision: 'approve',
      grantId: 'G-77',
    });
    expect(h.elements(key, 'COMPLETED')).toEqual(
      expect.arrayContaining(['Reminded', 'Join', 'IssueGrant', 'GrantAccepted', 'GrantActive']),
    );
    expect(h.engine.getUserTask(task!.userTaskKey).state).toBe('COMPLETED');
  });

  it('rejects with an invalid document: error end -> boundary -> terminate end, the review task is canceled', async () => {
    const key = await apply(['id', 'forged']);
    await work('check-document', (job) => ({ valid: job.variables.document !== 'forged' }));
    expect(h.instanceState(key)).toBe('COMPLETED');
    expect(h.elements(key, 'COMPLETED')).toEqual(
      expect.arrayContaining(['DocumentsRejected', 'ApplicationRejected']),
    );
    const [task] = h.engine.search.userTasks({ filter: { processInstanceKey: key } }).items;
    expect(task!.state).toBe('CANCELED');
  });

  it('lapses when the grant is not accepted within 14 days', async () => {
    const key = await apply(['id', 'plan']);
    await work('check-document', () => ({ valid: true }));
    const [task] = h.engine.search.userTasks({ filter: { processInstanceKey: key } }).items;
    await h.engine.completeUserTask({
      userTaskKey: task!.userTaskKey,
      variables: { decision: 'approve' },
    });
    await work('issue-grant-id', () => ({ grantId: 'G-1' }));
    await h.advance(14 * DAY);
    expect(h.elements(key, 'COMPLETED')).toContain('GrantLapsed');
    expect(h.instanceState(key)).toBe('COMPLETED');
  });

  it('a withdrawal message interrupts everything through the event subprocess', async () => {
    const key = await apply(['id', 'plan']);
    await h.engine.publishMessage({ name: 'application-withdrawn', correlationKey: 'A-1' });
    expect(h.instanceState(key)).toBe('COMPLETED');
    expect(h.elements(key, 'ACTIVE')).toEqual([]);
    expect(h.elements(key, 'COMPLETED')).toEqual(
      expect.arrayContaining(['Withdrawal', 'Withdrawn']),
    );
    expect(
      await h.engine.activateJobs({
        type: 'check-document',
        worker: 'w',
        timeout: 1000,
        maxJobsToActivate: 10,
      }),
    ).toEqual([]);
  });

  it('ends early when the score is too low', async () => {
    const key = await apply(['id']);
    expect(h.elements(key)).toEqual([
      'ApplicationReceived',
      'ScoreApplication',
      'Eligible',
      'RejectedEarly',
    ]);
  });
});
