import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedEnv, startPlatformProcess as start, stop } from './testing/platform-process.js';

describe('now start', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('runs database, engine, models, workers and portal with demo logins; a restart deploys nothing again', async () => {
    // given an empty data directory and free ports
    const dataDir = mkdtempSync(path.join(tmpdir(), 'now-start-'));
    dirs.push(dataDir);
    const env = await isolatedEnv(dataDir);

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
