/**
 * Anonymised snapshots for analysts: start one (the `snapshot-requested` message starts the
 * `snapshot` process, as `now snapshot` does), its progress while the worker runs, the list of
 * finished ones, and the download of a dump, streamed from the object store.
 *
 * The storage layout is the snapshot worker's (workers/snapshot/snapshot-manifest.ts and
 * workers/registry/snapshot-progress.ts): `snapshots/<id>.sql.gz`, `snapshots/<id>.manifest.json`,
 * `snapshots/.progress/<id>.json`. The portal may not import workers/, so the keys are named here
 * again, and `snapshots.db.test.ts` checks them against the worker's.
 */
import type { Readable } from 'node:stream';
import { MESSAGES, VARIABLES, type Database } from '../../../../domain/index.js';
import type { EngineClient } from '../../engine-client/engine-client.js';
import { DependencyUnavailableError, NotFoundError } from '../../http/portal-errors.js';
import type { Principal } from '../../http/principal.js';
import type { PortalStorage } from '../../portal-options.js';

/** Where the snapshot worker keeps a snapshot's files. */
export const snapshotStorageKeys = (snapshotId: string) => ({
  dump: `snapshots/${snapshotId}.sql.gz`,
  manifest: `snapshots/${snapshotId}.manifest.json`,
  progress: `snapshots/.progress/${snapshotId}.json`,
});

/** A snapshot id: letters, digits and `-` (safe in keys and file names). */
export const SNAPSHOT_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,79}$/;

/** What the manifest says, in short. */
export interface SnapshotSummary {
  snapshotId: string;
  state: 'ready';
  bytes: number;
  tables: number;
  rows: number;
  kAnonymity: { k: number; suppressedRows: number } | null;
}

/** Where a snapshot is. */
export type SnapshotProgress =
  | SnapshotSummary
  | {
      snapshotId: string;
      state: 'running';
      tablesDone: number;
      rowsDone: number;
      lastTable: string | null;
      at: string | null;
    }
  | { snapshotId: string; state: 'requested'; requestedAt: string };

/** The service. */
export interface SnapshotService {
  start(principal: Principal, requestId: string): Promise<{ snapshotId: string }>;
  list(): Promise<{ ready: SnapshotSummary[]; running: string[] }>;
  progress(snapshotId: string): Promise<SnapshotProgress>;
  /** Checks the dump exists; `open` then streams it. */
  assertDump(snapshotId: string): Promise<{ bytes: number }>;
  open(snapshotId: string): Promise<Readable>;
}

async function readText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Creates the service (absent storage or engine: those calls answer 503). */
export function createSnapshotService(deps: {
  db: Database;
  engine: EngineClient | undefined;
  storage: PortalStorage | undefined;
  clock?: () => Date;
}): SnapshotService {
  const clock = deps.clock ?? (() => new Date());
  const storage = () => {
    if (!deps.storage) throw new DependencyUnavailableError('Speicher');
    return deps.storage;
  };

  async function summary(snapshotId: string): Promise<SnapshotSummary | undefined> {
    const keys = snapshotStorageKeys(snapshotId);
    if (!(await storage().head(keys.manifest))) return undefined;
    const manifest = JSON.parse(await readText(await storage().get(keys.manifest))) as {
      dump?: { bytes?: number };
      tables?: { rows: number }[];
      kAnonymity?: { k: number; suppressedRows: number };
    };
    return {
      snapshotId,
      state: 'ready',
      bytes: manifest.dump?.bytes ?? 0,
      tables: manifest.tables?.length ?? 0,
      rows: (manifest.tables ?? []).reduce((sum, t) => sum + t.rows, 0),
      kAnonymity: manifest.kAnonymity ?? null,
    };
  }

  return {
    async start(principal, requestId) {
      if (!deps.engine) throw new DependencyUnavailableError('Engine');
      storage();
      const snapshotId = `portal-${clock().toISOString().replace(/[:.]/g, '-')}`;
      await deps.engine.publishMessage({
        name: MESSAGES.snapshotRequested.name,
        correlationKey: '',
        messageId: `${MESSAGES.snapshotRequested.name}:${snapshotId}`,
        // A message start event takes it now or never: nothing should wait in a buffer.
        timeToLiveMs: 0,
        variables: { [VARIABLES.snapshotId]: snapshotId },
      });
      await deps.db.models.AuditEvent.create({
        akteurTyp: 'PERSON',
        akteurId: principal.subject,
        aktion: 'snapshot.angefordert',
        objektTyp: 'snapshot',
        objektId: snapshotId,
        korrelationId: requestId,
      });
      return { snapshotId };
    },

    async list() {
      const objects = await storage().list('snapshots/');
      const ready: SnapshotSummary[] = [];
      const running: string[] = [];
      for (const object of objects) {
        const manifest = /^snapshots\/([^/]+)\.manifest\.json$/.exec(object.key);
        const progress = /^snapshots\/\.progress\/([^/]+)\.json$/.exec(object.key);
        if (manifest) {
          const found = await summary(manifest[1]!);
          if (found) ready.push(found);
        } else if (progress) running.push(progress[1]!);
      }
      ready.sort((a, b) => b.snapshotId.localeCompare(a.snapshotId));
      return { ready, running };
    },

    async progress(snapshotId) {
      const ready = await summary(snapshotId);
      if (ready) return ready;
      const key = snapshotStorageKeys(snapshotId).progress;
      if (await storage().head(key)) {
        const text = await readText(await storage().get(key)).catch(() => '');
        // The worker replaces the file while we read: an unreadable one is "running, no figures".
        let parsed: Partial<{
          tablesDone: number;
          rowsDone: number;
          lastTable: string;
          at: string;
        }> = {};
        try {
          parsed = JSON.parse(text) as typeof parsed;
        } catch {
          parsed = {};
        }
        return {
          snapshotId,
          state: 'running',
          tablesDone: parsed.tablesDone ?? 0,
          rowsDone: parsed.rowsDone ?? 0,
          lastTable: parsed.lastTable ?? null,
          at: parsed.at ?? null,
        };
      }
      const requested = await deps.db.models.AuditEvent.findOne({
        where: { aktion: 'snapshot.angefordert', objektId: snapshotId },
      });
      if (!requested) throw new NotFoundError('Snapshot');
      return { snapshotId, state: 'requested', requestedAt: requested.createdAt.toISOString() };
    },

    async assertDump(snapshotId) {
      const found = await storage().head(snapshotStorageKeys(snapshotId).dump);
      // A dump without its manifest is still being written or moved: not ready.
      if (!found || !(await storage().head(snapshotStorageKeys(snapshotId).manifest)))
        throw new NotFoundError('Snapshot');
      return { bytes: found.size };
    },

    open: (snapshotId) => storage().get(snapshotStorageKeys(snapshotId).dump),
  };
}
