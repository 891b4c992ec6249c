/**
 * `now start` on fresh data in a temporary data directory on free ports, with the engine's
 * controlled clock (the suite moves it to end reporting periods).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isolatedEnv, startPlatformProcess, stop } from '../../../bin/testing/platform-process.js';

/** A running platform for one test file. */
export interface E2ePlatform {
  url: string;
  /** Demo logins by role, as printed by `now start`. */
  logins: Record<string, { email: string; password: string }>;
  dataDir: string;
  /** What `now start` printed (engine addresses, demo snapshot, ...). */
  summary: string;
  close(): Promise<void>;
}

/** Starts the platform and parses its summary (portal URL, demo logins). */
export async function startE2ePlatform(): Promise<E2ePlatform> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'now-e2e-'));
  const env = { ...(await isolatedEnv(dataDir)), ENGINE_CONTROLLED_CLOCK: 'true' };
  const { child, lines } = await startPlatformProcess(env);
  const output = lines.join('\n');
  const url = /portal: +(http:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error(`now start printed no portal URL:\n${output}`);
  const logins: E2ePlatform['logins'] = {};
  for (const match of output.matchAll(/^ {2}([a-z, -]+?) +(\S+@\S+) \/ (\S+)$/gm)) {
    for (const role of match[1]!.split(', '))
      logins[role] = { email: match[2]!, password: match[3]! };
  }
  return {
    url,
    logins,
    dataDir,
    summary: output,
    async close() {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
