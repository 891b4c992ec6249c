/**
 * Takes an anonymised snapshot: pre-flight against the live schema, then the dump streamed
 * through gzip into object storage under a temporary key, then the manifest, then both moved to
 * their final keys (`snapshots/<id>.sql.gz`, `snapshots/<id>.manifest.json`). A failure removes
 * whatever was written, so no partial snapshot ever appears under a final key. All reads happen
 * in one read transaction, so the dump is one consistent state of the database.
 *
 * @example
 *   const { snapshotId, manifest } = await writeSnapshot(db, openObjectStore(storageUrl));
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Transaction } from 'sequelize';
import type { Database } from '../../domain/index.js';
import { dumpStatements, type DumpReport } from './dump-statements.js';
import { readLiveSchema } from './live-schema.js';
import type { ObjectStore } from '../storage/index.js';
import { SnapshotInputError, SnapshotWriteError } from './snapshot-errors.js';
import {
  kAnonymityMethod,
  outOfScope,
  snapshotIdAt,
  snapshotIdPattern,
  snapshotKeys,
  type SnapshotManifest,
} from './snapshot-manifest.js';
import { planSnapshot } from './snapshot-plan.js';

/** Options of `writeSnapshot`, each with its default. */
export interface SnapshotOptions {
  /** Use this id instead of one from the clock (a retried job passes the same id). */
  snapshotId?: string;
  /** Smallest allowed equivalence class. @default 10 */
  k?: number;
  /** Share of a table's rows that may be suppressed before columns are generalised further. @default 0.05 */
  maxSuppressionRate?: number;
  /** gzip level of the dump. @default 6 */
  gzipLevel?: number;
  /** Rows per SELECT batch. @default 2000 */
  batchSize?: number;
  /** Rows per INSERT statement. @default 1000 */
  insertRows?: number;
  /** @default () => new Date() */
  now?: () => Date;
  /** Called after each table with its name and row count. */
  onProgress?: (table: string, rows: number) => void;
}

/** A finished snapshot. */
export interface SnapshotResult {
  snapshotId: string;
  dumpKey: string;
  manifestKey: string;
  manifest: SnapshotManifest;
}

/** Fills in defaults and checks ranges (names the bad option). */
export function resolveSnapshotOptions(options: SnapshotOptions) {
  const resolved = {
    k: options.k ?? 10,
    maxSuppressionRate: options.maxSuppressionRate ?? 0.05,
    gzipLevel: options.gzipLevel ?? 6,
    batchSize: options.batchSize ?? 2000,
    insertRows: options.insertRows ?? 1000,
  };
  const check = (field: string, ok: boolean, what: string) => {
    if (!ok) throw new SnapshotInputError(field, what);
  };
  check(
    'k',
    Number.isInteger(resolved.k) && resolved.k >= 2,
    `must be a whole number >= 2, got ${String(options.k)}`,
  );
  check(
    'maxSuppressionRate',
    resolved.maxSuppressionRate >= 0 && resolved.maxSuppressionRate <= 1,
    'must be between 0 and 1',
  );
  check(
    'gzipLevel',
    Number.isInteger(resolved.gzipLevel) && resolved.gzipLevel >= 1 && resolved.gzipLevel <= 9,
    'must be 1 to 9',
  );
  check(
    'batchSize',
    Number.isInteger(resolved.batchSize) && resolved.batchSize >= 1,
    'must be a positive whole number',
  );
  check(
    'insertRows',
    Number.isInteger(resolved.insertRows) && resolved.insertRows >= 1,
    'must be a positive whole number',
  );
  if (options.snapshotId !== undefined && !snapshotIdPattern.test(options.snapshotId)) {
    throw new SnapshotInputError(
      'snapshotId',
      `must match ${snapshotIdPattern}, got "${options.snapshotId}"`,
    );
  }
  return resolved;
}

let version: string | undefined;
function generatorVersion(): string {
  version ??= (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
  return version;
}

/** Writes one snapshot; throws `UnclassifiedColumnsError` before writing anything if the schema is not fully classified. */
export async function writeSnapshot(
  db: Database,
  store: ObjectStore,
  options: SnapshotOptions = {},
): Promise<SnapshotResult> {
  const resolved = resolveSnapshotOptions(options);
  const createdAt = (options.now ?? (() => new Date()))();
  const snapshotId = options.snapshotId ?? snapshotIdAt(createdAt);
  const keys = snapshotKeys(snapshotId);
  const transactionOptions =
    db.dialect === 'mysql'
      ? { isolationLevel: Transaction.ISOLATION_LEVELS.REPEATABLE_READ }
      : { type: Transaction.TYPES.DEFERRED };
  return db.sequelize.transaction(transactionOptions, async (transaction) => {
    // Pre-flight: throws before anything is written.
    const plan = planSnapshot(
      await readLiveSchema(db.sequelize, db.dialect, transaction),
      db.models,
    );
    const report: DumpReport = { tables: [] };
    let published = false;
    try {
      const hash = createHash('sha256');
      let bytes = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      const title =
        `Anonymised snapshot ${snapshotId} of the funding platform, created ${createdAt.toISOString()} ` +
        `by now-funding-platform ${generatorVersion()}; rules per column in ${keys.manifest}`;
      const sql = Readable.from(
        progress(
          dumpStatements(
            { sequelize: db.sequelize, dialect: db.dialect, transaction },
            plan,
            resolved,
            title,
            report,
          ),
          report,
          options.onProgress,
        ),
      );
      await Promise.all([
        pipeline(sql, createGzip({ level: resolved.gzipLevel }), tap),
        store.put(keys.partialDump, tap).catch((error: unknown) => {
          // Stop reading the database when storage gave up.
          sql.destroy(error as Error);
          throw error;
        }),
      ]);
      const manifest: SnapshotManifest = {
        snapshotId,
        createdAt: createdAt.toISOString(),
        generator: { name: 'now-funding-platform snapshot', version: generatorVersion() },
        source: { dialect: db.dialect },
        dump: {
          key: keys.dump,
          format: 'MySQL/MariaDB SQL (CREATE TABLE + multi-row INSERT), utf8mb4',
          compression: { algorithm: 'gzip', level: resolved.gzipLevel },
          sha256: hash.digest('hex'),
          bytes,
        },
        tables: report.tables,
        kAnonymity: {
          k: resolved.k,
          maxSuppressionRate: resolved.maxSuppressionRate,
          method: kAnonymityMethod,
          suppressedRows: report.tables.reduce(
            (sum, t) => sum + (t.kAnonymity?.suppressedRows ?? 0),
            0,
          ),
        },
        ...(report.sessions ? { sessions: report.sessions } : {}),
        outOfScope,
      };
      await store.put(keys.partialManifest, `${JSON.stringify(manifest, null, 2)}\n`);
      await store.rename(keys.partialDump, keys.dump);
      published = true;
      await store.rename(keys.partialManifest, keys.manifest);
      return { snapshotId, dumpKey: keys.dump, manifestKey: keys.manifest, manifest };
    } catch (cause) {
      const cleanup = [keys.partialDump, keys.partialManifest, ...(published ? [keys.dump] : [])];
      await Promise.all(cleanup.map((key) => store.delete(key).catch(() => undefined)));
      throw new SnapshotWriteError(
        `snapshot ${snapshotId} failed and was removed: ${(cause as Error).message}`,
        { cause },
      );
    }
  });
}

async function* progress(
  statements: AsyncGenerator<string>,
  report: DumpReport,
  onProgress: SnapshotOptions['onProgress'],
): AsyncGenerator<string> {
  let reported = 0;
  for await (const chunk of statements) {
    yield chunk;
    while (onProgress && reported < report.tables.length) {
      const table = report.tables[reported++]!;
      onProgress(table.table, table.rows);
    }
  }
}
