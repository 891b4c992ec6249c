/**
 * `npm run bench -- wave [--peak N] [--hold S] [--ramp S] [--no-step-up] [--step N] [--max-peak N]
 * [--baseline S] [--recover S] [--out FILE] [--check] [--cpu-prof DIR]`:
 * a wave of people against `npx now start` on MariaDB. 10 virtual users, then `peak` (500)
 * within `ramp` (10 s), hold `hold` (60 s), back to 10; every user logs in through the real
 * flow first (staggered) and then works: dashboard, task list, open a task, save a draft,
 * complete it, 1 to 3 s apart. Then the step-up: waves of peak + step, + 2 step, ... (30 s
 * each) until one misses p99 <= 500 ms. Writes `bench/results/wave.json` with `{ peakUsers,
 * requests, p50Ms, p95Ms, p99Ms, errors, recoverySeconds, peakRssMb, maxUsersWithinTarget,
 * loginP99Ms, rateLimits }` and more (or to `--out`). Targets: p99 <= 500 ms, 0 errors,
 * recovery <= 10 s; `--check` fails the command when one is missed (the shortened wave of CI).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultWaveOptions, runWave, type WaveResult } from './wave/run-wave.js';

const RESULTS = fileURLToPath(new URL('./results/wave.json', import.meta.url));

/** `--check`: the wave missed p99 <= 500 ms, 0 errors or recovery <= 10 s. */
export class WaveTargetsMissedError extends Error {
  readonly code = 'WAVE_TARGETS_MISSED';
  constructor(message: string) {
    super(message);
    this.name = 'WaveTargetsMissedError';
  }
}

const whole = (name: string, value: string | undefined, fallback: number, min: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be a whole number >= ${min}, got ${value}`);
  return n;
};

/** Runs the benchmark. */
export async function run(args: readonly string[] = []): Promise<WaveResult> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      peak: { type: 'string' },
      hold: { type: 'string' },
      ramp: { type: 'string' },
      step: { type: 'string' },
      'max-peak': { type: 'string' },
      'no-step-up': { type: 'boolean', default: false },
      baseline: { type: 'string' },
      recover: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
    },
  });
  const d = defaultWaveOptions;
  const peak = whole('peak', values.peak, d.peak, d.baselineUsers + 1);
  const step = whole('step', values.step, 250, 1);
  const options = {
    ...d,
    peak,
    holdSeconds: whole('hold', values.hold, d.holdSeconds, 1),
    rampSeconds: whole('ramp', values.ramp, d.rampSeconds, 1),
    baselineSeconds: whole('baseline', values.baseline, d.baselineSeconds, 5),
    recoverSeconds: whole('recover', values.recover, d.recoverSeconds, 5),
    ...(values['cpu-prof'] ? { cpuProfileDir: path.resolve(values['cpu-prof']) } : {}),
    ...(values['no-step-up']
      ? {}
      : {
          stepUp: {
            step,
            maxPeak: whole('max-peak', values['max-peak'], peak + 3 * step, peak),
            holdSeconds: 30,
          },
        }),
  };
  const result = await runWave(options, (line) => console.log(line));
  console.table(
    result.steps.map((s) => ({
      users: s.peakUsers,
      requests: s.requests,
      p50Ms: s.p50Ms,
      p95Ms: s.p95Ms,
      p99Ms: s.p99Ms,
      errors: s.errors,
      recoverySeconds: s.recoverySeconds,
      withinTarget: s.withinTarget,
    })),
  );
  console.log(
    `wave of ${result.peakUsers}: p99 ${result.p99Ms} ms, ${result.errors} errors, recovery ${result.recoverySeconds ?? 'none'} s, ` +
      `login p99 ${result.loginP99Ms} ms, peak RSS ${result.peakRssMb} MB, largest wave within target ${result.maxUsersWithinTarget ?? 'none'}` +
      (result.targetsMet ? ' (targets met)' : ' (targets missed)'),
  );
  if (result.errorSamples.length > 0)
    console.log(`first errors:\n  ${result.errorSamples.join('\n  ')}`);
  console.table(result.byKind);
  const out = values.out ? path.resolve(values.out) : RESULTS;
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written: ${out}`);
  if (values.check && !result.targetsMet)
    throw new WaveTargetsMissedError(
      `the wave of ${result.peakUsers} missed its targets (p99 <= 500 ms, 0 errors, recovery <= 10 s): ` +
        `p99 ${result.p99Ms} ms, ${result.errors} errors, recovery ${result.recoverySeconds ?? 'none'} s`,
    );
  return result;
}
