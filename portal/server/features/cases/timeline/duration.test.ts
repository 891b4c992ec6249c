import { describe, expect, it } from 'vitest';
import { durationMs } from './case-timeline.js';

describe('durationMs (timer durations of the timeline)', () => {
  it.each([
    ['P90D', 90 * 86_400_000],
    ['P14D', 14 * 86_400_000],
    ['P2W', 14 * 86_400_000],
    ['PT1H30M', 5_400_000],
    ['P1DT12H', 36 * 3_600_000],
    ['PT0.5S', 500],
  ])('reads %s', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });

  it.each(['P', 'PT', 'P1M', 'P1Y', '14 Tage', ''])(
    'gives no date for %j (months and years have no fixed length)',
    (text) => {
      expect(durationMs(text)).toBeNull();
    },
  );
});
