import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../testing/engine-harness.js';

let h: Harness;
const instances: Record<string, string> = {};

/** Starts one offered review; its task's candidates and due date come from the variables. */
async function offer(
  name: string,
  variables: { caseId: string; groups: string[]; users?: string[]; dueDate: string | null },
) {
  const created = await h.engine.createProcessInstance({
    bpmnProcessId: 'offered-review',
    variables: { users: [], ...variables },
  });
  instances[name] = created.processInstanceKey;
}

const namesOf = (items: { processInstanceKey: string }[]) =>
  items.map((item) => Object.keys(instances).find((n) => instances[n] === item.processInstanceKey));

beforeEach(async () => {
  // given reviews of two cases, offered to groups and users, with due dates
  for (const name of Object.keys(instances)) delete instances[name];
  h = await openHarness();
  await h.deploy(new URL('./fixtures/offered-review.bpmn', import.meta.url));
  await offer('a1', {
    caseId: 'case-a',
    groups: ['case-officer'],
    dueDate: '2026-03-03T12:00:00Z',
  });
  await offer('a2', {
    caseId: 'case-a',
    groups: ['case:a', 'case-officer'],
    dueDate: '2026-03-01T12:00:00+01:00',
  });
  await offer('b1', {
    caseId: 'case-b',
    groups: ['case:b'],
    users: ['officer-7'],
    // 12:30 UTC: after a2 as an instant, before it as text
    dueDate: '2026-03-01T10:30:00-02:00',
  });
  await offer('b2', { caseId: 'case-b', groups: ['case-officer'], dueDate: null });
});
afterEach(() => h.close());

describe('user task search by process-instance variables', () => {
  it.each([
    ['a case with two instances', [{ name: 'caseId', value: '"case-a"' }], undefined, ['a1', 'a2']],
    [
      'a bare word taken as a string',
      [{ name: 'caseId', value: 'case-b' }],
      undefined,
      ['b1', 'b2'],
    ],
    ['a case and an instance key', [{ name: 'caseId', value: '"case-a"' }], 'a2', ['a2']],
    ['a case and another case’s instance', [{ name: 'caseId', value: '"case-a"' }], 'b1', []],
    ['an unknown case', [{ name: 'caseId', value: '"case-z"' }], undefined, []],
  ])('finds the tasks of %s', (_case, processInstanceVariables, instance, expected) => {
    // when
    const found = h.engine.search.userTasks({
      filter: {
        processInstanceVariables,
        ...(instance ? { processInstanceKey: instances[instance] } : {}),
      },
    });
    // then
    expect(namesOf(found.items).sort()).toEqual(expected);
  });
});

describe('user task search by candidates', () => {
  it('answers a group’s open tasks in due-date order (UTC instants, no due date first)', () => {
    // when
    const found = h.engine.search.userTasks({
      filter: { candidateGroup: 'case-officer', state: 'CREATED' },
      sort: [{ field: 'dueDate', order: 'ASC' }],
    });
    // then: a2 is due 11:00 UTC on the 1st, a1 on the 3rd; b2 has no due date
    expect(namesOf(found.items)).toEqual(['b2', 'a2', 'a1']);
    expect(found.page).toMatchObject({ totalItems: 3, hasMoreTotalItems: false });
  });

  it('answers the tasks of any of a person’s groups once each ($in)', () => {
    // when
    const found = h.engine.search.userTasks({
      filter: { candidateGroup: ['case:a', 'case:b', 'case-officer'] },
      sort: [{ field: 'dueDate', order: 'DESC' }],
    });
    // then (by instant, whatever the offsets)
    expect(namesOf(found.items)).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect(found.page.totalItems).toBe(4);
  });

  it('answers a candidate user’s tasks, and a group and a user together', () => {
    expect(
      namesOf(h.engine.search.userTasks({ filter: { candidateUser: 'officer-7' } }).items),
    ).toEqual(['b1']);
    expect(
      namesOf(
        h.engine.search.userTasks({
          filter: { candidateGroup: 'case:b', candidateUser: ['officer-7', 'officer-8'] },
        }).items,
      ),
    ).toEqual(['b1']);
  });

  it('follows a task’s state: a completed task leaves the group’s open tasks', async () => {
    // given
    const [task] = h.engine.search.userTasks({
      filter: { processInstanceKey: instances.a2 },
    }).items;
    // when
    await h.engine.completeUserTask({ userTaskKey: task!.userTaskKey, variables: {} });
    // then
    const open = h.engine.search.userTasks({
      filter: { candidateGroup: 'case-officer', state: 'CREATED' },
      sort: [{ field: 'dueDate' }],
    });
    const completed = h.engine.search.userTasks({
      filter: { candidateGroup: 'case:a', state: 'COMPLETED' },
    });
    expect(namesOf(open.items)).toEqual(['b2', 'a1']);
    expect(namesOf(completed.items)).toEqual(['a2']);
  });
});

describe('user task search by candidates, by creation date', () => {
  it('answers a group’s open tasks newest first, page by page', async () => {
    // given tasks created a minute apart
    await h.advance(60_000);
    await offer('later', { caseId: 'case-l', groups: ['case-officer'], dueDate: null });
    const query = {
      filter: { candidateGroup: 'case-officer', state: 'CREATED' as const },
      sort: [{ field: 'creationDate' as const, order: 'DESC' as const }],
    };
    // when
    const first = h.engine.search.userTasks({ ...query, page: { limit: 2 } });
    const next = h.engine.search.userTasks({
      ...query,
      page: { after: first.page.endCursor!, limit: 2 },
    });
    // then (the first three were created at the same instant: newest key first)
    expect(namesOf([...first.items, ...next.items])).toEqual(['later', 'b2', 'a2', 'a1']);
  });
});

describe('cursor paging', () => {
  it('pages forwards and backwards on the sort keys, and keeps its place when tasks arrive', async () => {
    // given a first page of one
    const query = {
      filter: { candidateGroup: 'case-officer', state: 'CREATED' as const },
      sort: [{ field: 'dueDate' as const }],
    };
    const first = h.engine.search.userTasks({ ...query, page: { limit: 1 } });
    // when a task due before every other one arrives, then the next pages are asked for
    await offer('early', {
      caseId: 'case-c',
      groups: ['case-officer'],
      dueDate: '2026-01-01T00:00:00Z',
    });
    const second = h.engine.search.userTasks({
      ...query,
      page: { after: first.page.endCursor!, limit: 1 },
    });
    const third = h.engine.search.userTasks({
      ...query,
      page: { after: second.page.endCursor!, limit: 5 },
    });
    const back = h.engine.search.userTasks({
      ...query,
      page: { before: third.page.startCursor!, limit: 5 },
    });
    // then no task is skipped or repeated after the cursor, and the page before it is in order
    expect(namesOf(first.items)).toEqual(['b2']);
    expect(namesOf(second.items)).toEqual(['early']);
    expect(namesOf(third.items)).toEqual(['a2', 'a1']);
    expect(namesOf(back.items)).toEqual(['b2', 'early']);
  });

  it('refuses a cursor issued for another sort order, naming the field', () => {
    // given
    const first = h.engine.search.userTasks({
      sort: [{ field: 'dueDate' }],
      page: { limit: 1 },
    });
    // when / then
    expect(() =>
      h.engine.search.userTasks({
        sort: [{ field: 'creationDate' }],
        page: { after: first.page.endCursor!, limit: 1 },
      }),
    ).toThrow(/page\.after.*sort order/);
    expect(() => h.engine.search.userTasks({ page: { after: 'bm90IGEgY3Vyc29y' } })).toThrow(
      /not a cursor this engine issued/,
    );
  });
});
