import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ControlledClock, Engine } from '../index.js';
import { harnessOf, type Harness } from '../testing/engine-harness.js';

/**
 * What the previous version's schema did not have: the candidates side table with its triggers
 * and indexes, the search-schema mark, and the indexes appended to the table specs since.
 */
const ADDED_SINCE_PREVIOUS_VERSION = [
  'DROP TRIGGER user_task_candidates_on_insert',
  'DROP TRIGGER user_task_candidates_on_update',
  'DROP TRIGGER user_task_candidates_on_delete',
  'DROP TABLE user_task_candidates',
  "DELETE FROM engine_meta WHERE name = 'search_schema'",
  'DROP INDEX process_instances_ix3',
  'DROP INDEX process_instances_ix4',
  'DROP INDEX element_instances_ix3',
  'DROP INDEX variables_ix2',
  'DROP INDEX incidents_ix3',
  'DROP INDEX incidents_ix4',
  'DROP INDEX user_tasks_ix4',
  'DROP INDEX user_tasks_ix5',
  'DROP INDEX user_tasks_ix6',
  'DROP INDEX incidents_ix5',
];

let dir: string;
let file: string;
let h: Harness;
const clock = new ControlledClock(Date.UTC(2026, 0, 1, 8, 0, 0));

async function open(): Promise<Harness> {
  const engine = await Engine.open({ file, clock, durability: 'normal' });
  engine.start();
  return harnessOf(engine, clock);
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'engine-upgrade-'));
  file = path.join(dir, 'engine.sqlite');
});
afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a state file written by the previous version', () => {
  it('opens with its tasks in the new indexes and resumes where it stopped', async () => {
    // given a state with open tasks, written and closed, then taken back to the previous schema
    h = await open();
    await h.deploy(new URL('../queries/fixtures/offered-review.bpmn', import.meta.url));
    const keys: string[] = [];
    for (const [caseId, dueDate] of [
      ['case-a', '2026-03-02T12:00:00Z'],
      ['case-b', '2026-03-01T12:00:00Z'],
    ]) {
      const created = await h.engine.createProcessInstance({
        bpmnProcessId: 'offered-review',
        variables: { caseId, groups: ['case-officer', `case:${caseId}`], users: [], dueDate },
      });
      keys.push(created.processInstanceKey);
    }
    await h.close();
    const old = new Database(file);
    for (const statement of ADDED_SINCE_PREVIOUS_VERSION) old.exec(statement);
    const objects = old
      .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'user_task_candidates%'")
      .all();
    old.close();
    expect(objects).toEqual([]);

    // when it is opened by this version
    h = await open();

    // then the open tasks are found through the new side table, in due-date order
    const openTasks = () =>
      h.engine.search
        .userTasks({
          filter: { candidateGroup: 'case-officer', state: 'CREATED' },
          sort: [{ field: 'dueDate' }],
        })
        .items.map((task) => task.processInstanceKey);
    expect(openTasks()).toEqual([keys[1], keys[0]]);
    expect(
      h.engine.search.explain('variables', { filter: { name: 'caseId', value: '"case-a"' } }).page,
    ).toContainEqual(expect.stringMatching(/USING INDEX variables_ix2 \(name=\? AND value=\?\)/));

    // and the engine resumes: a completed task leaves the group's open tasks, a new one joins
    const [task] = h.engine.search.userTasks({ filter: { processInstanceKey: keys[1] } }).items;
    await h.engine.completeUserTask({ userTaskKey: task!.userTaskKey, variables: {} });
    const created = await h.engine.createProcessInstance({
      bpmnProcessId: 'offered-review',
      variables: {
        caseId: 'case-c',
        groups: ['case-officer'],
        users: [],
        dueDate: '2026-02-01T12:00:00Z',
      },
    });
    expect(h.instanceState(keys[1]!)).toBe('COMPLETED');
    expect(openTasks()).toEqual([created.processInstanceKey, keys[0]]);
  });

  it('is backfilled once: a second open finds the side table as the first left it', async () => {
    // given
    h = await open();
    await h.deploy(new URL('../queries/fixtures/offered-review.bpmn', import.meta.url));
    await h.engine.createProcessInstance({
      bpmnProcessId: 'offered-review',
      variables: {
        caseId: 'case-a',
        groups: ['case-officer'],
        users: ['officer-7'],
        dueDate: null,
      },
    });
    await h.close();
    // when
    h = await open();
    await h.close();
    h = await open();
    // then
    const count = (filter: Record<string, unknown>) =>
      h.engine.search.userTasks({ filter }).page.totalItems;
    expect(count({ candidateGroup: 'case-officer' })).toBe(1);
    expect(count({ candidateUser: 'officer-7' })).toBe(1);
  });
});
