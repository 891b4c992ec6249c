import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ControlledClock, Engine } from '../index.js';
import { harnessOf } from '../testing/engine-harness.js';

const orderModel = readFileSync(
  new URL('../core/elements/fixtures/service-task-order.bpmn', import.meta.url),
  'utf8',
);
const userTaskModel = readFileSync(
  new URL('../core/elements/fixtures/user-task-camunda.bpmn', import.meta.url),
  'utf8',
);

describe('recovery', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'engine-recovery-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes after close and reopen: jobs with their deadlines, user tasks and timers', async () => {
    const file = path.join(dir, 'engine.sqlite');
    const clock = new ControlledClock(Date.UTC(2026, 0, 1));
    // given an engine that got halfway: a job activated, a user task waiting for its deadline
    let engine = await Engine.open({ file, clock });
    engine.start();
    await engine.deployResources([
      { name: 'order.bpmn', content: orderModel },
      { name: 'review.bpmn', content: userTaskModel },
    ]);
    const order = await engine.createProcessInstance({
      bpmnProcessId: 'order-payment',
      variables: { order: { total: 3 } },
    });
    const review = await engine.createProcessInstance({
      bpmnProcessId: 'grant-review',
      variables: { caseId: 'c', submittedAt: '2026-01-01T00:00:00Z' },
    });
    const [job] = await engine.activateJobs({
      type: 'charge-card',
      worker: 'w',
      timeout: 60_000,
      maxJobsToActivate: 1,
    });
    await engine.close();

    // when it is reopened on the same file
    engine = await Engine.open({ file, clock });
    engine.start();
    const h = harnessOf(engine, clock);
    try {
      // then the activated job is still held until its deadline, then offered again
      expect(
        await engine.activateJobs({
          type: 'charge-card',
          worker: 'w2',
          timeout: 60_000,
          maxJobsToActivate: 1,
        }),
      ).toEqual([]);
      await h.advance(60_001);
      const [again] = await engine.activateJobs({
        type: 'charge-card',
        worker: 'w2',
        timeout: 60_000,
        maxJobsToActivate: 1,
      });
      expect(again!.key).toBe(job!.key);
      await engine.completeJob({ jobKey: again!.key, variables: { receipt: { id: 'R' } } });
      expect(h.instanceState(order.processInstanceKey)).toBe('COMPLETED');
      // and the boundary timer of the user task still fires after its 30 days
      await h.advance(30 * 24 * 3600_000);
      expect(h.elements(review.processInstanceKey, 'COMPLETED')).toContain('ReviewExpired');
      // and keys keep increasing across the restart
      const keys = engine
        .records()
        .map((r) => Number(r.key))
        .filter((k) => k > 0);
      expect(new Set(keys).size).toBeGreaterThan(10);
      const positions = engine.records({ limit: 10_000 }).map((r) => r.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);
    } finally {
      await engine.close();
    }
  });

  it('keeps message subscriptions and buffered messages across a restart', async () => {
    const file = path.join(dir, 'engine.sqlite');
    const clock = new ControlledClock(Date.UTC(2026, 0, 1));
    const paymentModel = readFileSync(
      new URL('../core/elements/fixtures/message-catch-event.bpmn', import.meta.url),
      'utf8',
    );
    // given one instance waiting for its payment and one message buffered for a later instance
    let engine = await Engine.open({ file, clock });
    await engine.deployResources([{ name: 'payment.bpmn', content: paymentModel }]);
    const waiting = await engine.createProcessInstance({
      bpmnProcessId: 'await-payment',
      variables: { invoiceId: 'i-1' },
    });
    await engine.publishMessage({
      name: 'payment-received',
      correlationKey: 'i-2',
      timeToLive: 3_600_000,
    });
    await engine.close();
    // when the engine is reopened
    engine = await Engine.open({ file, clock });
    engine.start();
    try {
      // then the open subscription takes a new message and the buffered one reaches a new instance
      await engine.publishMessage({ name: 'payment-received', correlationKey: 'i-1' });
      const later = await engine.createProcessInstance({
        bpmnProcessId: 'await-payment',
        variables: { invoiceId: 'i-2' },
      });
      expect(engine.getProcessInstance(waiting.processInstanceKey).state).toBe('COMPLETED');
      expect(engine.getProcessInstance(later.processInstanceKey).state).toBe('COMPLETED');
    } finally {
      await engine.close();
    }
  });

  it('a killed process loses nothing it acknowledged', async () => {
    const file = path.join(dir, 'engine.sqlite');
    // given a deployed model
    const setup = await Engine.open({ file });
    await setup.deployResources([{ name: 'order.bpmn', content: orderModel }]);
    await setup.close();

    // when a child process starts instances and is SIGKILLed while commands are in flight
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('../testing/crash-child.ts', import.meta.url)),
        file,
      ],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    // writes still buffered when the child dies fail with EPIPE: expected, the child is gone
    child.stdin.on('error', () => undefined);
    const acknowledged = new Map<string, string>();
    const lines = createInterface({ input: child.stdout });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let sent = 0;
    for await (const line of lines) {
      if (line === 'ready') {
        for (; sent < 400; sent++) child.stdin.write(`o-${sent}\n`);
        continue;
      }
      const [, orderId, key] = line.split(' ');
      acknowledged.set(orderId!, key!);
      if (acknowledged.size === 150) {
        // keep feeding so that more commands are in flight at the moment of the kill
        for (; sent < 800; sent++) child.stdin.write(`o-${sent}\n`);
        child.kill('SIGKILL');
        break;
      }
    }
    await exited;

    // then every acknowledged instance is there after reopening, with its variables and job
    const engine = await Engine.open({ file });
    try {
      for (const [orderId, key] of acknowledged) {
        expect(engine.getProcessInstance(key).state).toBe('ACTIVE');
        const variables = engine.search.variables({
          filter: { processInstanceKey: key, name: 'order' },
        }).items;
        expect(JSON.parse(variables[0]!.value)).toEqual({ id: orderId, total: 1 });
      }
      const total = engine.search.processInstances({}).page.totalItems;
      expect(total).toBeGreaterThanOrEqual(acknowledged.size);
      // and the engine keeps working on the recovered state
      const jobs = await engine.activateJobs({
        type: 'charge-card',
        worker: 'w',
        timeout: 60_000,
        maxJobsToActivate: 1000,
      });
      expect(jobs).toHaveLength(total);
    } finally {
      await engine.close();
    }
  });
});
