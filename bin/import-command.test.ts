import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { germanFaker, validKfwRow } from '../workers/kfw-import/testing/kfw-row-factory.js';
import { writeKfwWorkbook } from '../workers/kfw-import/testing/kfw-workbook-fixture.js';
import { isolatedEnv, startPlatformProcess, stop } from './testing/platform-process.js';

const run = promisify(execFile);

let dataDir: string;
let filesDir: string;
let env: Record<string, string>;
let platform: Awaited<ReturnType<typeof startPlatformProcess>>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'now-import-'));
  filesDir = mkdtempSync(path.join(tmpdir(), 'now-import-files-'));
  env = await isolatedEnv(dataDir);
  platform = await startPlatformProcess(env);
}, 240_000);
afterAll(async () => {
  if (platform) expect(await stop(platform.child)).toBe(0);
  for (const dir of [dataDir, filesDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs `now import` and returns its exit code and output, also when it fails. */
async function nowImport(file: string) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['bin/now.js', 'import', file, '--timeout', '180'],
      { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('now import', () => {
  it('imports a file through the running platform, prints the summary and the rejected rows, and imports nothing the second time', async () => {
    // given a KfW file with three good rows and one with a broken postcode (row 5)
    const faker = germanFaker(2026);
    const file = path.join(filesDir, 'antraege-november.xlsx');
    await writeKfwWorkbook(file, {
      rows: [
        validKfwRow(faker, 1, { antragsnummer: 'CLI-1' }),
        validKfwRow(faker, 2, { antragsnummer: 'CLI-2' }),
        validKfwRow(faker, 3, { antragsnummer: 'CLI-3' }),
        validKfwRow(faker, 4, { antragsnummer: 'CLI-4', plz: '0106' }),
      ],
    });
    // when an operator imports it
    const first = await nowImport(file);
    // then it prints the four counts and the rejected row with its column and message
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('new: 3, updated: 0, unchanged: 0, rejected: 1');
    expect(first.stdout).toMatch(/^row 5, column PLZ: .*0106.*Postleitzahl/m);
    // and the file has left the inbox for kfw-processed/
    const storage = path.join(dataDir, 'storage');
    expect(readdirSync(path.join(storage, 'kfw-inbox'))).toEqual([]);
    expect(readdirSync(path.join(storage, 'kfw-processed'))).toEqual([
      expect.stringMatching(/antraege-november\.xlsx$/),
    ]);

    // when the same file is imported again
    const second = await nowImport(file);
    // then nothing is imported and it says so, with the first run's counts
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/already imported/);
    expect(second.stdout).toContain('new: 3, updated: 0, unchanged: 0, rejected: 1');
  }, 300_000);

  it('exits non-zero and names the reason when the file is rejected whole, and keeps it in kfw-rejected/', async () => {
    // given a CSV export saved with an .xlsx name
    const file = path.join(filesDir, 'antraege-als-csv.xlsx');
    writeFileSync(file, 'Programm;Antragsnummer\n441;A-1\n');
    // when an operator imports it
    const result = await nowImport(file);
    // then the command fails with the code and the German reason
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('file rejected whole (KFW_FILE_NOT_XLSX)');
    expect(result.stderr).toContain('keine lesbare Excel-Arbeitsmappe');
    // and the file waits in kfw-rejected/, so a restart does not import it again
    const rejected = path.join(dataDir, 'storage', 'kfw-rejected');
    expect(existsSync(rejected) && readdirSync(rejected)).toEqual([
      expect.stringMatching(/antraege-als-csv\.xlsx$/),
    ]);
  }, 300_000);
});
