/**
 * Typed evaluation fails like Zeebe 8.8's ExpressionProcessor, with the same incident messages
 * (e.g. Operate's "Expected result of the expression 'orderValue >= 100' to be 'BOOLEAN', but
 * was 'NULL'. The evaluation reported the following warnings: ...").
 */
import { describe, expect, it } from 'vitest';
import {
  evaluateBoolean,
  evaluateContext,
  evaluateCorrelationKey,
  evaluateCycle,
  evaluateDateTime,
  evaluateInteger,
  evaluateInterval,
  evaluateList,
  evaluateNumber,
  evaluateString,
  evaluateStringList,
} from './index.js';

describe('typed evaluation: values', () => {
  it.each([
    ['boolean', () => evaluateBoolean('decision = "approve"', { decision: 'approve' }), true],
    ['string', () => evaluateString('"case:" + caseId', { caseId: 'c-1' }), 'case:c-1'],
    ['number', () => evaluateNumber('amount * 0.5', { amount: 3 }), 1.5],
    ['integer', () => evaluateInteger('retries + 1', { retries: 2 }), 3],
    ['list', () => evaluateList('periodIds', { periodIds: ['p1', 'p2'] }), ['p1', 'p2']],
    [
      'string list',
      () => evaluateStringList('["case:" + caseId, "case-officer"]', { caseId: 'c-1' }),
      ['case:c-1', 'case-officer'],
    ],
    [
      'context',
      () => evaluateContext('{a: x, b: {c: date("2026-01-01")}}', { x: 1 }),
      { a: 1, b: { c: '2026-01-01' } },
    ],
    ['correlation key string', () => evaluateCorrelationKey('caseId', { caseId: 'c-1' }), 'c-1'],
    ['correlation key number', () => evaluateCorrelationKey('orderId', { orderId: 42 }), '42'],
    ['correlation key decimal', () => evaluateCorrelationKey('orderId', { orderId: 42.7 }), '42'],
  ])('%s', (_kind, run, expected) => {
    expect(run()).toMatchObject({ ok: true, value: expected });
  });
});

describe('typed evaluation: Zeebe incident messages', () => {
  it.each([
    [
      'condition on a missing variable',
      () => evaluateBoolean('x > 1', {}),
      "Expected result of the expression 'x > 1' to be 'BOOLEAN', but was 'NULL'. The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'x'",
    ],
    [
      'condition that is a string',
      () => evaluateBoolean('"yes"', {}),
      "Expected result of the expression '\"yes\"' to be 'BOOLEAN', but was 'STRING'.",
    ],
    [
      'job type from a missing variable',
      () => evaluateString('x', {}),
      "Expected result of the expression 'x' to be 'STRING', but was 'NULL'. The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'x'",
    ],
    [
      'retries that are a decimal',
      () => evaluateInteger('2.5', {}),
      "Expected result of the expression '2.5' to be an integer, but was a decimal.",
    ],
    [
      'retries that are text',
      () => evaluateNumber('"3"', {}),
      "Expected result of the expression '\"3\"' to be 'NUMBER', but was 'STRING'.",
    ],
    [
      'input collection that is not a list',
      () => evaluateList('periodIds', { periodIds: 'p1' }),
      "Expected result of the expression 'periodIds' to be 'ARRAY', but was 'STRING'.",
    ],
    [
      'candidate groups as a single string',
      () => evaluateStringList('"case:" + caseId', { caseId: 'c-1' }),
      "Expected result of the expression '\"case:\" + caseId' to be 'ARRAY', but was 'STRING'.",
    ],
    [
      'candidate groups with a number',
      () => evaluateStringList('["a", 1]', {}),
      "Expected result of the expression '[\"a\", 1]' to be 'ARRAY' containing 'STRING' items, but was 'ARRAY' containing at least one non-'STRING' item.",
    ],
    [
      'correlation key that is missing',
      () => evaluateCorrelationKey('key', {}),
      "Failed to extract the correlation key for 'key': The value must be either a string or a number, but was 'NULL'. The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'key'",
    ],
    [
      'mapping result that is not a context',
      () => evaluateContext('1', {}),
      "Expected result of the expression '1' to be 'OBJECT', but was 'NUMBER'.",
    ],
    [
      'timer duration of the wrong type',
      () => evaluateInterval('5', {}),
      "Expected result of the expression '5' to be one of '[DURATION, PERIOD, STRING]', but was 'NUMBER'.",
    ],
    [
      'timer duration text',
      () => evaluateInterval('"10 minutes"', {}),
      "Invalid duration format '10 minutes' for expression '\"10 minutes\"'.",
    ],
    [
      'timer date text',
      () => evaluateDateTime('"tomorrow"', {}),
      "Invalid date-time format 'tomorrow' for expression '\"tomorrow\"'.",
    ],
    [
      'timer date that is a date',
      () => evaluateDateTime('date("2026-12-01")', {}),
      "Expected result of the expression 'date(\"2026-12-01\")' to be one of '[DATE_TIME, STRING]', but was 'UNKNOWN'.",
    ],
  ])('%s', (_case, run, message) => {
    // when
    const result = run();
    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(message);
  });
});

describe('typed evaluation: timers and dates', () => {
  it.each([
    ['@"2026-12-01T10:00:00Z"', '2026-12-01T10:00:00.000Z', '2026-12-01T10:00Z'],
    ['"2026-12-01T10:00:00+01:00"', '2026-12-01T09:00:00.000Z', '2026-12-01T10:00+01:00'],
    [
      '"2026-12-01T10:00:00+01:00[Europe/Berlin]"',
      '2026-12-01T09:00:00.000Z',
      '2026-12-01T10:00+01:00[Europe/Berlin]',
    ],
    ['date and time(start) + duration("P14D")', '2026-12-15T10:00:00.000Z', '2026-12-15T10:00Z'],
    [
      '@"2026-12-01T10:00:00@Europe/Berlin"',
      '2026-12-01T09:00:00.000Z',
      '2026-12-01T10:00+01:00[Europe/Berlin]',
    ],
    ['@"2026-12-01T10:00:00"', '2026-12-01T10:00:00.000Z', '2026-12-01T10:00Z'],
    ['now() + duration("PT1H")', '2026-11-24T11:00:00.000Z', '2026-11-24T11:00Z'],
  ])('date-time %s is %s, stored as %s', (source, instant, iso) => {
    // when
    const result = evaluateDateTime(
      source,
      { start: '2026-12-01T10:00:00Z' },
      { now: Date.parse('2026-11-24T10:00:00Z') },
    );
    // then
    expect(result.ok && result.value && new Date(result.value.epochMillis).toISOString()).toBe(
      instant,
    );
    expect(result.ok && result.value?.iso).toBe(iso);
  });

  it.each([
    ['null', null],
    ['""', null],
    ['dueDate', null],
  ])('a nullable due date %s gives null', (source, expected) => {
    expect(evaluateDateTime(source, {}, { nullable: true })).toMatchObject({
      ok: true,
      value: expected,
    });
  });

  it.each([
    ['duration("PT10M")', { years: 0, months: 0, days: 0, exactMillis: 600_000, text: 'PT10M' }],
    ['duration("P1D")', { years: 0, months: 0, days: 0, exactMillis: 86_400_000, text: 'PT24H' }],
    ['duration("P1Y2M")', { years: 1, months: 2, days: 0, exactMillis: 0, text: 'P1Y2M' }],
    ['"P14D"', { years: 0, months: 0, days: 14, exactMillis: 0, text: 'P14D' }],
    [
      '"PT" + string(minutes) + "M"',
      { years: 0, months: 0, days: 0, exactMillis: 300_000, text: 'PT5M' },
    ],
  ])('interval %s', (source, expected) => {
    expect(evaluateInterval(source, { minutes: 5 })).toEqual({
      ok: true,
      value: expected,
      warnings: [],
    });
  });

  it.each([
    ['"R3/PT10M"', { kind: 'repeating', repetitions: 3 }],
    ['"R/P" + string(days) + "D"', { kind: 'repeating', repetitions: null }],
    ['"0 0 9 * * MON-FRI"', { kind: 'cron' }],
  ])('cycle %s', (source, expected) => {
    expect(evaluateCycle(source, { days: 1 })).toMatchObject({ ok: true, value: expected });
  });

  it('names the expression when a cycle is invalid', () => {
    const result = evaluateCycle('"R3"', {});
    expect(result).toMatchObject({ ok: false, code: 'FEEL_INVALID_FORMAT' });
    expect(!result.ok && result.message).toBe(
      "Invalid time cycle 'R3': no interval given; expected e.g. R3/PT10M, R/PT1H or R5/2026-12-01T10:00:00Z/P1D (expression '\"R3\"')",
    );
  });
});
