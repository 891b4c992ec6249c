/**
 * The crash suite: the embedded engine as a child process (`now engine`) under steady load,
 * killed with SIGKILL at random moments and started again on the same ports and file.
 *
 * Load: starters create instances of a three-step process at about 50 per second through
 * `@camunda8/sdk`; three SDK job workers (one per step) record each step's side effect in a
 * ledger, idempotently by (instance, step), and complete the job. Neither starters nor workers
 * are told about the kills: the workers must reconnect by themselves, and so must the portal's
 * engine clients (gRPC and REST), created before the first kill and used after the last.
 *
 * At the end every instance whose creation the engine acknowledged has completed, exactly once;
 * every step's effect is in the ledger exactly once (re-deliveries after a kill are counted and
 * absorbed by the idempotency); and no completion the engine acknowledged was lost (it would
 * have been delivered and acknowledged a second time). The figures go to
 * `var/reliability/engine-crash.json` and `docs/reliability.md`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSdkEngineClient } from '../../portal/server/engine-client/engine-client.js';
import { createSdkTaskClient } from '../../portal/server/engine-client/task-client.js';
import { sdkClientFor } from '../support/embedded-engine.js';
import { EngineProcess } from './support/engine-process.js';
import { SideEffectLedger } from './support/side-effect-ledger.js';

const PROCESS_ID = 'crash-three-steps';
const STEPS = ['crash-step-1', 'crash-step-2', 'crash-step-3'] as const;
const KILLS = 10;
const INSTANCES_PER_SECOND = 50;
/** How long a job stays with a worker that went silent (the engine re-delivers it after this). */
const JOB_TIMEOUT_MS = 4_000;

const threeSteps = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_Crash" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${PROCESS_ID}" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
    ${STEPS.map(
      (type, i) => `<bpmn:serviceTask id="Task_Step${i + 1}">
      <bpmn:extensionElements><zeebe:taskDefinition type="${type}" retries="50" /></bpmn:extensionElements>
      <bpmn:incoming>F${i}</bpmn:incoming><bpmn:outgoing>F${i + 1}</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="F${i}" sourceRef="${i === 0 ? 'Start' : `Task_Step${i}`}" targetRef="Task_Step${i + 1}" />`,
    ).join('\n    ')}
    <bpmn:endEvent id="End"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F3" sourceRef="Task_Step3" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

/** A page of a REST v2 search. */
interface SearchPage {
  items: Record<string, unknown>[];
  page: { totalItems: number };
}

let dir: string;
let engine: EngineProcess;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'now-crash-'));
  engine = await EngineProcess.start(path.join(dir, 'engine.sqlite'));
});
afterAll(async () => {
  await engine?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** POSTs a REST v2 search to the engine. */
async function search(resource: string, filter: object, from = 0): Promise<SearchPage> {
  const response = await fetch(`${engine.restAddress}/v2/${resource}/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ filter, page: { from, limit: 1000 } }),
  });
  if (response.status !== 200) throw new Error(`${resource} search: ${response.status}`);
  return (await response.json()) as SearchPage;
}

/** Every item of a search, page by page. */
async function searchAll(resource: string, filter: object): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (;;) {
    const page = await search(resource, filter, items.length);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.page.totalItems) return items;
  }
}

describe('the engine killed with SIGKILL under load', () => {
  it(
    `loses and duplicates nothing over ${KILLS} kills, and the workers reconnect by themselves`,
    { timeout: 240_000 },
    async () => {
      const startedAt = Date.now();
      // given the model, a ledger, and SDK workers configured as users configure them
      const control = sdkClientFor(engine.grpcAddress);
      await control.deployResource({
        name: `${PROCESS_ID}.bpmn`,
        process: Buffer.from(threeSteps),
      });
      const ledger = new SideEffectLedger();
      const workerClient = new Camunda8({
        ZEEBE_GRPC_ADDRESS: engine.grpcAddress,
        CAMUNDA_AUTH_STRATEGY: 'NONE',
        CAMUNDA_LOG_LEVEL: 'none',
        zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
      }).getZeebeGrpcApiClient();
      // completions go through a client without the SDK's own retries, so the ledger counts
      // exactly the completions the engine acknowledged
      const completer = sdkClientFor(engine.grpcAddress);
      const workers = STEPS.map((step) =>
        workerClient.createWorker({
          taskType: step,
          timeout: JOB_TIMEOUT_MS,
          maxJobsToActivate: 32,
          pollInterval: 100,
          fetchVariable: [],
          taskHandler: async (job) => {
            ledger.perform(job.processInstanceKey, step);
            try {
              await completer.completeJob({ jobKey: job.key, variables: {} });
              ledger.acknowledge(job.processInstanceKey, step);
            } catch {
              // the engine is down or the job was timed out: it will be delivered again
            }
            return job.forward();
          },
        }),
      );

      // and starters at a steady rate; an instance counts once the engine acknowledged it
      const acknowledged = new Set<string>();
      let refusedWhileDown = 0;
      let refusedWhileUp = 0;
      let up = true;
      let downMs = 0;
      let starting = true;
      // The starter is the load generator: it reconnects within 100-500 ms after a kill, so the
      // offered load stays steady (the SDK's default backoff of 1-10 s would leave gaps).
      const starter = new Camunda8({
        ZEEBE_GRPC_ADDRESS: engine.grpcAddress,
        CAMUNDA_AUTH_STRATEGY: 'NONE',
        CAMUNDA_LOG_LEVEL: 'none',
        zeebeGrpcSettings: {
          ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
          ZEEBE_GRPC_CLIENT_RETRY: false,
          GRPC_INITIAL_RECONNECT_BACKOFF_MS: '100',
          GRPC_MIN_RECONNECT_BACKOFF_MS: '100',
          GRPC_MAX_RECONNECT_BACKOFF_MS: '500',
        } as never,
      }).getZeebeGrpcApiClient();
      const pending = new Set<Promise<void>>();
      const tick = setInterval(() => {
        if (!starting) return;
        for (let i = 0; i < INSTANCES_PER_SECOND / 10; i += 1) {
          const start = starter
            .createProcessInstance({ bpmnProcessId: PROCESS_ID, variables: {} })
            .then(
              (created) => void acknowledged.add(String(created.processInstanceKey)),
              () => void (up ? (refusedWhileUp += 1) : (refusedWhileDown += 1)),
            );
          pending.add(start);
          void start.finally(() => pending.delete(start));
        }
      }, 100);

      // and the portal's engine clients, configured as the composition root configures them
      const portalConfiguration = {
        ZEEBE_GRPC_ADDRESS: engine.grpcAddress,
        ZEEBE_REST_ADDRESS: engine.restAddress,
        CAMUNDA_AUTH_STRATEGY: 'NONE',
        CAMUNDA_LOG_LEVEL: 'none',
      } as const;
      const portalEngine = createSdkEngineClient(portalConfiguration as never);
      const portalTasks = createSdkTaskClient(portalConfiguration as never);
      await portalEngine.topology();

      // when the engine is killed ten times at random moments, and started again each time
      const killedAt: number[] = [];
      for (let kill = 0; kill < KILLS; kill += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1_000 + Math.random() * 2_000));
        killedAt.push(Date.now() - startedAt);
        up = false;
        await engine.kill();
        await engine.restart();
        up = true;
        downMs += Date.now() - startedAt - killedAt.at(-1)!;
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      starting = false;
      clearInterval(tick);
      await Promise.allSettled([...pending]);
      const loadSeconds = (Date.now() - startedAt) / 1000;

      // then the portal's clients work again without being recreated
      await expect(portalEngine.topology()).resolves.toBeDefined();
      await expect(portalTasks.search({}, { from: 0, limit: 1 })).resolves.toMatchObject({
        total: 0,
      });

      // then every acknowledged instance completes (the workers reconnected by themselves)
      const deadline = Date.now() + 120_000;
      let active = Infinity;
      while (Date.now() < deadline) {
        active = (
          await search('process-instances', { processDefinitionId: PROCESS_ID, state: 'ACTIVE' })
        ).page.totalItems;
        if (active === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(active).toBe(0);
      const instances = await searchAll('process-instances', { processDefinitionId: PROCESS_ID });
      const completed = new Set(
        instances.filter((i) => i.state === 'COMPLETED').map((i) => String(i.processInstanceKey)),
      );
      const missing = [...acknowledged].filter((key) => !completed.has(key));
      expect(missing).toEqual([]);
      expect(instances.filter((i) => i.state !== 'COMPLETED')).toEqual([]);
      // each instance passed its end event exactly once
      const ends = await searchAll('element-instances', {
        processDefinitionId: PROCESS_ID,
        elementId: 'End',
        state: 'COMPLETED',
      });
      const endCounts = new Map<string, number>();
      for (const end of ends) {
        const key = String(end.processInstanceKey);
        endCounts.set(key, (endCounts.get(key) ?? 0) + 1);
      }
      expect([...endCounts.values()].filter((count) => count !== 1)).toEqual([]);
      expect(new Set(endCounts.keys())).toEqual(completed);
      // every step's effect is in the ledger exactly once, and no acknowledged completion was lost
      for (const key of completed) {
        for (const step of STEPS) expect(ledger.effects.get(`${key}:${step}`)).toBe(1);
      }
      expect(ledger.acknowledgedTwice()).toEqual([]);

      const figures = {
        kills: KILLS,
        killedAtMs: killedAt,
        loadSeconds,
        targetInstancesPerSecond: INSTANCES_PER_SECOND,
        instancesAcknowledged: acknowledged.size,
        instancesCompleted: completed.size,
        downSeconds: downMs / 1000,
        instancesAcknowledgedPerUpSecond: Math.round(
          acknowledged.size / (loadSeconds - downMs / 1000),
        ),
        startsRefusedWhileDown: refusedWhileDown,
        startsRefusedWhileUp: refusedWhileUp,
        stepEffects: ledger.effects.size,
        redeliveriesAbsorbed: ledger.redeliveries,
        durationSeconds: (Date.now() - startedAt) / 1000,
      };
      await mkdir('var/reliability', { recursive: true });
      await writeFile('var/reliability/engine-crash.json', `${JSON.stringify(figures, null, 2)}\n`);

      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.allSettled([
        workerClient.close(),
        completer.close(),
        starter.close(),
        control.close(),
        portalEngine.close(),
      ]);
    },
  );
});
