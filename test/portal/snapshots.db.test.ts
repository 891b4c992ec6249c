/**
 * Snapshots through the portal, end to end: an analyst starts one, the `snapshot-requested`
 * message starts the `snapshot` process on the embedded engine, the real snapshot worker writes
 * the anonymised dump to storage, and the portal lists it and streams the download.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../domain/index.js';
import { createSdkEngineClient } from '../../portal/server/engine-client/engine-client.js';
import { snapshotStorageKeys } from '../../portal/server/features/snapshots/service.js';
import { demoPassword, demoUsers } from '../../portal/server/identity/demo-users.js';
import { accessTokenFor } from '../../portal/server/testing/api-token.js';
import { startTestPortal, type TestPortal } from '../../portal/server/testing/test-portal.js';
import { snapshotProgressKey } from '../../workers/registry/snapshot-progress.js';
import { snapshotHandler } from '../../workers/registry/snapshot-job.js';
import { snapshotKeys } from '../../workers/snapshot/index.js';
import { startWorkerHarness, type WorkerHarness } from '../support/worker-harness.js';

const secret = 'snapshots-secret';
const email = (role: string) => demoUsers.find((u) => u.roles[0] === role)!.email;

async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('snapshots through the portal', () => {
  let h: WorkerHarness;
  let p: TestPortal;
  let analyst: string;
  const call = async (path: string, method = 'GET', token = analyst) => {
    const response = await fetch(`${p.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    return response;
  };

  beforeAll(async () => {
    h = await startWorkerHarness({ handlers: [snapshotHandler] });
    await h.engine.zeebe.deployResource({ processFilename: 'processes/snapshot.bpmn' });
    await seedDemo(h.database.db, { cases: 3 });
    p = await startTestPortal({
      db: h.database.db,
      identity: { kind: 'embedded', clientSecret: secret },
      storage: h.storage,
      engine: createSdkEngineClient({
        ZEEBE_GRPC_ADDRESS: h.engine.grpcAddress,
        CAMUNDA_AUTH_STRATEGY: 'NONE',
        CAMUNDA_LOG_LEVEL: 'none',
        zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
      } as never),
    });
    analyst = await accessTokenFor(p.url, secret, email('analyst'), demoPassword);
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    await h?.close();
  });

  it('keeps the storage layout of the snapshot worker', () => {
    // the portal names the keys again (it may not import workers/): they must agree
    const id = 'portal-2026-11-25T01-00-00-000Z';
    expect(snapshotStorageKeys(id)).toMatchObject({
      dump: snapshotKeys(id).dump,
      manifest: snapshotKeys(id).manifest,
      progress: snapshotProgressKey(id),
    });
  });

  it('starts a snapshot, shows where it is, lists it when ready and streams the dump', async () => {
    // when an analyst starts a snapshot
    const started = await call('/api/snapshots', 'POST');
    const { snapshotId } = (await started.json()) as { snapshotId: string };
    expect(started.status).toBe(202);
    // then its state is known at once, and the worker finishes it
    const first = (await (await call(`/api/snapshots/${snapshotId}`)).json()) as { state: string };
    expect(['requested', 'running', 'ready']).toContain(first.state);
    const ready = await eventually(async () => {
      const body = (await (await call(`/api/snapshots/${snapshotId}`)).json()) as {
        state: string;
        tables: number;
        rows: number;
        bytes: number;
      };
      return body.state === 'ready' ? body : undefined;
    }, 'the finished snapshot');
    expect(ready.tables).toBeGreaterThan(10);
    expect(ready.rows).toBeGreaterThan(0);
    // and it is listed and downloads with the manifest's hash
    const list = (await (await call('/api/snapshots')).json()) as {
      ready: { snapshotId: string }[];
    };
    expect(list.ready.map((s) => s.snapshotId)).toContain(snapshotId);
    const dump = await call(`/api/snapshots/${snapshotId}/dump`);
    expect(dump.status).toBe(200);
    expect(dump.headers.get('content-type')).toBe('application/gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    const manifest = JSON.parse(
      await new Response((await h.storage.get(snapshotKeys(snapshotId).manifest)) as never).text(),
    ) as { dump: { sha256: string } };
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.dump.sha256);
    // and the request is audited
    const audit = await h.database.db.models.AuditEvent.findOne({
      where: { aktion: 'snapshot.angefordert', objektId: snapshotId },
    });
    expect(audit).not.toBeNull();
  });

  it('answers 404 for an unknown snapshot and refuses case officers', async () => {
    expect((await call('/api/snapshots/gibt-es-nicht')).status).toBe(404);
    expect((await call('/api/snapshots/gibt-es-nicht/dump')).status).toBe(404);
    const officer = await accessTokenFor(p.url, secret, email('case-officer'), demoPassword);
    expect((await call('/api/snapshots', 'POST', officer)).status).toBe(403);
  });
});
