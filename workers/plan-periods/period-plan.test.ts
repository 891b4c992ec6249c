import { describe, expect, it } from 'vitest';
import { addMonths, planPeriods } from './period-plan.js';

describe('planPeriods', () => {
  it('plans six yearly periods from the first commissioning, each due 90 days after its end', () => {
    // when a KfW 441 case commissioned on 15 March 2024 is planned
    const periods = planPeriods({ start: '2024-03-15', years: 6, rhythm: 'JAEHRLICH' });
    // then there are six gapless years, the last ending the day before the purpose binding ends
    expect(periods).toHaveLength(6);
    expect(periods[0]).toEqual({ von: '2024-03-15', bis: '2025-03-14', frist: '2025-06-12' });
    expect(periods[5]).toEqual({ von: '2029-03-15', bis: '2030-03-14', frist: '2030-06-12' });
    periods.slice(1).forEach((period, i) => {
      expect(period.von > periods[i]!.bis).toBe(true);
    });
  });

  it('plans twelve half-yearly periods for a half-yearly programme', () => {
    const periods = planPeriods({ start: '2024-01-01', years: 6, rhythm: 'HALBJAEHRLICH' });
    expect(periods).toHaveLength(12);
    expect(periods.slice(0, 2)).toEqual([
      { von: '2024-01-01', bis: '2024-06-30', frist: '2024-09-28' },
      { von: '2024-07-01', bis: '2024-12-31', frist: '2025-03-31' },
    ]);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-12-15', 1, '2025-01-15'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
