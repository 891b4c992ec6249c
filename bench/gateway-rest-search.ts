/**
 * `npm run bench -- gateway-rest-search [-- --instances 100000 --repeat 50]`: the engine's
 * REST searches (Camunda 8.8 `/v2/.../search`) over a large state, over HTTP on loopback.
 *
 * The state is written straight through the store, as the engine would have left it: a few
 * template instances are run by the engine (a reviewed application with an open user task, and
 * a routing that stopped on an incident), then their rows are copied with fresh keys and varied
 * values (case ids, candidate groups, due dates and offsets, states) in large transactions. The
 * records (the log) of the copies are not written: no search reads them. The engine then opens
 * the file as it would after a restart, and every search is asked `repeat` times; the table
 * gives the median and the 95th percentile of the answer time and the items matched.
 * Writes bench/results/gateway-rest-search.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Engine } from '../engine/index.js';
import { startRestApi } from '../engine/gateway/rest/index.js';
import { TABLES } from '../engine/state/schema.js';
import { MappedTable, type TableSpec } from '../engine/state/table-spec.js';

const REVIEW = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="BenchReview" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="bench-review" isExecutable="true">
    <bpmn:startEvent id="ApplicationReceived"><bpmn:outgoing>Flow_ToReview</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_ToReview" sourceRef="ApplicationReceived" targetRef="ReviewApplication" />
    <bpmn:userTask id="ReviewApplication" name="Review application">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:assignmentDefinition candidateGroups="=groups" />
        <zeebe:taskSchedule dueDate="=dueDate" />
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_ToReview</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="ReviewApplication" targetRef="ApplicationReviewed" />
    <bpmn:endEvent id="ApplicationReviewed"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

const ROUTE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="BenchRoute" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="bench-route" isExecutable="true">
    <bpmn:startEvent id="GrantRequested"><bpmn:outgoing>Flow_ToRoute</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_ToRoute" sourceRef="GrantRequested" targetRef="RouteByAmount" />
    <bpmn:exclusiveGateway id="RouteByAmount"><bpmn:incoming>Flow_ToRoute</bpmn:incoming><bpmn:outgoing>Flow_Large</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:sequenceFlow id="Flow_Large" sourceRef="RouteByAmount" targetRef="LargeGrant">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=amount &gt; 10</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:endEvent id="LargeGrant"><bpmn:incoming>Flow_Large</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const DAY = 86_400_000;
/** Share of instances that stop on an incident (the rest are reviews). */
const INCIDENT_SHARE = 0.1;
/** Share of reviews whose task is completed. */
const COMPLETED_SHARE = 0.3;
const OFFSETS = ['Z', '+01:00', '+02:00', '-05:00'];

/** What bench/results/gateway-rest-search.json holds. */
export interface RestSearchBenchResult {
  instances: number;
  writeSeconds: number;
  openSeconds: number;
  searches: { search: string; medianMs: number; p95Ms: number; totalItems: number }[];
  machine: string;
  loadAverage: number[];
}

function option(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

type Row = Record<string, unknown>;

/** The rows one instance left in the search tables, read back as templates. */
function templateOf(db: Database.Database, processInstanceKey: string): Map<TableSpec, Row[]> {
  const specs = [
    TABLES.processInstances,
    TABLES.elementInstances,
    TABLES.variables,
    TABLES.userTasks,
    TABLES.incidents,
  ];
  const rows = new Map<TableSpec, Row[]>();
  for (const spec of specs) {
    const table = new MappedTable<Row>(db, spec);
    const column = spec === TABLES.processInstances ? 'key' : 'process_instance_key';
    rows.set(
      spec,
      table.all(
        db.prepare(`SELECT * FROM ${spec.name} WHERE ${column} = ?`),
        Number(processInstanceKey),
      ),
    );
  }
  return rows;
}

/** The keys of a template's rows (every row of these tables has its own `key`). */
function keysOf(template: Map<TableSpec, Row[]>): number[] {
  const keys = new Set<number>();
  for (const rows of template.values()) for (const row of rows) keys.add(row.key as number);
  return [...keys].sort((a, b) => a - b);
}

/**
 * Copies a template with fresh keys: every field holding one of the template's keys gets the
 * copy's key for it, so the copy's rows point at each other as the original's did.
 */
function copyOf(
  template: Map<TableSpec, Row[]>,
  templateKeys: number[],
  firstKey: number,
  vary: (spec: TableSpec, row: Row) => Row,
): [TableSpec, Row][] {
  const mapped = new Map(templateKeys.map((key, i) => [key, firstKey + i]));
  const copy: [TableSpec, Row][] = [];
  for (const [spec, rows] of template)
    for (const row of rows) {
      const fresh: Row = {};
      for (const [field, value] of Object.entries(row))
        fresh[field] = typeof value === 'number' && mapped.has(value) ? mapped.get(value) : value;
      copy.push([spec, vary(spec, fresh)]);
    }
  return copy;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Builds the state, asks the searches, prints the table and writes the JSON. */
export async function run(args: string[]): Promise<RestSearchBenchResult> {
  const instances = option(args, 'instances', 100_000);
  const repeat = option(args, 'repeat', 50);
  const dir = mkdtempSync(path.join(tmpdir(), 'rest-search-bench-'));
  const file = path.join(dir, 'engine.sqlite');
  try {
    // the templates, run by the engine
    const engine = await Engine.open({ file, durability: 'normal' });
    engine.start();
    await engine.deployResources([
      { name: 'bench-review.bpmn', content: REVIEW },
      { name: 'bench-route.bpmn', content: ROUTE },
    ]);
    const review = await engine.createProcessInstance({
      bpmnProcessId: 'bench-review',
      variables: { caseId: 'case-template', groups: ['case-officer'], dueDate: null },
    });
    const route = await engine.createProcessInstance({
      bpmnProcessId: 'bench-route',
      variables: { caseId: 'case-template', amount: 0 },
    });
    await engine.close();

    // the copies, written straight through the store
    const writeStarted = performance.now();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const reviewTemplate = templateOf(db, review.processInstanceKey);
    const routeTemplate = templateOf(db, route.processInstanceKey);
    const reviewKeys = keysOf(reviewTemplate);
    const routeKeys = keysOf(routeTemplate);
    const tables = new Map<TableSpec, MappedTable<Row>>();
    for (const spec of reviewTemplate.keys()) tables.set(spec, new MappedTable<Row>(db, spec));
    let nextKey = (
      db.prepare("SELECT value FROM counters WHERE name = 'key'").get() as {
        value: number;
      }
    ).value;
    const start = Date.UTC(2026, 0, 1);
    const write = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const caseId = JSON.stringify(`case-${i}`);
        const started = start + (i % 300) * DAY + i;
        const onIncident = i % Math.round(1 / INCIDENT_SHARE) === 0;
        const completed = !onIncident && i % 10 < COMPLETED_SHARE * 10;
        const due = new Date(start + 30 * DAY + (i % 365) * DAY + (i % 1440) * 60_000);
        const offset = OFFSETS[i % OFFSETS.length]!;
        const dueDate = `${due.toISOString().slice(0, 19)}${offset}`;
        const groups = ['case-officer', `case:${i}`, ...(i % 7 === 0 ? ['analyst'] : [])];
        const template = onIncident ? routeTemplate : reviewTemplate;
        const keys = onIncident ? routeKeys : reviewKeys;
        const rows = copyOf(template, keys, nextKey, (spec, row) => {
          if (spec === TABLES.processInstances)
            return {
              ...row,
              startDate: started,
              ...(completed ? { state: 'COMPLETED', endDate: started + DAY } : {}),
            };
          if (spec === TABLES.elementInstances) return { ...row, startDate: started };
          if (spec === TABLES.variables) {
            if (row.name === 'caseId') return { ...row, value: caseId };
            if (row.name === 'dueDate') return { ...row, value: JSON.stringify(dueDate) };
            if (row.name === 'groups') return { ...row, value: JSON.stringify(groups) };
            return row;
          }
          if (spec === TABLES.userTasks)
            return {
              ...row,
              candidateGroups: groups,
              dueDate,
              creationDate: started,
              ...(completed ? { state: 'COMPLETED', completionDate: started + DAY } : {}),
            };
          if (spec === TABLES.incidents) return { ...row, creationTime: started };
          return row;
        });
        nextKey += keys.length;
        for (const [spec, row] of rows) tables.get(spec)!.put(row);
      }
      db.prepare("UPDATE counters SET value = ? WHERE name = 'key'").run(nextKey);
    });
    const BATCH = 10_000;
    for (let from = 0; from < instances; from += BATCH)
      write(from, Math.min(instances, from + BATCH));
    db.close();
    const writeSeconds = (performance.now() - writeStarted) / 1000;

    // the engine opens the file as after a restart, and the searches are asked over HTTP
    const openStarted = performance.now();
    const reopened = await Engine.open({ file, durability: 'normal' });
    const openSeconds = (performance.now() - openStarted) / 1000;
    reopened.start();
    const api = await startRestApi({ engine: reopened, port: 0 });
    try {
      const post = async (url: string, body: unknown) => {
        const response = await fetch(`${api.url}${url}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
        return (await response.json()) as {
          items: Record<string, string>[];
          page: { totalItems: number; endCursor?: string };
        };
      };
      const middle = Math.floor(instances / 2) + 1; // not on an incident
      const sample = (
        await post('/v2/process-instances/search', {
          filter: { processDefinitionId: 'bench-review' },
          page: { from: Math.floor(instances / 4), limit: 1 },
        })
      ).items[0]!;
      const groupQuery = {
        filter: { candidateGroup: 'case-officer', state: 'CREATED' },
        sort: [{ field: 'dueDate', order: 'ASC' }],
      };
      // the cursor of page 199, walked to once (page 200 is what is timed)
      let cursor: string | undefined;
      for (let page = 1; page < 200; page++) {
        const answer = await post('/v2/user-tasks/search', {
          ...groupQuery,
          page: { limit: 50, ...(cursor ? { after: cursor } : {}) },
        });
        cursor = answer.page.endCursor;
      }
      const searches: [string, string, unknown][] = [
        [
          'tasks by caseId (process-instance variable)',
          '/v2/user-tasks/search',
          {
            filter: { processInstanceVariables: [{ name: 'caseId', value: `"case-${middle}"` }] },
          },
        ],
        [
          "a group's open tasks by due date, first 50",
          '/v2/user-tasks/search',
          {
            ...groupQuery,
            page: { limit: 50 },
          },
        ],
        [
          "a group's open tasks newest first, first 50",
          '/v2/user-tasks/search',
          { ...groupQuery, sort: [{ field: 'creationDate', order: 'DESC' }], page: { limit: 50 } },
        ],
        [
          "page 200 of a group's open tasks, by cursor",
          '/v2/user-tasks/search',
          { ...groupQuery, page: { after: cursor, limit: 50 } },
        ],
        [
          "open tasks of a person's three groups ($in)",
          '/v2/user-tasks/search',
          {
            filter: {
              candidateGroup: {
                $in: [`case:${middle}`, `case:${middle + 2}`, `case:${middle + 4}`],
              },
              state: 'CREATED',
            },
            sort: [{ field: 'dueDate', order: 'ASC' }],
          },
        ],
        [
          'instances by process id and state, first 50',
          '/v2/process-instances/search',
          { filter: { processDefinitionId: 'bench-review', state: 'ACTIVE' }, page: { limit: 50 } },
        ],
        [
          'active incidents of a process, first 50',
          '/v2/incidents/search',
          { filter: { processDefinitionId: 'bench-route', state: 'ACTIVE' }, page: { limit: 50 } },
        ],
        [
          'element instances of an instance',
          '/v2/element-instances/search',
          { filter: { processInstanceKey: sample.processInstanceKey } },
        ],
        [
          'variables by name and value (caseId)',
          '/v2/variables/search',
          { filter: { name: 'caseId', value: `"case-${middle}"` } },
        ],
      ];
      const results: RestSearchBenchResult['searches'] = [];
      for (const [search, url, body] of searches) {
        const times: number[] = [];
        let totalItems = 0;
        for (let i = 0; i < repeat; i++) {
          const t0 = performance.now();
          const answer = await post(url, body);
          times.push(performance.now() - t0);
          totalItems = answer.page.totalItems;
        }
        times.sort((a, b) => a - b);
        results.push({
          search,
          medianMs: round(percentile(times, 50)),
          p95Ms: round(percentile(times, 95)),
          totalItems,
        });
      }
      const result: RestSearchBenchResult = {
        instances,
        writeSeconds: round(writeSeconds),
        openSeconds: round(openSeconds),
        searches: results,
        machine: `${cpus().length} cores, Node ${process.version}`,
        loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
      };
      console.log(
        `${instances} instances (${Math.round(instances * INCIDENT_SHARE)} on an incident), written in ${result.writeSeconds} s, engine opened in ${result.openSeconds} s; load average ${result.loadAverage.join(' ')}`,
      );
      console.table(results);
      mkdirSync(RESULTS, { recursive: true });
      writeFileSync(
        path.join(RESULTS, 'gateway-rest-search.json'),
        `${JSON.stringify(result, null, 2)}\n`,
      );
      return result;
    } finally {
      await api.close();
      await reopened.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
