/**
 * `npm run bench -- snapshot [rows]`: the anonymised snapshot against MariaDB's own `mysqldump`
 * of the same database piped through `gzip` at the same level, in the same run. A scratch
 * database on the MariaDB of this machine (127.0.0.1:3306, root; or the server of a mysql
 * DATABASE_URL) gets the demo data set, its charging sessions copied (shifted by decades, with
 * fresh ids) until about `rows` rows (default 1,000,000) lie across the tables. Writes
 * `bench/results/snapshot.json` with `{ rows, rowsPerSecond, mysqldumpRowsPerSecond, ratio }`
 * (target ratio >= 0.5) and drops the scratch database.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { QueryTypes } from 'sequelize';
import { migrateUp, openDatabase, seedDemo } from '../domain/index.js';
import { openObjectStore } from '../workers/snapshot/object-store.js';
import { writeSnapshot } from '../workers/snapshot/write-snapshot.js';

const RESULTS = fileURLToPath(new URL('./results/snapshot.json', import.meta.url));
const gzipLevel = 6;

/** What `bench/results/snapshot.json` holds. */
export interface SnapshotBenchResult {
  readonly rows: number;
  readonly rowsPerSecond: number;
  readonly mysqldumpRowsPerSecond: number;
  /** rowsPerSecond / mysqldumpRowsPerSecond (target >= 0.5). */
  readonly ratio: number;
  readonly seconds: number;
  readonly mysqldumpSeconds: number;
  readonly bytes: number;
  readonly mysqldumpBytes: number;
  readonly gzipLevel: number;
  readonly suppressedRows: number;
  readonly machine: string;
  readonly node: string;
}

function server() {
  const env = process.env.DATABASE_URL;
  const url = new URL(
    env && /^(mysql|mariadb):/.test(env) ? env : 'mysql://root@127.0.0.1:3306/test',
  );
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

/** Runs the benchmark; `args[0]` is the number of rows (default 1,000,000). */
export async function run(args: readonly string[] = []): Promise<SnapshotBenchResult> {
  const target = Number(args[0] ?? 1_000_000);
  if (!Number.isInteger(target) || target < 1000) {
    throw new Error(`rows must be a whole number >= 1000, got ${args[0]}`);
  }
  const target_ = server();
  const name = `now_bench_snapshot_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection({ ...target_, charset: 'utf8mb4' });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const credentials = `${encodeURIComponent(target_.user)}${target_.password ? `:${encodeURIComponent(target_.password)}` : ''}`;
  const db = await openDatabase(`mysql://${credentials}@${target_.host}:${target_.port}/${name}`);
  const dir = await mkdtemp(join(tmpdir(), 'now-bench-snapshot-'));
  try {
    await migrateUp(db);
    const rows = await fill(db, target);
    // Warm the buffer pool the same way for both contenders.
    for (const table of Object.values(db.models)) await table.count();

    console.log(`snapshot of ${rows.toLocaleString('en')} rows ...`);
    const store = openObjectStore(`file://${dir}`);
    const started = process.hrtime.bigint();
    const snapshot = await writeSnapshot(db, store, { gzipLevel });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await store.close();

    console.log(`mysqldump | gzip -${gzipLevel} of the same database ...`);
    const dumpFile = join(dir, 'mysqldump.sql.gz');
    const dumpStarted = process.hrtime.bigint();
    await mysqldump(target_, name, dumpFile);
    const mysqldumpSeconds = Number(process.hrtime.bigint() - dumpStarted) / 1e9;

    const rowsPerSecond = rows / seconds;
    const mysqldumpRowsPerSecond = rows / mysqldumpSeconds;
    const result: SnapshotBenchResult = {
      rows,
      rowsPerSecond: Math.round(rowsPerSecond),
      mysqldumpRowsPerSecond: Math.round(mysqldumpRowsPerSecond),
      ratio: Number((rowsPerSecond / mysqldumpRowsPerSecond).toFixed(3)),
      seconds: Number(seconds.toFixed(2)),
      mysqldumpSeconds: Number(mysqldumpSeconds.toFixed(2)),
      bytes: snapshot.manifest.dump.bytes,
      mysqldumpBytes: (await stat(dumpFile)).size,
      gzipLevel,
      suppressedRows: snapshot.manifest.kAnonymity.suppressedRows,
      machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
      node: process.version,
    };
    console.table({
      'anonymised snapshot': {
        rows,
        seconds: result.seconds,
        'rows/s': result.rowsPerSecond,
        bytes: result.bytes,
      },
      'mysqldump | gzip': {
        rows,
        seconds: result.mysqldumpSeconds,
        'rows/s': result.mysqldumpRowsPerSecond,
        bytes: result.mysqldumpBytes,
      },
    });
    console.log(`ratio ${result.ratio} (target >= 0.5)`);
    await mkdir(join(RESULTS, '..'), { recursive: true });
    await writeFile(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Demo data, then copies of the sessions until about `target` rows; returns the real count. */
async function fill(db: Awaited<ReturnType<typeof openDatabase>>, target: number): Promise<number> {
  const cases = Math.max(10, Math.min(400, Math.round(target / 2500)));
  console.log(`seeding ${cases} demo cases ...`);
  await seedDemo(db, { cases });
  const count = async () => {
    let total = 0;
    for (const model of Object.values(db.models)) total += await model.count();
    return total;
  };
  let total = await count();
  const [{ cutoff }] = (await db.sequelize.query<{ cutoff: string }>(
    'SELECT MIN(beginn) AS cutoff FROM ladevorgang',
    { type: QueryTypes.SELECT },
  )) as [{ cutoff: string }];
  const sessions = await db.models.Ladevorgang.count();
  // Each copy lies a further decade back, so (point, start) stays unique.
  for (let copy = 1; total < target && sessions > 0; copy++) {
    console.log(
      `copying sessions (${total.toLocaleString('en')} of ${target.toLocaleString('en')} rows) ...`,
    );
    await db.sequelize.query(
      `INSERT INTO ladevorgang (id, ladepunktId, uploadId, beginn, ende, utcOffsetMinuten, energieKwh,
         zaehlerstandBeginnWh, zaehlerstandEndeWh, maxKw, beendigungsgrund, createdAt, updatedAt)
       SELECT UUID(), ladepunktId, uploadId, beginn - INTERVAL ${copy * 10} YEAR, ende - INTERVAL ${copy * 10} YEAR,
              utcOffsetMinuten, energieKwh, zaehlerstandBeginnWh, zaehlerstandEndeWh, maxKw, beendigungsgrund,
              createdAt, updatedAt
         FROM ladevorgang WHERE beginn >= ?`,
      { replacements: [cutoff] },
    );
    total = await count();
  }
  return total;
}

function mysqldump(
  target: ReturnType<typeof server>,
  database: string,
  file: string,
): Promise<void> {
  const args = [
    '--protocol=tcp',
    `--host=${target.host}`,
    `--port=${target.port}`,
    `--user=${target.user}`,
    ...(target.password ? [`--password=${target.password}`] : []),
    '--single-transaction',
    '--default-character-set=utf8mb4',
    database,
  ];
  return new Promise((resolve, reject) => {
    const dump = spawn('mysqldump', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const gzip = spawn('sh', ['-c', `gzip -${gzipLevel} > "$1"`, 'sh', file], {
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    dump.stdout.pipe(gzip.stdin);
    let failed = false;
    const fail = (error: Error) => {
      if (!failed) {
        failed = true;
        reject(error);
      }
    };
    dump.on('error', fail);
    gzip.on('error', fail);
    dump.on('close', (code) => code !== 0 && fail(new Error(`mysqldump exited with ${code}`)));
    gzip.on('close', (code) =>
      code === 0 ? !failed && resolve() : fail(new Error(`gzip exited with ${code}`)),
    );
  });
}
