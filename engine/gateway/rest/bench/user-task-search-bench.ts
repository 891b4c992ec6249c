/**
 * Measures the REST searches the portal relies on over many user tasks (not a test: timings
 * are printed, never asserted).
 *
 *   npx tsx engine/gateway/rest/bench/user-task-search-bench.ts [instances=20000]
 *
 * Creates the instances through the engine's in-process API (one open user task each), then
 * asks each search 30 times over HTTP and prints the median and the worst answer time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Engine } from '../../../index.js';
import { startRestApi } from '../index.js';

const count = Number(process.argv[2] ?? 20_000);
const dir = mkdtempSync(path.join(tmpdir(), 'engine-rest-bench-'));
const engine = await Engine.open({ file: path.join(dir, 'engine.sqlite') });
engine.start();
const xml = readFileSync(new URL('../fixtures/review-application.bpmn', import.meta.url), 'utf8');
await engine.deployResources([{ name: 'review-application.bpmn', content: xml }]);

const started = performance.now();
const BATCH = 500;
for (let from = 0; from < count; from += BATCH) {
  await Promise.all(
    Array.from({ length: Math.min(BATCH, count - from) }, (_, i) =>
      engine.createProcessInstance({
        bpmnProcessId: 'review-application',
        variables: {
          caseId: `case-${from + i}`,
          dueDate: new Date(Date.UTC(2026, 0, 1) + ((from + i) % 365) * 86_400_000).toISOString(),
        },
      }),
    ),
  );
}
const createSeconds = (performance.now() - started) / 1000;
const sample = engine.search.userTasks({ page: { from: Math.floor(count / 2), limit: 1 } })
  .items[0]!;
await engine.assignUserTask({ userTaskKey: sample.userTaskKey, assignee: 'officer-7' });

const api = await startRestApi({ engine, port: 0 });
const searches: [string, string, unknown][] = [
  [
    'user task by caseId variable',
    '/v2/user-tasks/search',
    {
      filter: {
        processInstanceVariables: [{ name: 'caseId', value: `"case-${Math.floor(count / 2)}"` }],
      },
    },
  ],
  ['user tasks by assignee', '/v2/user-tasks/search', { filter: { assignee: 'officer-7' } }],
  [
    'user tasks by process instance',
    '/v2/user-tasks/search',
    { filter: { processInstanceKey: sample.processInstanceKey } },
  ],
  [
    'open tasks of a group, by due date, page 50',
    '/v2/user-tasks/search',
    {
      filter: { candidateGroup: 'case-officer', state: 'CREATED' },
      sort: [{ field: 'dueDate' }],
      page: { limit: 50 },
    },
  ],
  [
    'open tasks, page 50 at offset 10,000',
    '/v2/user-tasks/search',
    { filter: { state: 'CREATED' }, page: { from: Math.min(10_000, count - 50), limit: 50 } },
  ],
  [
    'variables by name and value (caseId)',
    '/v2/variables/search',
    { filter: { name: 'caseId', value: `"case-${Math.floor(count / 2)}"` } },
  ],
  [
    'element instances of an instance',
    '/v2/element-instances/search',
    { filter: { processInstanceKey: sample.processInstanceKey } },
  ],
  [
    'variables of an instance by name',
    '/v2/variables/search',
    { filter: { processInstanceKey: sample.processInstanceKey, name: 'caseId' } },
  ],
  [
    'active instances by start date, page 50',
    '/v2/process-instances/search',
    {
      filter: { state: 'ACTIVE' },
      sort: [{ field: 'startDate', order: 'DESC' }],
      page: { limit: 50 },
    },
  ],
];

const rows: { search: string; medianMs: number; maxMs: number; totalItems: number }[] = [];
for (const [name, url, body] of searches) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const response = await fetch(`${api.url}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { page: { totalItems: number } };
    times.push(performance.now() - t);
    total = json.page.totalItems;
  }
  times.sort((a, b) => a - b);
  rows.push({
    search: name,
    medianMs: round(times[15]!),
    maxMs: round(times[29]!),
    totalItems: total,
  });
}
console.log(
  `${count} instances with one user task each, created in ${createSeconds.toFixed(1)} s (${Math.round(count / createSeconds)}/s)`,
);
console.table(rows);
await api.close();
await engine.close();
rmSync(dir, { recursive: true, force: true });

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
