import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedEnv, startPlatformProcess, stop } from './testing/platform-process.js';

const run = promisify(execFile);

describe('now snapshot', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('takes an anonymised snapshot through the running platform and copies dump and manifest', async () => {
    // given the platform running with its demo data
    const dataDir = mkdtempSync(path.join(tmpdir(), 'now-snapshot-'));
    const outDir = mkdtempSync(path.join(tmpdir(), 'now-snapshot-out-'));
    dirs.push(dataDir, outDir);
    const env = await isolatedEnv(dataDir);
    const platform = await startPlatformProcess(env);
    try {
      // when an operator asks for a snapshot
      const { stdout } = await run(
        process.execPath,
        ['bin/now.js', 'snapshot', '--out', outDir, '--timeout', '240'],
        {
          env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
        },
      );

      // then the dump and its manifest are copied, the dump matches the manifest's checksum
      expect(stdout).toMatch(/snapshot ready: \d+ tables, \d+ rows/);
      const files = readdirSync(outDir).sort();
      expect(files).toHaveLength(2);
      const dumpFile = files.find((f) => f.endsWith('.sql.gz'))!;
      const manifest = JSON.parse(
        readFileSync(
          path.join(
            outDir,
            files.find((f) => f.endsWith('.manifest.json'))!,
          ),
          'utf8',
        ),
      ) as {
        dump: { sha256: string };
      };
      const dump = readFileSync(path.join(outDir, dumpFile));
      expect(createHash('sha256').update(dump).digest('hex')).toBe(manifest.dump.sha256);
      // and it is a MySQL dump of the demo data without the demo applicant's e-mail address
      const sql = gunzipSync(dump).toString('utf8');
      expect(sql).toMatch(/CREATE TABLE `foerderfall`/);
      expect(sql).toMatch(/INSERT INTO `foerderfall`/);
      expect(sql).not.toContain('antragstellerin@demo.foerderportal.example');
    } finally {
      expect(await stop(platform.child)).toBe(0);
    }
  }, 300_000);
});
