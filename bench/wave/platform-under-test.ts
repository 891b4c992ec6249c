/**
 * `npx now start` as the wave meets it in production, minus the cluster: on a fresh MariaDB
 * database `now_wave_<random>` (127.0.0.1:3306, root, or the server of a mysql DATABASE_URL), in
 * a temporary DATA_DIR, on free ports, with the rate limits of the test. `close()` stops the
 * platform, drops the database and removes the directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The rate limits the wave runs under (requests per minute; logins per 5 minutes). */
export interface WaveRateLimits {
  perIpPerMinute: number;
  perUserPerMinute: number;
  loginPer5Minutes: number;
}

/** A running platform under test. */
export interface PlatformUnderTest {
  portalUrl: string;
  pid: number;
  env: Record<string, string>;
  /** Runs `now <args>` against this platform's configuration. */
  now(args: string[]): Promise<string>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function mysqlServer() {
  const env = process.env.DATABASE_URL;
  const url = new URL(
    env && /^(mysql|mariadb):/.test(env) ? env : 'mysql://root@127.0.0.1:3306/test',
  );
  return url;
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  child: ChildProcess,
) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`${what}: the platform exited with ${child.exitCode}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

/** Starts the platform and waits until the portal is ready. */
export async function startPlatformUnderTest(
  limits: WaveRateLimits,
  /** Writes a V8 CPU profile of the platform into this directory when it stops. */
  cpuProfileDir?: string,
): Promise<PlatformUnderTest> {
  const server = mysqlServer();
  const database = `now_wave_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: server.password ? decodeURIComponent(server.password) : undefined,
  });
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4`);
  const dataDir = await mkdtemp(join(tmpdir(), 'now-wave-'));
  const databaseUrl = new URL(server.href);
  databaseUrl.pathname = `/${database}`;
  const [port, enginePort, engineRestPort, managementPort] = await Promise.all(
    [0, 1, 2, 3].map(() => freePort()),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dataDir,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl.href,
    PORT: String(port),
    ENGINE_PORT: String(enginePort),
    ENGINE_REST_PORT: String(engineRestPort),
    MANAGEMENT_PORT: String(managementPort),
    RATE_LIMIT_PER_IP: String(limits.perIpPerMinute),
    RATE_LIMIT_PER_USER: String(limits.perUserPerMinute),
    RATE_LIMIT_LOGIN: String(limits.loginPer5Minutes),
  };
  const logFile = join(dataDir, 'platform.log');
  const log = createWriteStream(logFile);
  const profile = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : [];
  const child = spawn(process.execPath, [...profile, 'bin/now.js', 'start'], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const portalUrl = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    }
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      'portal ready',
      async () => (await fetch(`${portalUrl}/readyz`)).status === 200,
      600_000,
      child,
    );
  } catch (error) {
    const tail = (await readFile(logFile, 'utf8').catch(() => '')).slice(-3000);
    await close();
    throw new Error(`${(error as Error).message}\n${tail}`, { cause: error });
  }
  return {
    portalUrl,
    pid: child.pid!,
    env,
    now: (args) =>
      new Promise((resolve, reject) => {
        const run = spawn(process.execPath, ['bin/now.js', ...args], {
          cwd: repo,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        run.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
        run.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
        run.once('exit', (code) =>
          code === 0
            ? resolve(out)
            : reject(new Error(`now ${args.join(' ')} exited with ${code}:\n${out}`)),
        );
      }),
    close,
  };
}
