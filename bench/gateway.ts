/**
 * `npm run bench -- gateway [--rate 100] [--seconds 30] [--max-seconds 15] [--window 64]`:
 * the Zeebe gateway over loopback, with the engine's shipped durability (SQLite file, WAL,
 * synchronous=FULL). A starter and an `@camunda8/sdk` worker run in processes of their own
 * (bench/gateway/bench-client.ts) against a one-service-task process:
 * 1. at a fixed rate (100 instances/s for 30 s) with a polling worker, then with a streaming
 *    worker: p50/p99 from start to completion (create-with-result) and the p99 of job
 *    activation (start request -> job at the worker);
 * 2. as fast as it goes: instances started with `window` requests in flight, completed by a
 *    streaming worker; instances/s from the first start to the last completion.
 * Writes bench/results/gateway.json.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedEngine, type EmbeddedEngine } from '../engine/gateway/index.js';

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="BenchGateway" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="bench-one-task" isExecutable="true">
    <bpmn:startEvent id="StartEvent_Bench"><bpmn:outgoing>Flow_ToWork</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_ToWork" sourceRef="StartEvent_Bench" targetRef="ServiceTask_Work" />
    <bpmn:serviceTask id="ServiceTask_Work"><bpmn:extensionElements><zeebe:taskDefinition type="bench-work" /></bpmn:extensionElements>
      <bpmn:incoming>Flow_ToWork</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="ServiceTask_Work" targetRef="EndEvent_Bench" />
    <bpmn:endEvent id="EndEvent_Bench"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

const CLIENT = fileURLToPath(new URL('./gateway/bench-client.ts', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));

/** What bench/results/gateway.json holds. */
export interface GatewayBenchResult {
  maxInstancesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  activationP99MsPolling: number;
  activationP99MsStreaming: number;
  p50MsStreaming: number;
  p99MsStreaming: number;
  rate: number;
  seconds: number;
  durability: string;
  machine: string;
}

function option(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Starts bench-client.ts with a role; tsx loads it, as `now` does. */
function client(args: (string | number)[]): ChildProcess {
  return fork(CLIENT, args.map(String), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The first message of a child that has `field`. */
function report<T>(child: ChildProcess, field: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (!(field in message)) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) =>
      reject(new Error(`bench client exited with ${code} before reporting ${field}`)),
    );
  });
}

function completedInstances(running: EmbeddedEngine): number {
  return running.engine.search.processInstances({
    filter: { state: 'COMPLETED' },
    page: { limit: 1 },
  }).page.totalItems;
}

async function fixedRatePhase(
  port: number,
  mode: 'polling' | 'streaming',
  rate: number,
  seconds: number,
) {
  const worker = client(['worker', port, mode]);
  await report(worker, 'ready');
  const starter = client(['starter', port, 'fixed', rate, seconds]);
  const { latencies } = await report<{ latencies: number[] }>(starter, 'latencies');
  worker.send('stop');
  const { activation } = await report<{ activation: number[] }>(worker, 'activation');
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    activationP99: percentile(activation, 99),
    instances: latencies.length,
  };
}

async function maxPhase(running: EmbeddedEngine, port: number, seconds: number, window: number) {
  const before = completedInstances(running);
  const worker = client(['worker', port, 'streaming']);
  await report(worker, 'ready');
  const starter = client(['starter', port, 'max', seconds, window]);
  const { started, began } = await report<{ started: number; began: number }>(starter, 'started');
  // Polling the engine's state is fine here: this is a benchmark, not a test.
  while (completedInstances(running) - before < started)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const ended = Date.now();
  worker.send('stop');
  await report(worker, 'activation');
  return { started, instancesPerSecond: Math.round(started / ((ended - began) / 1000)) };
}

/** Runs the benchmark, prints a table and writes bench/results/gateway.json. */
export async function run(args: string[]): Promise<GatewayBenchResult> {
  const rate = option(args, 'rate', 100);
  const seconds = option(args, 'seconds', 30);
  const maxSeconds = option(args, 'max-seconds', 15);
  const window = option(args, 'window', 64);
  const dir = mkdtempSync(path.join(tmpdir(), 'gateway-bench-'));
  const running = await startEmbeddedEngine({
    file: path.join(dir, 'engine.sqlite'),
    port: 0,
    managementPort: 0,
  });
  try {
    await running.engine.deployResources([{ name: 'bench-one-task.bpmn', content: MODEL }]);
    const port = Number(new URL(running.grpcAddress).port);
    console.log(
      `gateway bench: ${rate} instances/s for ${seconds} s per worker mode, then ${maxSeconds} s as fast as it goes`,
    );
    const polling = await fixedRatePhase(port, 'polling', rate, seconds);
    const streaming = await fixedRatePhase(port, 'streaming', rate, seconds);
    const max = await maxPhase(running, port, maxSeconds, window);
    const result: GatewayBenchResult = {
      maxInstancesPerSecond: max.instancesPerSecond,
      p50Ms: polling.p50,
      p99Ms: polling.p99,
      activationP99MsPolling: polling.activationP99,
      activationP99MsStreaming: streaming.activationP99,
      p50MsStreaming: streaming.p50,
      p99MsStreaming: streaming.p99,
      rate,
      seconds,
      durability: 'SQLite WAL, synchronous=FULL (as shipped)',
      machine: `${(await import('node:os')).cpus().length} cores, Node ${process.version}`,
    };
    console.table({
      [`polling worker, ${rate}/s`]: {
        p50Ms: polling.p50,
        p99Ms: polling.p99,
        activationP99Ms: polling.activationP99,
        instances: polling.instances,
      },
      [`streaming worker, ${rate}/s`]: {
        p50Ms: streaming.p50,
        p99Ms: streaming.p99,
        activationP99Ms: streaming.activationP99,
        instances: streaming.instances,
      },
      [`as fast as it goes (${window} in flight)`]: {
        instancesPerSecond: max.instancesPerSecond,
        instances: max.started,
      },
    });
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'gateway.json'), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
