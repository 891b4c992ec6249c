/**
 * `npm run bench -- engine [instances]`: the embedded engine against bpmn-engine on the same
 * model (start -> one service task -> end), 10,000 instances each with an in-process worker.
 * Our side runs durable (SQLite file, WAL, synchronous=FULL as the engine ships); bpmn-engine
 * runs in memory. Each side parses the model once, before the timed part. Writes
 * bench/results/engine.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BpmnModdle } from 'bpmn-moddle';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { Engine } from '../engine/index.js';

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Bench" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="bench-one-task" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Work" />
    <bpmn:serviceTask id="Work"><bpmn:extensionElements><zeebe:taskDefinition type="bench-work" /></bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Work" targetRef="End" />
    <bpmn:endEvent id="End"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

/** Instances started but not yet completed, at most. */
const WINDOW = 500;

interface SideResult {
  instancesPerSecond: number;
  latencies: number[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function runOurs(instances: number): Promise<SideResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'engine-bench-'));
  const engine = await Engine.open({ file: path.join(dir, 'engine.sqlite') });
  try {
    engine.start();
    await engine.deployResources([{ name: 'bench.bpmn', content: MODEL }]);
    const startedAt = new Map<string, number>();
    const latencies: number[] = [];
    let completed = 0;
    let allDone!: () => void;
    const done = new Promise<void>((resolve) => (allDone = resolve));
    let started = 0;
    let inFlight = 0;
    const startMore = () => {
      while (started < instances && inFlight < WINDOW) {
        started++;
        inFlight++;
        const t0 = performance.now();
        void engine
          .createProcessInstance({ bpmnProcessId: 'bench-one-task', variables: { n: started } })
          .then((created) => {
            startedAt.set(created.processInstanceKey, t0);
          });
      }
    };
    engine.onRecords((records) => {
      for (const record of records) {
        if (
          record.valueType === 'PROCESS_INSTANCE' &&
          record.intent === 'ELEMENT_COMPLETED' &&
          record.value.bpmnElementType === 'PROCESS'
        ) {
          const t0 = startedAt.get(String(record.key));
          if (t0 !== undefined) latencies.push(performance.now() - t0);
          startedAt.delete(String(record.key));
          completed++;
          inFlight--;
        }
      }
      if (completed >= instances) allDone();
      else setImmediate(startMore);
    });
    // the in-process worker: activate what is there, complete it all, ask again when notified
    let working = false;
    let notified = false;
    const work = async () => {
      notified = true;
      if (working) return;
      working = true;
      try {
        for (;;) {
          notified = false;
          const jobs = await engine.activateJobs({
            type: 'bench-work',
            worker: 'bench',
            timeout: 60_000,
            maxJobsToActivate: 500,
          });
          if (jobs.length === 0 && !notified) break;
          await Promise.all(
            jobs.map((job) => engine.completeJob({ jobKey: job.key, variables: { done: true } })),
          );
        }
      } finally {
        working = false;
      }
    };
    const stopWorker = engine.onJobsAvailable(
      'bench-work',
      () => void work().catch(() => undefined),
    );
    const begin = performance.now();
    startMore();
    await done;
    const seconds = (performance.now() - begin) / 1000;
    stopWorker();
    while (working) await new Promise((resolve) => setImmediate(resolve));
    return { instancesPerSecond: instances / seconds, latencies };
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runBpmnEngine(instances: number, window: number): Promise<SideResult> {
  const moddleContext = await BpmnModdle().fromXML(MODEL);
  const pending: (() => void)[] = [];
  let scheduled = false;
  // a worker that picks up waiting service calls in batches, like ours
  const flush = () => {
    scheduled = false;
    for (const next of pending.splice(0)) next();
  };
  const extensions = {
    benchWorker(activity: { type: string; behaviour: Record<string, unknown> }) {
      if (activity.type !== 'bpmn:ServiceTask') return undefined;
      activity.behaviour.Service = function Service() {
        return {
          execute(_message: unknown, callback: (error: unknown, output?: unknown) => void) {
            pending.push(() => callback(null, { done: true }));
            if (!scheduled) {
              scheduled = true;
              setImmediate(flush);
            }
          },
        };
      };
      return undefined;
    },
  };
  const latencies: number[] = [];
  let started = 0;
  // bpmn-engine runs one instance per Engine; all of them share the model parsed once above
  const runOne = async () => {
    const t0 = performance.now();
    const engine = new BpmnEngine({ name: `bench-${started}`, moddleContext, extensions } as never);
    await new Promise<void>((resolve, reject) => {
      engine.once('end', () => resolve());
      engine.once('error', reject);
      void engine.execute({ variables: { n: started } });
    });
    latencies.push(performance.now() - t0);
  };
  const begin = performance.now();
  const lanes = Array.from({ length: window }, async () => {
    while (started < instances) {
      started++;
      await runOne();
    }
  });
  await Promise.all(lanes);
  const seconds = (performance.now() - begin) / 1000;
  return { instancesPerSecond: instances / seconds, latencies };
}

/** Runs both sides and writes bench/results/engine.json. */
export async function run(args: string[]): Promise<unknown> {
  const instances = Number(args[0] ?? 10_000);
  const ours = await runOurs(instances);
  // bpmn-engine's throughput hardly depends on concurrency (measured 1 to 500); 50 in flight
  const theirs = await runBpmnEngine(instances, 50);
  const sorted = [...ours.latencies].sort((a, b) => a - b);
  const result = {
    instancesPerSecond: Math.round(ours.instancesPerSecond),
    bpmnEngineInstancesPerSecond: Math.round(theirs.instancesPerSecond),
    ratio: Number((ours.instancesPerSecond / theirs.instancesPerSecond).toFixed(2)),
    p50Ms: Number(percentile(sorted, 50).toFixed(1)),
    p99Ms: Number(percentile(sorted, 99).toFixed(1)),
  };
  console.log(
    `engine benchmark: ${instances} instances of start -> service task -> end, in-process worker`,
  );
  console.table({
    'embedded engine (SQLite file, WAL, synchronous=FULL)': {
      'instances/s': result.instancesPerSecond,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
    },
    'bpmn-engine (in memory)': { 'instances/s': result.bpmnEngineInstancesPerSecond },
  });
  console.log(`ratio: ${result.ratio}x`);
  const out = new URL('./results/', import.meta.url);
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL('engine.json', out), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
