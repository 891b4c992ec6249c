import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchName } from './engine-queries.js';
import { openHarness, type Harness } from '../testing/engine-harness.js';

/**
 * The searches the portal and the operators use most must read an index, not the whole table:
 * checked on SQLite's own plan (`EXPLAIN QUERY PLAN`), which does not depend on the machine.
 */
const BIG_TABLES = [
  'user_tasks',
  'user_task_candidates',
  'process_instances',
  'element_instances',
  'variables',
  'incidents',
];

let h: Harness;
let instanceKey: string;
let groupCursor: string;

beforeAll(async () => {
  h = await openHarness();
  await h.deploy(new URL('./fixtures/offered-review.bpmn', import.meta.url));
  for (let i = 0; i < 20; i++) {
    const created = await h.engine.createProcessInstance({
      bpmnProcessId: 'offered-review',
      variables: {
        caseId: `case-${i}`,
        groups: ['case-officer', `case:${i}`],
        users: [],
        dueDate: `2026-03-${String(1 + i).padStart(2, '0')}T12:00:00Z`,
      },
    });
    instanceKey = created.processInstanceKey;
  }
  groupCursor = h.engine.search.userTasks({
    filter: { candidateGroup: 'case-officer', state: 'CREATED' },
    sort: [{ field: 'dueDate' }],
    page: { limit: 5 },
  }).page.endCursor!;
});
afterAll(() => h.close());

/** Steps that read a big table from end to end (a SCAN without a search key). */
function fullScans(steps: string[]): string[] {
  return steps.filter((step) =>
    BIG_TABLES.some((table) => new RegExp(`^SCAN ${table}\\b`).test(step)),
  );
}

describe('the hot searches read indexes', () => {
  const hot: [string, SearchName, () => Record<string, unknown>][] = [
    [
      'user tasks by the caseId of their process instance',
      'userTasks',
      () => ({ filter: { processInstanceVariables: [{ name: 'caseId', value: '"case-3"' }] } }),
    ],
    [
      'a group’s open tasks by due date',
      'userTasks',
      () => ({
        filter: { candidateGroup: 'case-officer', state: 'CREATED' },
        sort: [{ field: 'dueDate' }],
        page: { limit: 50 },
      }),
    ],
    [
      'the next page of a group’s open tasks, after a cursor',
      'userTasks',
      () => ({
        filter: { candidateGroup: 'case-officer', state: 'CREATED' },
        sort: [{ field: 'dueDate' }],
        page: { after: groupCursor, limit: 50 },
      }),
    ],
    [
      'the open tasks of any of a person’s groups',
      'userTasks',
      () => ({ filter: { candidateGroup: ['case:1', 'case:2'], state: 'CREATED' } }),
    ],
    ['a person’s assigned tasks', 'userTasks', () => ({ filter: { assignee: 'officer-7' } })],
    [
      'instances of a process in a state',
      'processInstances',
      () => ({ filter: { processDefinitionId: 'offered-review', state: 'ACTIVE' } }),
    ],
    [
      'active instances, newest first',
      'processInstances',
      () => ({ filter: { state: 'ACTIVE' }, sort: [{ field: 'startDate', order: 'DESC' }] }),
    ],
    [
      'incidents of a process',
      'incidents',
      () => ({ filter: { processDefinitionId: 'offered-review', state: 'ACTIVE' } }),
    ],
    [
      'element instances of an instance',
      'elementInstances',
      () => ({ filter: { processInstanceKey: instanceKey } }),
    ],
    [
      'variables by name and value',
      'variables',
      () => ({ filter: { name: 'caseId', value: '"case-3"' } }),
    ],
    [
      'variables of an instance',
      'variables',
      () => ({ filter: { processInstanceKey: instanceKey } }),
    ],
  ];

  it.each(hot)('%s', (_name, search, query) => {
    // when
    const plan = h.engine.search.explain(search, query());
    // then
    expect(fullScans(plan.page)).toEqual([]);
    expect(fullScans(plan.count)).toEqual([]);
  });

  it('answers a group’s open tasks in due-date order straight from the side table', () => {
    // when
    const plan = h.engine.search.explain('userTasks', {
      filter: { candidateGroup: 'case-officer', state: 'CREATED' },
      sort: [{ field: 'dueDate' }],
      page: { after: groupCursor, limit: 50 },
    });
    // then: a range of the side table's primary key, no sorting step, counted from it alone
    expect(plan.page[0]).toMatch(
      /^SEARCH user_task_candidates USING PRIMARY KEY \(candidate_kind=\? AND candidate=\? AND task_state=\? AND \(task_due_date,task_key\)>\(\?,\?\)\)/,
    );
    expect(plan.page.join('\n')).not.toMatch(/TEMP B-TREE/);
    expect(plan.count.join('\n')).not.toMatch(/user_tasks\b/);
  });

  it('answers a group’s open tasks newest first from the side table’s creation-date index', () => {
    // when
    const plan = h.engine.search.explain('userTasks', {
      filter: { candidateGroup: 'case-officer', state: 'CREATED' },
      sort: [{ field: 'creationDate', order: 'DESC' }],
      page: { limit: 50 },
    });
    // then
    expect(plan.page[0]).toMatch(
      /^SEARCH user_task_candidates USING (COVERING )?INDEX user_task_candidates_by_creation \(candidate_kind=\? AND candidate=\? AND task_state=\?\)/,
    );
    expect(plan.page.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('pages instances by key with a cursor as a range of the key', () => {
    // given
    const first = h.engine.search.processInstances({ page: { limit: 5 } });
    // when
    const plan = h.engine.search.explain('processInstances', {
      page: { after: first.page.endCursor!, limit: 5 },
    });
    // then
    expect(plan.page).toEqual([
      expect.stringMatching(/^SEARCH process_instances USING INTEGER PRIMARY KEY \(rowid>\?\)/),
    ]);
  });
});
