import { describe, expect, it } from 'vitest';
import { nextFire, parseCycle, type TimerCycle } from './cycle.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (millis: number | null): string | null =>
  millis === null ? null : new Date(millis).toISOString();

function cycle(text: string): TimerCycle {
  const parsed = parseCycle(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** Fires the cycle on time, starting at `created`, and lists the due dates (at most `limit`). */
function schedule(text: string, created: string, limit = 6): (string | null)[] {
  const parsed = cycle(text);
  const dues: (string | null)[] = [];
  let last = at(created);
  for (let fired = 0; fired < limit; fired++) {
    const next = nextFire(parsed, last, fired);
    dues.push(iso(next));
    if (next === null) break;
    last = next;
  }
  return dues;
}

describe('parseCycle', () => {
  it.each([
    ['R3/PT10M', 3, null, 'PT10M'],
    ['R/PT1H', null, null, 'PT1H'],
    ['R5/2026-12-01T10:00:00Z/P1D', 5, '2026-12-01T10:00:00Z', 'P1D'],
    [
      'R/2026-03-28T10:00:00+01:00[Europe/Berlin]/P1D',
      null,
      '2026-03-28T10:00:00+01:00[Europe/Berlin]',
      'P1D',
    ],
  ])('%s: %s repetitions, start %s, interval %s', (text, repetitions, start, interval) => {
    // when
    const parsed = cycle(text);
    // then
    expect(parsed).toMatchObject({ kind: 'repeating', repetitions, interval: { text: interval } });
    expect(parsed.kind === 'repeating' && (parsed.start?.text ?? null)).toBe(start);
  });

  it.each([
    ['R3', 'no interval given'],
    ['Rx/PT1H', "repetitions 'x' is not a whole number"],
    ['R3/PT', "Invalid duration 'PT'"],
    ['R3/2026-12-01T10:00:00/P1D', "start: Invalid time date '2026-12-01T10:00:00'"],
    ['every hour', 'expected an ISO 8601 repeating interval such as R3/PT10M or a cron expression'],
  ])('rejects %s: %s', (text, reason) => {
    // when
    const parsed = parseCycle(text);
    // then
    expect(parsed).toMatchObject({ ok: false, code: 'INVALID_CYCLE' });
    expect(!parsed.ok && parsed.message).toContain(`Invalid time cycle '${text}'`);
    expect(!parsed.ok && parsed.message).toContain(reason);
  });
});

describe('nextFire', () => {
  it.each([
    [
      'R3/PT10M',
      '2026-01-01T10:00:00Z',
      ['2026-01-01T10:10:00.000Z', '2026-01-01T10:20:00.000Z', '2026-01-01T10:30:00.000Z', null],
    ],
    [
      'R2/P1M',
      '2026-01-31T10:00:00Z',
      ['2026-02-28T10:00:00.000Z', '2026-03-28T10:00:00.000Z', null],
    ],
    [
      'R3/2026-12-01T10:00:00Z/P1D',
      '2026-11-20T08:00:00Z',
      ['2026-12-01T10:00:00.000Z', '2026-12-02T10:00:00.000Z', '2026-12-03T10:00:00.000Z', null],
    ],
    // a start with a region keeps 10:00 Berlin time across the DST change
    [
      'R3/2026-03-28T10:00:00+01:00[Europe/Berlin]/P1D',
      '2026-03-01T00:00:00Z',
      ['2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z', null],
    ],
    ['R0/PT1H', '2026-01-01T00:00:00Z', [null]],
  ])('%s created at %s fires at %j', (text, created, expected) => {
    expect(schedule(text, created)).toEqual(expected);
  });

  it('repeats an infinite cycle forever', () => {
    // given
    const hourly = cycle('R/PT1H');
    // when
    const thousandth = nextFire(hourly, at('2026-01-01T00:00:00Z'), 1000);
    // then
    expect(iso(thousandth)).toBe('2026-01-01T01:00:00.000Z');
  });

  it('fires at once when the start date has passed', () => {
    // given a daily cycle that started before the timer was created
    const daily = cycle('R/2026-01-01T06:00:00Z/P1D');
    // when
    const first = nextFire(daily, at('2026-06-01T12:00:00Z'), 0);
    // then
    expect(iso(first)).toBe('2026-06-01T12:00:00.000Z');
  });

  it('moves an overdue occurrence to one interval after now instead of firing at once', () => {
    // given an hourly timer that last fired at 10:00 and an engine that was down until 15:10
    const hourly = cycle('R/PT1H');
    // when
    const next = nextFire(hourly, at('2026-01-01T10:00:00Z'), 1, at('2026-01-01T15:10:00Z'));
    // then
    expect(iso(next)).toBe('2026-01-01T16:10:00.000Z');
  });
});
