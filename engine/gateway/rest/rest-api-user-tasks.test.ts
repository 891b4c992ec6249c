import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRestHarness, type RestHarness } from './testing/rest-harness.js';

const NOW = { consistency: { waitUpToMs: 0 } };
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 1, 2, 8, 0, 0);
let h: RestHarness;
beforeEach(async () => {
  h = await startRestHarness({ controlledClock: true });
  await h.camunda.pinClock({ timestamp: T0 });
  await h.camunda.createDeployment({ resources: [h.fixture('review-application.bpmn')] });
});
afterEach(async () => {
  await h.close();
});

async function problemOf(call: Promise<unknown>) {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as { status?: number; title?: string; detail?: string } | undefined;
  if (!error) throw new Error('expected the call to be refused');
  return { status: error.status, title: error.title, detail: error.detail };
}

/** Starts a review of a case due on the given day of February 2026; answers its user task. */
async function review(caseId: string, dueDay: number) {
  const { processInstanceKey } = await h.camunda.createProcessInstance({
    processDefinitionId: 'review-application' as never,
    variables: { caseId, dueDate: `2026-02-${String(dueDay).padStart(2, '0')}T17:00:00+01:00` },
  });
  const { items } = await h.camunda.searchUserTasks({ filter: { processInstanceKey } }, NOW);
  return { processInstanceKey, task: items[0]! };
}

describe('the REST API: user task search', () => {
  it("finds a case's task by the process-instance variable caseId", async () => {
    // given three cases
    await review('case-a', 10);
    const b = await review('case-b', 11);
    await review('case-c', 12);
    // when
    const found = await h.camunda.searchUserTasks(
      { filter: { processInstanceVariables: [{ name: 'caseId', value: '"case-b"' }] } },
      NOW,
    );
    // then
    expect(found.items.map((t) => t.processInstanceKey)).toEqual([b.processInstanceKey]);
    expect(found.items[0]).toMatchObject({
      name: 'Review application',
      state: 'CREATED',
      candidateGroups: ['case-officer'],
      externalFormReference: 'pruefung',
      dueDate: '2026-02-11T16:00:00.000Z',
      processDefinitionId: 'review-application',
    });
  });

  it('filters by candidate group, state and due date range, sorted by due date and paged', async () => {
    // given tasks due on the 10th, 20th, 5th and 15th
    for (const [caseId, day] of [
      ['a', 10],
      ['b', 20],
      ['c', 5],
      ['d', 15],
    ] as const)
      await review(caseId, day);
    // when the officers' open tasks due from the 6th to the 20th (exclusive) are asked, latest first
    const query = {
      filter: {
        candidateGroup: 'case-officer',
        state: 'CREATED' as const,
        dueDate: { $gte: '2026-02-06T00:00:00Z', $lt: '2026-02-20T16:00:00Z' },
      },
      sort: [{ field: 'dueDate' as const, order: 'DESC' as const }],
    };
    const first = await h.camunda.searchUserTasks({ ...query, page: { from: 0, limit: 1 } }, NOW);
    const rest = await h.camunda.searchUserTasks({ ...query, page: { from: 1, limit: 10 } }, NOW);
    // then
    expect(Number(first.page.totalItems)).toBe(2);
    expect([...first.items, ...rest.items].map((t) => t.dueDate)).toEqual([
      '2026-02-15T16:00:00.000Z',
      '2026-02-10T16:00:00.000Z',
    ]);
    const otherGroup = await h.camunda.searchUserTasks(
      { filter: { candidateGroup: 'analyst' } },
      NOW,
    );
    expect(otherGroup.items).toEqual([]);
  });

  it('answers the tasks of any of a person’s groups in one search ($in), each once', async () => {
    // given tasks offered to case groups, one of them also to the officers
    await h.camunda.createDeployment({ resources: [h.fixture('offered-review.bpmn')] });
    const offer = async (groups: string[], day: number) =>
      (
        await h.camunda.createProcessInstance({
          processDefinitionId: 'offered-review' as never,
          variables: { groups, users: [], dueDate: `2026-02-${day}T12:00:00Z` },
        })
      ).processInstanceKey;
    const a = await offer(['case:a', 'case-officer'], 12);
    const b = await offer(['case:b'], 11);
    await offer(['case:c'], 10);
    // when
    const found = await h.camunda.searchUserTasks(
      {
        filter: { candidateGroup: { $in: ['case:a', 'case:b', 'case-officer'] }, state: 'CREATED' },
        sort: [{ field: 'dueDate' }],
      },
      NOW,
    );
    // then
    expect(found.items.map((t) => t.processInstanceKey)).toEqual([b, a]);
    expect(found.page).toMatchObject({ totalItems: 2, hasMoreTotalItems: false });
  });

  it('pages a group’s open tasks by cursor, keeping its place when a task arrives', async () => {
    // given
    for (const [caseId, day] of [
      ['a', 10],
      ['b', 20],
      ['c', 5],
    ] as const)
      await review(caseId, day);
    const query = {
      filter: { candidateGroup: 'case-officer', state: 'CREATED' as const },
      sort: [{ field: 'dueDate' as const }],
    };
    const first = await h.camunda.searchUserTasks({ ...query, page: { limit: 2 } }, NOW);
    // when a task due before all of them arrives, and the next page is asked for
    await review('early', 1);
    const next = await h.camunda.searchUserTasks(
      { ...query, page: { after: first.page.endCursor!, limit: 2 } } as never,
      NOW,
    );
    // then
    expect(first.items.map((t) => t.dueDate)).toEqual([
      '2026-02-05T16:00:00.000Z',
      '2026-02-10T16:00:00.000Z',
    ]);
    expect(next.items.map((t) => t.dueDate)).toEqual(['2026-02-20T16:00:00.000Z']);
    expect(Number(next.page.totalItems)).toBe(4);
  });

  it('refuses an operator it cannot serve, naming it', async () => {
    // when
    const problem = await problemOf(
      h.camunda.searchUserTasks({ filter: { assignee: { $like: 'officer*' } } }, NOW),
    );
    // then
    expect(problem.status).toBe(400);
    expect(problem.detail).toMatch(/^filter\.assignee\.\$like:/);
  });
});

describe('the REST API: working a user task', () => {
  it('assigns, refuses an override when asked to, unassigns and completes a task', async () => {
    // given
    const { processInstanceKey, task } = await review('case-w', 10);
    const userTaskKey = task.userTaskKey;
    // when assigned
    await h.camunda.assignUserTask({ userTaskKey, assignee: 'officer-1' });
    // then
    expect((await h.camunda.getUserTask({ userTaskKey }, NOW)).assignee).toBe('officer-1');
    const mine = await h.camunda.searchUserTasks({ filter: { assignee: 'officer-1' } }, NOW);
    expect(mine.items.map((t) => t.userTaskKey)).toEqual([userTaskKey]);
    const taken = await problemOf(
      h.camunda.assignUserTask({ userTaskKey, assignee: 'officer-2', allowOverride: false }),
    );
    expect(taken.status).toBe(409);
    // when unassigned
    await h.camunda.unassignUserTask({ userTaskKey });
    // then
    expect((await h.camunda.getUserTask({ userTaskKey }, NOW)).assignee).toBeUndefined();
    // when completed with a decision
    await h.camunda.completeUserTask({ userTaskKey, variables: { decision: 'approved' } });
    // then
    const done = await h.camunda.getUserTask({ userTaskKey }, NOW);
    expect(done).toMatchObject({ state: 'COMPLETED', completionDate: new Date(T0).toISOString() });
    expect((await h.camunda.getProcessInstance({ processInstanceKey }, NOW)).state).toBe(
      'COMPLETED',
    );
    const decision = await h.camunda.searchVariables(
      { filter: { processInstanceKey, name: 'decision' } },
      NOW,
    );
    expect(decision.items.map((v) => v.value)).toEqual(['"approved"']);
    const again = await problemOf(h.camunda.completeUserTask({ userTaskKey }));
    expect(again).toMatchObject({ status: 409, title: 'FAILED_PRECONDITION' });
  });

  it("answers a task's variables, from its own scope out to the process instance", async () => {
    // given
    const { task } = await review('case-v', 10);
    // when
    const all = await h.camunda.searchUserTaskVariables(
      { userTaskKey: task.userTaskKey, sort: [{ field: 'name' }] },
      NOW,
    );
    const one = await h.camunda.searchUserTaskVariables(
      { userTaskKey: task.userTaskKey, filter: { name: 'caseId' } },
      NOW,
    );
    // then
    expect(all.items.map((v) => v.name)).toEqual(['caseId', 'dueDate']);
    expect(one.items.map((v) => v.value)).toEqual(['"case-v"']);
  });

  it('answers 404 as a problem for an unknown user task', async () => {
    // when
    const problem = await problemOf(
      h.camunda.getUserTask({ userTaskKey: '2251799813699999' as never }, NOW),
    );
    // then
    expect(problem).toMatchObject({ status: 404, title: 'NOT_FOUND' });
  });
});

describe('the REST API: a user task canceled by an interrupting timer', () => {
  it('turns CANCELED when the clock moves past the boundary timer, and the escalation path is taken', async () => {
    // given a review whose overdue timer fires after 14 days
    const { processInstanceKey, task } = await review('case-t', 10);
    // when the clock moves 15 days forward
    await h.camunda.pinClock({ timestamp: T0 + 15 * DAY });
    // then
    expect((await h.camunda.getUserTask({ userTaskKey: task.userTaskKey }, NOW)).state).toBe(
      'CANCELED',
    );
    const open = await h.camunda.searchUserTasks(
      { filter: { processInstanceKey, state: 'CREATED' } },
      NOW,
    );
    expect(open.items).toEqual([]);
    const ends = await h.camunda.searchElementInstances(
      { filter: { processInstanceKey, type: 'END_EVENT' } },
      NOW,
    );
    expect((ends.items ?? []).map((e) => e.elementName)).toEqual(['Review escalated']);
    expect((await h.camunda.getProcessInstance({ processInstanceKey }, NOW)).state).toBe(
      'COMPLETED',
    );
  });
});
