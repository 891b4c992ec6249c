import { describe, expect, it } from 'vitest';
import type { RequestEntry } from './request-log.js';
import { percentile, waveFigures } from './wave-stats.js';

const wave = {
  peak: 3,
  baselineStart: 0,
  spikeStart: 10_000,
  holdStart: 12_000,
  holdEnd: 20_000,
  recoverEnd: 40_000,
};

/** One request every 100 ms from `from` to `to`, each taking `ms`. */
const steady = (from: number, to: number, ms: number): RequestEntry[] =>
  Array.from({ length: (to - from) / 100 }, (_, i) => ['dashboard', from + i * 100, ms, true]);

describe('wave figures', () => {
  it('takes the nearest-rank percentile', () => {
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 0.99)).toBe(100);
    expect(percentile([], 0.99)).toBe(0);
  });

  it('measures the recovery from the end of the spike until a 5 s window is within 1.5x the baseline', () => {
    // given 20 ms at the baseline, 400 ms during the spike and 3 s after it, then 25 ms again
    const requests = [
      ...steady(0, 10_000, 20),
      ...steady(10_000, 23_000, 400),
      ...steady(23_000, 40_000, 25),
    ];
    // when the figures are taken
    const figures = waveFigures(requests, wave, 0);
    // then the first window entirely after 23 s starts 3 s after the end of the spike
    expect(figures.baselineP99Ms).toBe(20);
    expect(figures.recoverySeconds).toBe(3);
    expect(figures.p99Ms).toBe(400);
    expect(figures.requests).toBe(400);
    expect(figures.errors).toBe(0);
  });

  it('counts failed requests and reports no recovery when the p99 stays high', () => {
    const requests: RequestEntry[] = [
      ...steady(0, 10_000, 20),
      ...steady(10_000, 40_000, 90),
      ['complete', 15_000, 12, false],
    ];
    const figures = waveFigures(requests, wave, 0);
    expect(figures.errors).toBe(1);
    expect(figures.recoverySeconds).toBeNull();
  });
});
