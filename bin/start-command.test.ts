import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserClient, logIn } from '../portal/server/testing/browser-client.js';
import { isolatedEnv, startPlatformProcess as start, stop } from './testing/platform-process.js';

type Items = { items?: { elementId?: string }[]; total?: number };

/** Polls `probe` until it is true, or fails naming `what` after `timeoutMs`. */
async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 150_000) {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** What a demo user of each role finds of their own once the demo instances stand. */
const ownThings: Record<string, { what: string; path: string; seen: (body: unknown) => boolean }> =
  {
    applicant: {
      what: 'a master-data or report task of a linked case',
      path: '/api/tasks',
      seen: (body) =>
        ((body as Items).items ?? []).some((t) =>
          ['Task_CompleteMasterData', 'Task_SubmitReport'].includes(t.elementId ?? ''),
        ),
    },
    'case-officer': {
      what: 'a case waiting for review in the inbox',
      path: '/api/tasks',
      seen: (body) => ((body as Items).items ?? []).some((t) => t.elementId === 'Task_ReviewCase'),
    },
    'process-owner': {
      what: 'running instances of the processes',
      path: '/api/process-instances?limit=1',
      seen: (body) => ((body as Items).total ?? 0) > 0,
    },
    admin: {
      what: 'cases in the case search',
      path: '/api/cases?limit=1',
      seen: (body) => ((body as Items).total ?? 0) > 0,
    },
    analyst: {
      what: 'the demo snapshot to review',
      path: '/api/tasks',
      seen: (body) =>
        ((body as Items).items ?? []).some((t) => t.elementId === 'Task_ReviewSnapshot'),
    },
  };

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

  it('puts the demo cases in their positions: every printed demo user logs in and finds something of their own', async () => {
    // given a fresh platform with demo data
    const dataDir = mkdtempSync(path.join(tmpdir(), 'now-start-demo-'));
    dirs.push(dataDir);
    // Five logins from one address in a minute: more than the login limit allows by default,
    // which has its own test.
    const { child, lines } = await start({
      ...(await isolatedEnv(dataDir)),
      RATE_LIMIT_LOGIN: '100',
    });
    try {
      const output = lines.join('\n');
      expect(output).toMatch(
        /demo instances: +3 waiting for registration, 3 for master data, 3 for review, 3 for a report/,
      );
      const portalUrl = /portal: +(http:\/\/\S+)/.exec(output)![1]!;
      const logins = [...output.matchAll(/^ {2}(\S+) +(\S+@\S+) \/ (\S+)$/gm)].map(
        ([, role, email, password]) => ({ role: role!, email: email!, password: password! }),
      );
      expect(logins.map((l) => l.role).sort()).toEqual(Object.keys(ownThings).sort());
      // when each logs in through the OIDC redirect flow
      const browsers = new Map<string, BrowserClient>();
      for (const login of logins) {
        const browser = new BrowserClient();
        browsers.set(login.role, browser);
        await logIn(browser, portalUrl, login.email, login.password);
        const own = ownThings[login.role]!;
        // then each finds their own part of the demo
        await until(async () => {
          const answer = await browser.json(`${portalUrl}${own.path}`, 'GET');
          return answer.status === 200 && own.seen(answer.body);
        }, `${login.role} sees ${own.what}`);
      }
      // and the applicant's cases are listed as theirs
      const mine = await browsers.get('applicant')!.json(`${portalUrl}/api/cases/mine`, 'GET');
      expect((mine.body as unknown[]).length).toBeGreaterThan(0);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  }, 240_000);
});
