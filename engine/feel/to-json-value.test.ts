/**
 * Results become the JSON values Zeebe stores: temporals as Java's toString() prints them
 * (Zeebe's FeelToMessagePackTransformer), contexts as objects, numbers as JS doubles.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from './index.js';

describe('result values', () => {
  it.each([
    // dates and date-times
    ['date("2026-01-15")', '2026-01-15'],
    ['date and time("2026-01-15T10:00:00Z")', '2026-01-15T10:00Z'],
    ['date and time("2026-01-15T10:00:30Z")', '2026-01-15T10:00:30Z'],
    ['date and time("2026-01-15T10:00:00.5Z")', '2026-01-15T10:00:00.500Z'],
    ['date and time("2026-01-15T10:00:00+01:00")', '2026-01-15T10:00+01:00'],
    ['date and time("2026-01-15T10:00:00@Europe/Berlin")', '2026-01-15T10:00+01:00[Europe/Berlin]'],
    ['date and time("2026-07-15T10:00:00@Europe/Berlin")', '2026-07-15T10:00+02:00[Europe/Berlin]'],
    ['date and time("2026-01-15T10:00:00")', '2026-01-15T10:00'],
    ['@"2026-01-15T10:00:00Z" + duration("P14D")', '2026-01-29T10:00Z'],
    ['@"2026-01-31T10:00:00Z" + duration("P1M")', '2026-02-28T10:00Z'],
    // times
    ['time("10:00:00")', '10:00'],
    ['time("10:00:30")', '10:00:30'],
    ['time("10:00:00Z")', '10:00:00Z'],
    ['time("10:00:00+01:00")', '10:00:00+01:00'],
    // durations: days and time count hours (Java Duration), years and months are a Period
    ['duration("PT1H")', 'PT1H'],
    ['duration("PT90M")', 'PT1H30M'],
    ['duration("P1D")', 'PT24H'],
    ['duration("P14D")', 'PT336H'],
    ['duration("P1DT2H30M10.5S")', 'PT26H30M10.5S'],
    ['duration("-PT90M")', 'PT-1H-30M'],
    ['duration("PT0S")', 'PT0S'],
    ['duration("P1Y2M")', 'P1Y2M'],
    ['duration("P14M")', 'P1Y2M'],
    ['duration("P0M")', 'P0D'],
    ['years and months duration(date("2011-12-22"), date("2013-08-24"))', 'P1Y8M'],
    ['@"2026-01-20T00:00:00Z" - @"2026-01-15T12:00:00Z"', 'PT108H'],
    // numbers are JS doubles
    ['1 + 2', 3],
    ['1 / 3', 1 / 3],
    ['0.1 + 0.2', 0.30000000000000004],
    ['10 / 4', 2.5],
    ['10 / 0', null],
    // structures
    ['[1, "a", true, null]', [1, 'a', true, null]],
    ['{a: 1, b: {c: date("2026-01-01")}}', { a: 1, b: { c: '2026-01-01' } }],
    ['{"first name": "Ada"}', { 'first name': 'Ada' }],
    ['[{a: 1}, {b: 2}].a', [1, null]],
  ])('%s -> %j', (expression, expected) => {
    expect(evaluate(expression)).toMatchObject({ ok: true, value: expected });
  });

  it.each([
    ['function(a) a + 1', 'function'],
    ['[1..3]', 'range'],
  ])('%s cannot be stored and becomes null with a warning', (expression, kind) => {
    // when
    const result = evaluate(expression);
    // then
    expect(result).toMatchObject({ ok: true, value: null });
    expect(result.warnings).toEqual([
      {
        type: 'NOT_SERIALIZABLE',
        message: `A ${kind} cannot be stored as a variable; it becomes null`,
      },
    ]);
  });

  it('reads variables as plain JSON: a date-like string stays a string', () => {
    expect(evaluate('dueDate', { dueDate: '2026-12-01' })).toMatchObject({
      ok: true,
      value: '2026-12-01',
    });
  });
});
