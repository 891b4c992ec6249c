/** Test helpers that run the `now` command line as a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
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
export function startPlatformProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; lines: string[] }> {
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

export function stop(child: ChildProcess): Promise<number | string | null> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.kill('SIGTERM');
  });
}

/** The environment of a platform in its own data directory on free ports. */
export async function isolatedEnv(dataDir: string): Promise<Record<string, string>> {
  return {
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    ENGINE_PORT: String(await freePort()),
    ENGINE_REST_PORT: String(await freePort()),
    MANAGEMENT_PORT: String(await freePort()),
  };
}
