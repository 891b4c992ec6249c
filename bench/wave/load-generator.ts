/**
 * The wave's load generator, run in a process of its own so its work does not count against the
 * platform: `node --import tsx bench/wave/load-generator.ts <plan.json> <result.json>`.
 *
 * It logs every user in first, staggered at `loginsPerSecond` with at most `loginConcurrency` under
 * way (the first `baselineUsers` start
 * working as soon as they are in), then for each wave of the plan: `baselineSeconds` with the
 * baseline users, the other users becoming active evenly within `rampSeconds`, `holdSeconds` at the
 * peak, and `recoverSeconds` back at the baseline. It writes the request log and the phase times
 * (epoch ms) to the result file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { RequestLog, type RequestLogData } from './request-log.js';
import { VirtualUser } from './virtual-user.js';
import { percentile } from './wave-stats.js';

/** One wave of the plan. */
export interface WaveStep {
  peak: number;
  rampSeconds: number;
  holdSeconds: number;
}

/** What the benchmark hands the generator. */
export interface LoadPlan {
  portalUrl: string;
  password: string;
  emails: string[];
  baselineUsers: number;
  loginsPerSecond: number;
  /** Logins in flight at most. */
  loginConcurrency: number;
  baselineSeconds: number;
  recoverSeconds: number;
  thinkMinMs: number;
  thinkMaxMs: number;
  waves: WaveStep[];
  /** Step-up: no further wave after one whose p99 exceeded this. */
  stopAboveP99Ms?: number;
}

/** Phase times of one wave (epoch ms). */
export interface WavePhases {
  peak: number;
  baselineStart: number;
  spikeStart: number;
  holdStart: number;
  holdEnd: number;
  recoverEnd: number;
}

/** The generator's result file. */
export interface LoadResult extends RequestLogData {
  started: number;
  loginsDone: number;
  waves: WavePhases[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Runs the plan; returns the log and phase times. */
export async function generateLoad(plan: LoadPlan): Promise<LoadResult> {
  const log = new RequestLog();
  const started = Date.now();
  const options = {
    portalUrl: plan.portalUrl,
    password: plan.password,
    thinkMinMs: plan.thinkMinMs,
    thinkMaxMs: plan.thinkMaxMs,
  };
  const users = plan.emails.map((email) => new VirtualUser(email, options, log));
  // Staggered logins, as people arrive; a failed login leaves that user out of the waves.
  const loggedIn: VirtualUser[] = [];
  // At most `loginConcurrency` logins in flight: a production-cost hash holds a thread of the
  // portal's pool for a quarter of a second or more, and a queue of them would let authorization
  // codes expire (60 s) before their exchange is served; the wave measures work, not a login storm.
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    while (inFlight >= plan.loginConcurrency) await new Promise<void>((r) => waiting.push(r));
    inFlight += 1;
  };
  const release = () => {
    inFlight -= 1;
    waiting.shift()?.();
  };
  const logins = users.map(async (user, index) => {
    await sleep((index * 1000) / plan.loginsPerSecond);
    await acquire();
    try {
      await user.logIn();
      loggedIn.push(user);
      if (index < plan.baselineUsers) user.activate();
    } catch {
      // logged as a failed login
    } finally {
      release();
    }
  });
  await Promise.all(logins);
  const loginsDone = Date.now();
  const baseline = users.slice(0, plan.baselineUsers).filter((u) => loggedIn.includes(u));
  const waves: WavePhases[] = [];
  for (const step of plan.waves) {
    const baselineStart = Date.now();
    await sleep(plan.baselineSeconds * 1000);
    const spikeStart = Date.now();
    const extra = users.slice(plan.baselineUsers, step.peak).filter((u) => loggedIn.includes(u));
    const spacing = extra.length > 0 ? (step.rampSeconds * 1000) / extra.length : 0;
    for (const [index, user] of extra.entries()) {
      await sleep(spikeStart + index * spacing - Date.now());
      user.activate();
    }
    const holdStart = Date.now();
    await sleep(spikeStart + (step.rampSeconds + step.holdSeconds) * 1000 - Date.now());
    for (const user of extra) user.deactivate();
    const holdEnd = Date.now();
    await sleep(plan.recoverSeconds * 1000);
    waves.push({
      peak: baseline.length + extra.length,
      baselineStart,
      spikeStart,
      holdStart,
      holdEnd,
      recoverEnd: Date.now(),
    });
    const last = waves.at(-1)!;
    const inWave = log.data.requests.filter(
      ([, at]) => at >= last.baselineStart && at < last.recoverEnd,
    );
    if (
      plan.stopAboveP99Ms !== undefined &&
      percentile(
        inWave.map(([, , ms]) => ms),
        0.99,
      ) > plan.stopAboveP99Ms
    )
      break;
  }
  await Promise.all(users.map((u) => u.stop()));
  return { ...log.data, started, loginsDone, waves };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const [planFile, resultFile] = process.argv.slice(2);
  if (!planFile || !resultFile)
    throw new Error('usage: load-generator.ts <plan.json> <result.json>');
  const plan = JSON.parse(await readFile(planFile, 'utf8')) as LoadPlan;
  const result = await generateLoad(plan);
  await writeFile(resultFile, JSON.stringify(result));
}
