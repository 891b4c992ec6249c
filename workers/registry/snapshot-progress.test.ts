import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openObjectStore } from '../storage/index.js';
import { snapshotProgressKey, snapshotProgressReporter } from './snapshot-progress.js';

const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

async function readText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

describe('snapshot progress', () => {
  let dir: string | undefined;
  afterEach(async () => dir && (await rm(dir, { recursive: true, force: true })));

  it('shows tables and rows done while the snapshot runs, and nothing once it is finished', async () => {
    // given a real file store and a reporter for one snapshot
    dir = await mkdtemp(path.join(tmpdir(), 'now-progress-'));
    const store = openObjectStore(`file://${dir}`);
    const reporter = snapshotProgressReporter(
      store,
      'snap-1',
      quiet,
      () => new Date('2026-11-24T10:00:00Z'),
    );

    // when two tables are done
    reporter.report('programm', 4);
    reporter.report('foerderfall', 200);
    await reporter.flush();

    // then a reader sees both, in order
    const progress = JSON.parse(await readText(await store.get(snapshotProgressKey('snap-1'))));
    expect(progress).toEqual({
      tablesDone: 2,
      rowsDone: 204,
      lastTable: 'foerderfall',
      at: '2026-11-24T10:00:00.000Z',
    });

    // and once the snapshot is finished the progress object is gone
    await reporter.finish();
    expect(await store.head(snapshotProgressKey('snap-1'))).toBeUndefined();
    await store.close();
  });
});
