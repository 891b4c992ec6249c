import { describe, expect, it } from 'vitest';
import { firstFiring, nextFiring, parseDateTime, type TimerKind } from './timer-schedule.js';

const at = (iso: string): number => Date.parse(iso);
const now = at('2026-11-24T10:00:00Z');

describe('firstFiring', () => {
  it.each([
    ['timeDate', '2026-12-01T10:00:00+01:00', '2026-12-01T09:00:00.000Z', 1],
    ['timeDuration', 'PT10M', '2026-11-24T10:10:00.000Z', 1],
    ['timeDuration', 'P1M', '2026-12-24T10:00:00.000Z', 1],
    ['timeCycle', 'R3/PT10M', '2026-11-24T10:10:00.000Z', 3],
    ['timeCycle', 'R/PT1H', '2026-11-24T11:00:00.000Z', -1],
    ['timeCycle', 'R2/2026-12-01T08:00:00Z/P1D', '2026-12-01T08:00:00.000Z', 2],
    ['timeCycle', '0 0 9 * * MON-FRI', '2026-11-25T09:00:00.000Z', -1],
  ] as [TimerKind, string, string, number][])(
    '%s %s fires at %s, %s times',
    (kind, text, due, repetitions) => {
      // when
      const result = firstFiring(kind, text, now);
      // then
      expect(result.ok && new Date(result.schedule.dueDate).toISOString()).toBe(due);
      expect(result.ok && result.schedule.repetitions).toBe(repetitions);
    },
  );

  it.each([
    ['timeDate', '2026-12-01T10:00:00', "Invalid time date '2026-12-01T10:00:00'"],
    ['timeDuration', '10 minutes', "Invalid duration '10 minutes'"],
    ['timeCycle', 'R3', "Invalid time cycle 'R3'"],
    ['timeCycle', 'R0/PT1H', "Invalid time cycle 'R0/PT1H': it never fires"],
  ] as [TimerKind, string, string][])('rejects %s %s naming the text', (kind, text, message) => {
    const result = firstFiring(kind, text, now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });
});

describe('nextFiring', () => {
  it('counts down a bounded cycle and ends it', () => {
    // given R3/PT10M fired first at 10:10 with 3 repetitions left including that one
    const first = at('2026-11-24T10:10:00Z');
    // when
    const second = nextFiring('R3/PT10M', first, 3);
    const third = second && nextFiring('R3/PT10M', second.dueDate, second.repetitions);
    const fourth = third && nextFiring('R3/PT10M', third.dueDate, third.repetitions);
    // then
    expect(second).toEqual({ dueDate: at('2026-11-24T10:20:00Z'), repetitions: 2 });
    expect(third).toEqual({ dueDate: at('2026-11-24T10:30:00Z'), repetitions: 1 });
    expect(fourth).toBeUndefined();
  });

  it('keeps an unbounded cycle unbounded', () => {
    expect(nextFiring('R/P1D', at('2026-01-31T08:00:00Z'), -1)).toEqual({
      dueDate: at('2026-02-01T08:00:00Z'),
      repetitions: -1,
    });
  });

  it('moves an overdue occurrence past now', () => {
    expect(nextFiring('R/PT1H', at('2026-11-24T05:00:00Z'), -1, now)).toEqual({
      dueDate: at('2026-11-24T11:00:00Z'),
      repetitions: -1,
    });
  });

  it('follows a cron schedule', () => {
    expect(nextFiring('0 0 9 * * MON-FRI', at('2026-11-27T09:00:00Z'), -1)).toEqual({
      dueDate: at('2026-11-30T09:00:00Z'),
      repetitions: -1,
    });
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2026-12-01T10:00:00Z', at('2026-12-01T10:00:00Z')],
    ['2026-12-01T10:00:00+01:00[Europe/Berlin]', at('2026-12-01T09:00:00Z')],
    ['2026-12-01', undefined],
  ])('%s -> %s', (text, expected) => {
    expect(parseDateTime(text)).toBe(expected);
  });
});
