/**
 * The figures of a wave from the generator's request log: percentiles over the whole run, the
 * baseline's p99, and the recovery time (from the end of the spike, when the load goes back to
 * the baseline, until the p99 of a 5 s window is within 1.5x the baseline's again).
 */
import type { RequestEntry } from './request-log.js';
import type { WavePhases } from './load-generator.js';

/** The nearest-rank percentile `q` (0..1) of `values`; 0 for none. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

const durations = (entries: readonly RequestEntry[], from: number, to: number) =>
  entries.filter(([, at]) => at >= from && at < to).map(([, , ms]) => ms);

/** Figures of one wave. */
export interface WaveFigures {
  peakUsers: number;
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  baselineP99Ms: number;
  /** null when the p99 never came back within the recovery period. */
  recoverySeconds: number | null;
}

/** Window and tolerance of the recovery rule. */
export const recoveryWindowMs = 5_000;
export const recoveryFactor = 1.5;

/**
 * Figures of the requests from `from` to the wave's `recoverEnd`. The recovery is the first
 * whole second s after `holdEnd` at which the window [holdEnd + s, holdEnd + s + 5 s) has a p99
 * within 1.5x the baseline's.
 */
export function waveFigures(
  requests: readonly RequestEntry[],
  wave: WavePhases,
  from: number,
): WaveFigures {
  const inRun = requests.filter(([, at]) => at >= from && at < wave.recoverEnd);
  const all = inRun.map(([, , ms]) => ms);
  const baselineP99Ms = percentile(durations(requests, wave.baselineStart, wave.spikeStart), 0.99);
  let recoverySeconds: number | null = null;
  for (let s = 0; wave.holdEnd + s * 1000 + recoveryWindowMs <= wave.recoverEnd; s++) {
    const start = wave.holdEnd + s * 1000;
    const window = durations(requests, start, start + recoveryWindowMs);
    if (window.length > 0 && percentile(window, 0.99) <= recoveryFactor * baselineP99Ms) {
      recoverySeconds = s;
      break;
    }
  }
  return {
    peakUsers: wave.peak,
    requests: inRun.length,
    errors: inRun.filter(([, , , ok]) => !ok).length,
    p50Ms: percentile(all, 0.5),
    p95Ms: percentile(all, 0.95),
    p99Ms: percentile(all, 0.99),
    baselineP99Ms,
    recoverySeconds,
  };
}
