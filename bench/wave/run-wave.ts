/**
 * One wave run end to end: the platform under test, `now seed wave`, the load generator in a
 * process of its own (node --import tsx), the platform's memory sampled from /proc every second,
 * and the figures. Used by `npm run bench -- wave` and by the shortened wave of the MySQL suite.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadPlan, LoadResult } from './load-generator.js';
import { startPlatformUnderTest, type WaveRateLimits } from './platform-under-test.js';
import { processTreeRssMb } from './process-tree-rss.js';
import { percentile, waveFigures, type WaveFigures } from './wave-stats.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The targets of issue 12. */
export const waveTargets = { p99Ms: 500, errors: 0, recoverySeconds: 10 } as const;

/** Options of a wave run. */
export interface WaveOptions {
  /** Users at the peak. @default 500 */
  peak: number;
  /** Users before and after the spike. @default 10 */
  baselineUsers: number;
  /** Seconds within which the other users become active. @default 10 */
  rampSeconds: number;
  /** Seconds at the peak. @default 60 */
  holdSeconds: number;
  baselineSeconds: number;
  recoverSeconds: number;
  loginsPerSecond: number;
  /** Step-up: further waves of `peak + k * step` users (k = 1, 2, ...) up to `maxPeak`. */
  stepUp?: { step: number; maxPeak: number; holdSeconds: number };
  rateLimits: WaveRateLimits;
  /** Profile the platform (node --cpu-prof) into this directory. */
  cpuProfileDir?: string;
}

/** Defaults of `npm run bench -- wave`. */
export const defaultWaveOptions: WaveOptions = {
  peak: 500,
  baselineUsers: 10,
  rampSeconds: 10,
  holdSeconds: 60,
  baselineSeconds: 20,
  recoverSeconds: 30,
  // A production-cost hash takes 0.2 to 0.3 s of a core here: 4 a second leave the other
  // half of the machine to the baseline users.
  loginsPerSecond: 4,
  // Far above what the wave's people send (a person sends about 40 requests a minute), so the
  // limits do not shape the measurement; all virtual users come from one address.
  rateLimits: { perIpPerMinute: 1_000_000, perUserPerMinute: 300, loginPer5Minutes: 100_000 },
};

/** What `bench/results/wave.json` holds. */
export interface WaveResult extends Omit<WaveFigures, 'recoverySeconds'> {
  recoverySeconds: number | null;
  peakRssMb: number;
  /** The largest peak that held p99 <= 500 ms with no errors (step-up), or the peak if it held. */
  maxUsersWithinTarget: number | null;
  loginP99Ms: number;
  logins: number;
  /** p99 of the baseline users' requests while the others logged in (production-cost hashes). */
  loginPhaseP99Ms: number;
  rateLimits: WaveRateLimits;
  steps: (WaveFigures & { withinTarget: boolean })[];
  /** Requests and p99 per step of the loop over the first wave, to see where the time goes. */
  byKind: Record<string, { requests: number; p99Ms: number; errors: number }>;
  errorSamples: string[];
  options: Omit<WaveOptions, 'rateLimits'>;
  targetsMet: boolean;
  /** The load average at the start (the figures only mean something on a quiet machine). */
  loadAverage: number[];
  machine: string;
  node: string;
}

const withinTarget = (f: WaveFigures) => f.p99Ms <= waveTargets.p99Ms && f.errors === 0;

/** Runs the wave (and the step-up waves) against a fresh platform. */
export async function runWave(
  options: WaveOptions,
  report: (line: string) => void = () => {},
): Promise<WaveResult> {
  const { loadavg, cpus } = await import('node:os');
  const loadAverage = loadavg().map((l) => Math.round(l * 100) / 100);
  const peaks = [options.peak];
  if (options.stepUp)
    for (
      let p = options.peak + options.stepUp.step;
      p <= options.stepUp.maxPeak;
      p += options.stepUp.step
    )
      peaks.push(p);
  const users = Math.max(...peaks);
  report(`starting the platform (MariaDB, rate limits ${JSON.stringify(options.rateLimits)})`);
  const platform = await startPlatformUnderTest(options.rateLimits, options.cpuProfileDir);
  const work = await mkdtemp(join(tmpdir(), 'now-wave-load-'));
  try {
    report(`seeding ${users} wave accounts`);
    report((await platform.now(['seed', 'wave', '--users', String(users)])).trim());
    const { wavePassword, waveEmail } = await import('../../domain/seed/wave-users.js');
    const plan: LoadPlan = {
      portalUrl: platform.portalUrl,
      password: wavePassword,
      emails: Array.from({ length: users }, (_, i) => waveEmail(i + 1)),
      baselineUsers: options.baselineUsers,
      loginsPerSecond: options.loginsPerSecond,
      // The portal's libuv pool has 4 threads: one login per thread at most.
      loginConcurrency: 4,
      baselineSeconds: options.baselineSeconds,
      recoverSeconds: options.recoverSeconds,
      thinkMinMs: 1000,
      thinkMaxMs: 3000,
      ...(options.stepUp ? { stopAboveP99Ms: waveTargets.p99Ms } : {}),
      waves: peaks.map((peak, i) => ({
        peak,
        rampSeconds: options.rampSeconds,
        holdSeconds: i === 0 ? options.holdSeconds : options.stepUp!.holdSeconds,
      })),
    };
    const planFile = join(work, 'plan.json');
    const resultFile = join(work, 'result.json');
    await writeFile(planFile, JSON.stringify(plan));
    report(
      `load: ${users} logins at ${options.loginsPerSecond}/s, then waves of ${peaks.join(', ')}`,
    );
    let peakRssMb = 0;
    const sampler = setInterval(() => {
      void processTreeRssMb(platform.pid).then((mb) => (peakRssMb = Math.max(peakRssMb, mb)));
    }, 1000);
    try {
      await new Promise<void>((resolve, reject) => {
        const generator = spawn(
          process.execPath,
          ['--import', 'tsx', 'bench/wave/load-generator.ts', planFile, resultFile],
          { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] },
        );
        generator.once('error', reject);
        generator.once('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`load generator exited with ${code}`)),
        );
      });
    } finally {
      clearInterval(sampler);
    }
    const load = JSON.parse(await readFile(resultFile, 'utf8')) as LoadResult;
    const steps = load.waves.map((wave) => {
      // A wave counts from its baseline: the logins before it are reported on their own
      // (loginP99Ms, and loginPhaseP99Ms for the baseline users' requests meanwhile).
      const figures = waveFigures(load.requests, wave, wave.baselineStart);
      return { ...figures, withinTarget: withinTarget(figures) };
    });
    const main = steps[0]!;
    const first = load.waves[0]!;
    const byKind: WaveResult['byKind'] = {};
    for (const [kind, at, , ok] of load.requests) {
      if (at < first.baselineStart || at >= first.recoverEnd) continue;
      const entry = (byKind[kind] ??= { requests: 0, p99Ms: 0, errors: 0 });
      entry.requests += 1;
      if (!ok) entry.errors += 1;
    }
    for (const kind of Object.keys(byKind))
      byKind[kind]!.p99Ms = percentile(
        load.requests
          .filter(([k, at]) => k === kind && at >= first.baselineStart && at < first.recoverEnd)
          .map(([, , ms]) => ms),
        0.99,
      );
    // The largest peak before the first wave that missed the target.
    const firstMiss = steps.findIndex((s) => !s.withinTarget);
    const holding = steps
      .slice(0, firstMiss === -1 ? steps.length : firstMiss)
      .map((s) => s.peakUsers);
    const failedLogins = load.logins.filter(([, , , ok]) => !ok).length;
    const errors = main.errors + failedLogins;
    const { rateLimits, cpuProfileDir: _profile, ...rest } = options;
    return {
      ...main,
      errors,
      peakRssMb: Math.round(peakRssMb),
      maxUsersWithinTarget: holding.length > 0 ? Math.max(...holding) : null,
      loginP99Ms: Math.round(
        percentile(
          load.logins.map(([, , ms]) => ms),
          0.99,
        ),
      ),
      logins: load.logins.length,
      loginPhaseP99Ms: percentile(
        load.requests.filter(([, at]) => at < load.loginsDone).map(([, , ms]) => ms),
        0.99,
      ),
      rateLimits,
      steps,
      byKind,
      errorSamples: load.errorSamples,
      options: rest,
      targetsMet:
        main.p99Ms <= waveTargets.p99Ms &&
        errors === 0 &&
        main.recoverySeconds !== null &&
        main.recoverySeconds <= waveTargets.recoverySeconds,
      loadAverage,
      machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`,
      node: process.version,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
    await platform.close();
  }
}
