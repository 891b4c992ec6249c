import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

/** A port that was free a moment ago (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs `now start` until it has printed its summary (the dev mailbox line comes last). */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; lines: string[] }> {
  const child = spawn(process.execPath, ['bin/now.js', 'start'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (line.startsWith('dev mailbox:')) resolve({ child, lines });
    });
    child.once('exit', (code) =>
      reject(new Error(`now start exited with ${code}: ${stderr}\n${lines.join('\n')}`)),
    );
  });
}

function stop(child: ChildProcess): Promise<number | string | null> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.kill('SIGTERM');
  });
}

describe('now start', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('runs database, engine, models, workers and portal with demo logins; a restart deploys nothing again', async () => {
    // given an empty data directory and free ports
    const dataDir = mkdtempSync(path.join(tmpdir(), 'now-start-'));
    dirs.push(dataDir);
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      ENGINE_PORT: String(await freePort()),
      ENGINE_REST_PORT: String(await freePort()),
      MANAGEMENT_PORT: String(await freePort()),
    };

    // when the platform starts the first time
    const first = await start(env);
    const output = first.lines.join('\n');

    // then every part is up, the six models are deployed and every role has a demo login
    expect(output).toMatch(/demo data: +created/);
    expect(output).toMatch(
      /processes: +6 models, deployed now: aenderungsmeldung, berichtszeitraum, foerderfall, kfw-import, snapshot, widerruf/,
    );
    expect(output).toMatch(/workers: +\d+ job types/);
    expect(output).toContain(`KfW inbox:       ${path.join(dataDir, 'storage', 'kfw-inbox')}`);
    for (const role of ['applicant', 'case-officer', 'process-owner', 'admin', 'analyst']) {
      expect(output).toMatch(new RegExp(`^  ${role} +\\S+@\\S+ / \\S+`, 'm'));
    }
    const portalUrl = /portal: +(http:\/\/\S+)/.exec(output)?.[1];
    expect((await fetch(`${portalUrl}/healthz`)).status).toBe(200);
    expect(await stop(first.child)).toBe(0);

    // and a restart keeps data and deployments as they are
    const second = await start(env);
    const again = second.lines.join('\n');
    expect(again).toMatch(/0 migrations applied/);
    expect(again).toMatch(/demo data: +present/);
    expect(again).toMatch(/processes: +6 models, all already deployed/);
    expect(await stop(second.child)).toBe(0);
  }, 120_000);
});
