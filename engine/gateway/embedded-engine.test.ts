import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedEngine, type EmbeddedEngine } from './index.js';
import { sdkClient } from './testing/sdk-client.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'embedded-engine-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'engine.sqlite');
}

async function start(file: string): Promise<EmbeddedEngine> {
  const running = await startEmbeddedEngine({ file, port: 0, managementPort: 0 });
  cleanups.push(() => running.close());
  return running;
}

function client(running: EmbeddedEngine) {
  const zeebe = sdkClient(Number(new URL(running.grpcAddress).port));
  cleanups.push(() => zeebe.close());
  return zeebe;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('the embedded engine service', () => {
  it('serves health, readiness and metrics that count what the engine and the gateway did', async () => {
    // given two instances waiting at their service task
    const running = await start(tempFile());
    const zeebe = client(running);
    await zeebe.deployResource({ processFilename: fixture('check-documents.bpmn') });
    for (const caseId of ['c-1', 'c-2']) {
      await zeebe.createProcessInstance({
        bpmnProcessId: 'check-documents',
        variables: { caseId },
      });
    }
    const backlog = await (await fetch(`${running.managementUrl}/metrics`)).text();
    // when a worker completes one of the jobs and the management port is asked again
    const [job] = await zeebe.activateJobs({
      type: 'check-documents',
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: 10_000,
    });
    await zeebe.completeJob({ jobKey: job!.key, variables: {} });
    const health = await fetch(`${running.managementUrl}/health`);
    const ready = await fetch(`${running.managementUrl}/ready`);
    const metrics = await (await fetch(`${running.managementUrl}/metrics`)).text();
    // then it is up and ready, and the metrics show the backlog, the instances and the job
    expect([health.status, ready.status]).toEqual([200, 200]);
    expect(backlog).toContain('engine_job_backlog{type="check-documents"} 2');
    expect(metrics).toContain('engine_job_backlog{type="check-documents"} 1');
    expect(metrics).toContain('engine_process_instances_started_total 2');
    expect(metrics).toContain('engine_process_instances_completed_total 1');
    expect(metrics).toContain('engine_jobs_activated_total{type="check-documents"} 1');
    expect(metrics).toContain('engine_jobs_completed_total 1');
    expect(metrics).toContain(
      'engine_job_activation_latency_seconds_count{type="check-documents"} 1',
    );
  });

  it('releases both ports on close and keeps every acknowledged step for the next start', async () => {
    // given an instance whose job was activated, on a file
    const file = tempFile();
    const first = await start(file);
    const zeebe = client(first);
    await zeebe.deployResource({ processFilename: fixture('check-documents.bpmn') });
    const { processInstanceKey } = await zeebe.createProcessInstance({
      bpmnProcessId: 'check-documents',
      variables: { caseId: 'c-1' },
    });
    const grpcPort = Number(new URL(first.grpcAddress).port);
    const managementPort = Number(new URL(first.managementUrl).port);
    // when the engine is closed and started again on the same file
    await first.close();
    expect([await portIsFree(grpcPort), await portIsFree(managementPort)]).toEqual([true, true]);
    const second = await start(file);
    // then the job is still there for a worker, and completing it completes the instance
    const zeebeAgain = client(second);
    const [job] = await zeebeAgain.activateJobs({
      type: 'check-documents',
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: 10_000,
    });
    expect(job).toMatchObject({ processInstanceKey, variables: { caseId: 'c-1' } });
    await zeebeAgain.completeJob({ jobKey: job!.key, variables: {} });
    expect(second.engine.getProcessInstance(processInstanceKey).state).toBe('COMPLETED');
  });

  it('answers unknown management paths with 404', async () => {
    // given a running engine
    const running = await start(tempFile());
    // when an unknown path is asked
    const response = await fetch(`${running.managementUrl}/actuator`);
    // then it is not found, with the paths that exist
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      status: 'NOT_FOUND',
      paths: ['/health', '/ready', '/metrics'],
    });
  });
});
