/**
 * The KfW inbox trigger against the embedded engine: a file in `kfw-inbox/` starts one
 * `kfw-import` instance and moves to `kfw-processed/`, whether it was there at start-up or
 * arrives later (chokidar); a file still being written is left alone; without a deployed
 * process the file stays in the inbox for the next try.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKfwInbox, type KfwInbox } from '../../workers/kfw-inbox/inbox-trigger.js';
import { openObjectStore, type ObjectStore } from '../../workers/snapshot/index.js';
import { startTestEngine, type TestEngine } from '../support/embedded-engine.js';
import { silentLogger } from '../support/worker-harness.js';

let engine: TestEngine;
let dir: string;
let storage: ObjectStore;
let inbox: KfwInbox;
const started: { fileKey: string; processInstanceKey: string }[] = [];
let onStart: (() => void) | undefined;

beforeAll(async () => {
  engine = await startTestEngine();
  await engine.zeebe.deployResource({ processFilename: 'processes/kfw-import.bpmn' });
  dir = await mkdtemp(path.join(tmpdir(), 'now-inbox-'));
  storage = openObjectStore(`file://${dir}`);
  // given a file delivered while the platform was down
  await storage.put('kfw-inbox/antraege-1.xlsx', 'xlsx bytes');
  inbox = await startKfwInbox({
    storage,
    zeebe: engine.zeebe,
    logger: silentLogger,
    inboxDir: path.join(dir, 'kfw-inbox'),
    // the poll is the safety net should the file system not report the new file
    pollIntervalMs: 2_000,
    clock: () => new Date('2026-11-24T10:00:00.000Z'),
    onStarted(entry) {
      started.push(entry);
      onStart?.();
    },
  });
});
afterAll(async () => {
  await inbox.close();
  await storage.close();
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

const fileKeyOf = (processInstanceKey: string) =>
  engine.embedded.engine.search
    .variables({ filter: { processInstanceKey, name: 'fileKey' } })
    .items.map((item) => JSON.parse(String(item.value)) as string)[0];

describe('KfW inbox trigger', () => {
  it('starts one kfw-import per file found at start-up and moves the file out of the inbox', async () => {
    // then the file was claimed, moved and handed to a new instance
    expect(started.map((s) => s.fileKey)).toEqual([
      'kfw-processed/2026-11-24T10-00-00-000Z-antraege-1.xlsx',
    ]);
    expect(fileKeyOf(started[0]!.processInstanceKey)).toBe(started[0]!.fileKey);
    expect(await storage.list('kfw-inbox/')).toEqual([]);
    // and a second scan starts nothing
    expect(await inbox.scan()).toEqual([]);
  });

  it('starts a file that arrives while it runs, and leaves one still being written', async () => {
    // given a partial upload and then a complete file
    await writeFile(path.join(dir, 'kfw-inbox', 'antraege-2.xlsx.part'), 'half');
    const seen = new Promise<void>((resolve) => (onStart = resolve));
    await writeFile(path.join(dir, 'kfw-inbox', 'antraege-2.xlsx'), 'xlsx bytes');
    // when the watcher reports it
    await seen;
    // then the complete file was started and the partial one is still waiting
    expect(started.at(-1)?.fileKey).toMatch(/^kfw-processed\/.*-antraege-2\.xlsx$/);
    expect((await storage.list('kfw-inbox/')).map((o) => o.key)).toEqual([
      'kfw-inbox/antraege-2.xlsx.part',
    ]);
  });
});

describe('KfW inbox trigger without a deployed process', () => {
  it('keeps the file in the inbox for the next scan', async () => {
    const bare = await startTestEngine();
    const bareDir = await mkdtemp(path.join(tmpdir(), 'now-inbox-'));
    const bareStorage = openObjectStore(`file://${bareDir}`);
    await bareStorage.put('kfw-inbox/antraege.xlsx', 'xlsx bytes');
    const trigger = await startKfwInbox({
      storage: bareStorage,
      zeebe: bare.zeebe,
      logger: silentLogger,
    });
    expect(await trigger.scan()).toEqual([]);
    expect((await bareStorage.list('kfw-inbox/')).map((o) => o.key)).toEqual([
      'kfw-inbox/antraege.xlsx',
    ]);
    await trigger.close();
    await bareStorage.close();
    await bare.close();
    await rm(bareDir, { recursive: true, force: true });
  });
});
