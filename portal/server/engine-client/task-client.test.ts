/**
 * The task client's search on the real embedded engine (a `now engine` child process reached
 * through `@camunda8/sdk`): all of a person's groups in one search, sorted and paged by the engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineProcess, type EngineProcess } from '../testing/engine-process.js';
import { createSdkTaskClient, type TaskClient } from './task-client.js';

describe('task client search', () => {
  let engine: EngineProcess;
  let tasks: TaskClient;
  beforeAll(async () => {
    engine = await startEngineProcess();
    tasks = createSdkTaskClient(engine.sdk);
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });

  it('pages the open tasks of several groups as one list, a task of two groups once', async () => {
    // given tasks of group x, of group y, of both, and of a group the person is not in
    const onlyX = await engine.openTask({ groups: ['paging:x'] });
    const onlyY = await engine.openTask({ groups: ['paging:y'] });
    const both = await engine.openTask({ groups: ['paging:x', 'paging:y'] });
    await engine.openTask({ groups: ['paging:z'] });
    const filter = { candidateGroups: ['paging:x', 'paging:y'], state: 'CREATED' as const };
    const sort = { field: 'creationDate' as const, order: 'ASC' as const };
    // when the person pages through them two at a time
    const first = await tasks.search(filter, { from: 0, limit: 2, sort });
    const second = await tasks.search(filter, { from: 2, limit: 2, sort });
    // then every task of their groups appears once, in order, and the total counts each once
    expect(first.items.map((t) => t.key)).toEqual([onlyX.key, onlyY.key]);
    expect(second.items.map((t) => t.key)).toEqual([both.key]);
    expect([first.total, second.total]).toEqual([3, 3]);
  });

  it('sorts the newest first when asked', async () => {
    // given
    const older = await engine.openTask({ groups: ['newest:a'] });
    const newer = await engine.openTask({ groups: ['newest:b'] });
    // when
    const found = await tasks.search(
      { candidateGroups: ['newest:a', 'newest:b'] },
      { from: 0, limit: 10, sort: { field: 'creationDate', order: 'DESC' } },
    );
    // then
    expect(found.items.map((t) => t.key)).toEqual([newer.key, older.key]);
  });
});
