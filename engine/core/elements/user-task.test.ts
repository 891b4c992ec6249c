import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

const fixtures = [
  'user-task-camunda.bpmn',
  'user-task-assigned.bpmn',
  'user-task-job-based.bpmn',
].map((name) => new URL(`./fixtures/${name}`, import.meta.url));

describe('Camunda user tasks (zeebe:userTask)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(...fixtures);
  });
  afterEach(() => h.close());

  async function startReview() {
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'grant-review',
      variables: { caseId: 'c-42', submittedAt: '2026-01-01T08:00:00Z' },
    });
    const [task] = h.engine.search.userTasks({ filter: { processInstanceKey } }).items;
    return { processInstanceKey, task: task! };
  }

  it('creates the task with form, candidates and dates evaluated from FEEL or static values', async () => {
    const { task } = await startReview();
    expect(task).toMatchObject({
      name: 'Review application',
      state: 'CREATED',
      assignee: null,
      elementId: 'ReviewApplication',
      formKey: 'review-application',
      externalFormReference: 'review-application',
      candidateGroups: ['case-officer', 'case:c-42'],
      candidateUsers: ['anna', 'ben'],
      followUpDate: '2026-01-05T09:00:00Z',
    });
    expect(Date.parse(task.dueDate!)).toBe(Date.parse('2026-01-15T08:00:00Z'));
  });

  it('is found by candidate group, candidate user, state and a process-instance variable', async () => {
    const { task } = await startReview();
    const search = (
      filter: Parameters<typeof h.engine.search.userTasks>[0] extends infer Q
        ? Q extends { filter?: infer F }
          ? F
          : never
        : never,
    ) => h.engine.search.userTasks({ filter }).items.map((t) => t.userTaskKey);
    expect(search({ candidateGroup: 'case:c-42' })).toEqual([task.userTaskKey]);
    expect(search({ candidateGroup: 'admin' })).toEqual([]);
    expect(search({ candidateUser: 'ben', state: 'CREATED' })).toEqual([task.userTaskKey]);
    expect(search({ processInstanceVariables: [{ name: 'caseId', value: '"c-42"' }] })).toEqual([
      task.userTaskKey,
    ]);
    expect(search({ processInstanceVariables: [{ name: 'caseId', value: '"c-43"' }] })).toEqual([]);
    expect(
      search({ dueDate: { from: '2026-01-10T00:00:00Z', to: '2026-01-20T00:00:00Z' } }),
    ).toEqual([task.userTaskKey]);
  });

  it('is assigned, unassigned and completed; completion variables reach the process', async () => {
    // given a created review task
    const { processInstanceKey, task } = await startReview();
    // when it is assigned, reassigned without override, unassigned, assigned and completed
    await h.engine.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'anna' });
    expect(h.engine.getUserTask(task.userTaskKey).assignee).toBe('anna');
    await expect(
      h.engine.assignUserTask({
        userTaskKey: task.userTaskKey,
        assignee: 'ben',
        allowOverride: false,
      }),
    ).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    await h.engine.unassignUserTask({ userTaskKey: task.userTaskKey });
    expect(h.engine.getUserTask(task.userTaskKey).assignee).toBeNull();
    await h.engine.completeUserTask({
      userTaskKey: task.userTaskKey,
      variables: { decision: 'approve' },
    });
    // then the task is completed and the process continued with the decision
    expect(h.engine.getUserTask(task.userTaskKey).state).toBe('COMPLETED');
    expect(h.variables(processInstanceKey)).toMatchObject({ decision: 'approve' });
    expect(h.instanceState(processInstanceKey)).toBe('COMPLETED');
    const intents = h.engine
      .records()
      .filter((r) => r.valueType === 'USER_TASK' && r.recordType === 'EVENT')
      .map((r) => r.intent);
    expect(intents).toEqual([
      'CREATING',
      'CREATED',
      'ASSIGNING',
      'ASSIGNED',
      'ASSIGNING',
      'ASSIGNED',
      'COMPLETING',
      'COMPLETED',
    ]);
  });

  it('is canceled when an interrupting boundary timer leaves the task', async () => {
    // given a review task nobody works on
    const { processInstanceKey, task } = await startReview();
    // when its 30-day deadline passes
    await h.advance(30 * 24 * 3600 * 1000);
    // then the task is canceled and the process took the deadline path
    expect(h.engine.getUserTask(task.userTaskKey).state).toBe('CANCELED');
    expect(h.elements(processInstanceKey, 'COMPLETED')).toEqual([
      'ApplicationSubmitted',
      'ReviewDeadline',
      'ReviewExpired',
    ]);
    await expect(
      h.engine.completeUserTask({ userTaskKey: task.userTaskKey }),
    ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
  });

  it('is canceled when the process instance is canceled', async () => {
    const { processInstanceKey, task } = await startReview();
    await h.engine.cancelProcessInstance(processInstanceKey);
    expect(h.engine.getUserTask(task.userTaskKey).state).toBe('CANCELED');
    expect(h.instanceState(processInstanceKey)).toBe('TERMINATED');
  });

  it('takes its assignee from a FEEL expression', async () => {
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'sign-contract',
      variables: { signer: 'dora' },
    });
    expect(
      h.engine.search.userTasks({ filter: { processInstanceKey, assignee: 'dora' } }).items,
    ).toHaveLength(1);
  });
});

describe('job-based user tasks', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(...fixtures);
  });
  afterEach(() => h.close());

  it('creates a job of type io.camunda.zeebe:userTask with the task data as headers', async () => {
    // given a legacy approval
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'legacy-approval',
    });
    // when a task application activates user task jobs
    const [job] = await h.engine.activateJobs({
      type: 'io.camunda.zeebe:userTask',
      worker: 'tasklist',
      timeout: 60_000,
      maxJobsToActivate: 5,
    });
    // then it carries Zeebe's headers, retries 1, and no Camunda user task exists
    expect(job).toMatchObject({
      retries: 1,
      elementId: 'ApproveRequest',
      customHeaders: {
        'io.camunda.zeebe:formKey': 'approve-request',
        'io.camunda.zeebe:assignee': 'carla',
        'io.camunda.zeebe:candidateGroups': '["admin","analyst"]',
        'io.camunda.zeebe:dueDate': '2026-02-01T12:00:00Z',
      },
    });
    expect(h.engine.search.userTasks({ filter: { processInstanceKey } }).items).toEqual([]);
    // when the job completes, the process continues
    await h.engine.completeJob({ jobKey: job!.key, variables: { approved: true } });
    expect(h.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});
