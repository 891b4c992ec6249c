/**
 * `npm run bench -- import [rows]`: the KfW import on a generated file (default 100,000 rows),
 * measured against its own floor in the same run: the raw exceljs streaming parse of the same
 * file (public `WorkbookReader`, shared strings and styles cached, rows only counted) and the
 * full import (zip checks, parse, validate, upsert on a fresh SQLite database). Each phase runs
 * in its own child process so its peak RSS is its own. Writes `bench/results/import.json`.
 *
 * Starting a `foerderfall` process per new case is not part of the import figure: it goes
 * through the engine's gateway and is measured beside it (`starts=N`, default 2,000 cases, on an
 * embedded engine over gRPC).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const RESULTS = fileURLToPath(new URL('./results/import.json', import.meta.url));

/** One measured phase, as a child process reports it. */
interface PhaseResult {
  readonly rows: number;
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly detail?: unknown;
}

/** What `bench/results/import.json` holds. */
export interface ImportBenchResult {
  readonly rows: number;
  readonly parseRowsPerSecond: number;
  readonly importRowsPerSecond: number;
  /** importRowsPerSecond / parseRowsPerSecond (target >= 0.5). */
  readonly ratio: number;
  /** Peak RSS of the import process (target <= 300 MB). */
  readonly peakRssMb: number;
  readonly parsePeakRssMb: number;
  /** `--max-old-space-size` of the measured phases, or null for V8's default. */
  readonly heapLimitMb: number | null;
  /** `foerderfall` instances started over gRPC on an embedded engine, apart from the import. */
  readonly processStarts: number;
  readonly processStartsPerSecond: number;
  readonly summary: unknown;
  readonly machine: string;
  readonly node: string;
  /**
   * The machine's 1-minute load average before the parse and after the import: on a shared
   * machine the absolute rates move with it, the ratio (both measured in this run) much less.
   */
  readonly loadAverage: { readonly before: number; readonly after: number };
}

/**
 * Runs the benchmark. Arguments: the number of rows (default 100,000) and optionally
 * `heap-mb=N`, which runs both measured phases with `--max-old-space-size=N` (V8 otherwise
 * lets the heap grow with the garbage a streaming parse makes, far beyond what is live).
 * `starts=N` sets how many process starts are measured (default 2,000; 0 skips them).
 * @example npm run bench -- import 100000 heap-mb=256 starts=2000
 */
export async function run(args: readonly string[] = []): Promise<ImportBenchResult> {
  const heapArg = args.find((arg) => arg.startsWith('heap-mb='));
  const heapMb = heapArg ? Number(heapArg.slice('heap-mb='.length)) : null;
  if (heapMb !== null && !(Number.isInteger(heapMb) && heapMb >= 64)) {
    throw new Error(`heap-mb must be a whole number of megabytes >= 64, got ${heapArg}`);
  }
  const rowsArg = args.find((arg) => !/^(heap-mb|starts)=/.test(arg));
  const rows = Number(rowsArg ?? 100_000);
  if (!Number.isInteger(rows) || rows < 1) {
    throw new Error(`rows must be a positive integer, got ${rowsArg}`);
  }
  const nodeFlags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const startsArg = args.find((arg) => arg.startsWith('starts='));
  const startCount = startsArg ? Number(startsArg.slice('starts='.length)) : 2000;
  if (!Number.isInteger(startCount) || startCount < 0) {
    throw new Error(`starts must be a whole number >= 0, got ${startsArg}`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'now-bench-import-'));
  try {
    const file = join(dir, 'antraege.xlsx');
    console.log(`generating ${rows.toLocaleString('en')} rows ...`);
    await phase(['generate', file, String(rows)], []);
    const loadBefore = loadavg()[0]!;
    const parse = await phase(['parse', file], nodeFlags);
    const imported = await phase(['import', file, join(dir, 'bench.sqlite')], nodeFlags);
    const loadAfter = loadavg()[0]!;
    const starts = startCount
      ? await phase(['starts', join(dir, 'bench.sqlite'), String(startCount)], [])
      : { rows: 0, seconds: 0, peakRssMb: 0 };
    const parseRate = parse.rows / parse.seconds;
    const importRate = imported.rows / imported.seconds;
    const result: ImportBenchResult = {
      rows: imported.rows,
      parseRowsPerSecond: Math.round(parseRate),
      importRowsPerSecond: Math.round(importRate),
      ratio: Number((importRate / parseRate).toFixed(3)),
      peakRssMb: imported.peakRssMb,
      parsePeakRssMb: parse.peakRssMb,
      heapLimitMb: heapMb,
      processStarts: starts.rows,
      processStartsPerSecond: starts.seconds > 0 ? Math.round(starts.rows / starts.seconds) : 0,
      summary: imported.detail,
      machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
      node: process.version,
      loadAverage: { before: round(loadBefore), after: round(loadAfter) },
    };
    console.table({
      'exceljs streaming parse': {
        rows: parse.rows,
        seconds: parse.seconds,
        'rows/s': result.parseRowsPerSecond,
        'peak RSS MB': parse.peakRssMb,
      },
      'full import (SQLite)': {
        rows: imported.rows,
        seconds: imported.seconds,
        'rows/s': result.importRowsPerSecond,
        'peak RSS MB': imported.peakRssMb,
      },
      'foerderfall starts (gRPC, apart)': {
        rows: starts.rows,
        seconds: starts.seconds,
        'rows/s': result.processStartsPerSecond,
        'peak RSS MB': '',
      },
    });
    console.log(
      `ratio import/parse: ${result.ratio} (target >= 0.5); peak RSS of the import: ${result.peakRssMb} MB (target <= 300); ` +
        `load average ${result.loadAverage.before} before, ${result.loadAverage.after} after`,
    );
    await mkdir(join(RESULTS, '..'), { recursive: true });
    await writeFile(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs one phase of this file in a child process and returns what it printed last. */
function phase(args: readonly string[], nodeFlags: readonly string[]): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...nodeFlags, '--import', 'tsx', SELF, '--phase', ...args],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0)
        return reject(new Error(`bench phase ${args[0]} exited with ${code}: ${out}`));
      resolve(JSON.parse(last) as PhaseResult);
    });
  });
}

/** Samples RSS every 20 ms (RSS is what the operating system sees, heap and native buffers). */
function rssSampler(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
  };
}

async function generate(file: string, rows: number): Promise<PhaseResult> {
  const { germanFaker, validKfwRow } =
    await import('../workers/kfw-import/testing/kfw-row-factory.js');
  const { writeKfwWorkbook } =
    await import('../workers/kfw-import/testing/kfw-workbook-fixture.js');
  const faker = germanFaker(2026);
  function* applications() {
    for (let index = 0; index < rows; index += 1) yield validKfwRow(faker, index);
  }
  const started = performance.now();
  await writeKfwWorkbook(file, { preamble: [['KfW-Übergabe (Benchmark)']], rows: applications() });
  return { rows, seconds: (performance.now() - started) / 1000, peakRssMb: 0 };
}

async function parse(file: string): Promise<PhaseResult> {
  const ExcelJS = (await import('exceljs')).default;
  const peak = rssSampler();
  const started = performance.now();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const _row of sheet) rows += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  // The preamble and header rows are not applications.
  return { rows: rows - 2, seconds: round(seconds), peakRssMb: peak() };
}

/**
 * Process starts, measured apart from the import (they go through the engine's gateway): the
 * first `count` imported cases get their `foerderfall` instance on an embedded engine over gRPC.
 */
async function startsPhase(database: string, count: number): Promise<PhaseResult> {
  const { openDatabase } = await import('../domain/index.js');
  const { startCaseProcesses } = await import('../workers/kfw-import/start-case-processes.js');
  const { startTestEngine } = await import('../test/support/embedded-engine.js');
  const db = await openDatabase(`sqlite://${database}`);
  const engine = await startTestEngine();
  try {
    await engine.zeebe.deployResource({ processFilename: 'processes/foerderfall.bpmn' });
    const cases = await db.models.Foerderfall.findAll({
      attributes: ['id'],
      limit: count,
      raw: true,
    });
    const started = performance.now();
    const summary = await startCaseProcesses(
      db,
      engine.zeebe,
      cases.map((fall) => fall.id),
      null,
    );
    const seconds = (performance.now() - started) / 1000;
    return { rows: summary.started, seconds: round(seconds), peakRssMb: 0, detail: summary };
  } finally {
    await engine.close();
    await db.close();
  }
}

async function importPhase(file: string, database: string): Promise<PhaseResult> {
  const { openDatabase, migrateUp } = await import('../domain/index.js');
  const { importKfwFile } = await import('../workers/kfw-import/import-file.js');
  const db = await openDatabase(`sqlite://${database}`);
  await migrateUp(db);
  const peak = rssSampler();
  const started = performance.now();
  const outcome = await importKfwFile(db, file);
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  if (outcome.kind !== 'imported') throw new Error(`the import did not run: ${outcome.kind}`);
  const { summary } = outcome;
  const rows = summary.new + summary.updated + summary.unchanged + summary.rejected;
  return { rows, seconds: round(seconds), peakRssMb: peak(), detail: summary };
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

// Child process entry: `node --import tsx bench/import.ts --phase <name> ...`.
if (
  process.argv[1] &&
  pathToFileURL(process.argv[1]).href === import.meta.url &&
  process.argv[2] === '--phase'
) {
  const [name, ...rest] = process.argv.slice(3);
  const phases: Record<string, (...a: string[]) => Promise<PhaseResult>> = {
    generate: (file, rows) => generate(file!, Number(rows)),
    parse: (file) => parse(file!),
    import: (file, database) => importPhase(file!, database!),
    starts: (database, count) => startsPhase(database!, Number(count)),
  };
  const chosen = phases[name ?? ''];
  if (!chosen) throw new Error(`unknown phase ${name}`);
  const result = await chosen(...rest);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
