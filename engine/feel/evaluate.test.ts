/**
 * What counts as a failure. Camunda 8.8's FEEL is null-friendly ("FEEL error handling": a
 * missing variable, context entry or function, a bad call or a type mismatch give null), so
 * `evaluate` fails only on syntax errors, `assert`, missing injected sources and feelin errors;
 * the typed helpers add Zeebe's result type checks (typed-evaluation.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from './index.js';

describe('evaluate: null handling', () => {
  it.each([
    // a missing variable is null, and so is what is built on it
    ['x', {}, null],
    ['x.y', {}, null],
    ['a.b', { a: {} }, null],
    ['a.b > 10', {}, null],
    ['"case:" + caseId', {}, null],
    ['count(findings) = 0', {}, false],
    ['x = null', {}, true],
    ['x != null and x > 3', {}, false],
    ['if valid then "ok" else "rework"', {}, 'rework'],
    ['[{a: 1}, {b: 2}][a < 10]', {}, [{ a: 1 }]],
    ['get or else(a, "prio-99")', {}, 'prio-99'],
    // type mismatches give null
    ['"a" + 1', {}, null],
    ['unknownFunction(1)', {}, null],
    // values of different types are not comparable (feel-scala), even where JavaScript would coerce
    ['orderValue >= 100', { orderValue: '150' }, null],
    ['orderValue < 100', { orderValue: '99' }, null],
    ['orderValue between 1 and 200', { orderValue: '150' }, null],
    ['@"2026-01-01" > 1', {}, null],
    ['orderValue >= 100', { orderValue: 150 }, true],
    ['name < "m"', { name: 'ada' }, true],
    ['@"2026-01-02" > @"2026-01-01"', {}, true],
    ['5 in [1..10]', {}, true],
    ['15 in [1..10]', {}, false],
    ['"5" in [1..10]', {}, null],
  ])('%s with %j -> %j', (source, variables, expected) => {
    expect(evaluate(source, variables)).toMatchObject({ ok: true, value: expected });
  });

  it('explains a null in Zeebe words', () => {
    // when
    const result = evaluate('caseId', {});
    // then
    expect(result).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'NO_VARIABLE_FOUND', message: "No variable found with name 'caseId'" }],
    });
  });

  it('maps a missing output mapping source to null (Zeebe 8.8), leaving the decision to the caller', () => {
    // given a job completed without the variable that an output mapping reads
    const jobVariables = { reportId: 'r-1' };
    // when
    const result = evaluate('validationResult', jobVariables);
    // then
    expect(result).toMatchObject({ ok: true, value: null });
  });
});

describe('evaluate: failures', () => {
  it.each([
    [
      '1 +',
      'FEEL_SYNTAX_ERROR',
      "failed to parse expression '1 +': incomplete <ArithmeticExpression> at position 3",
    ],
    ['', 'FEEL_SYNTAX_ERROR', "failed to parse expression '': the expression is empty"],
    [
      'now()',
      'FEEL_MISSING_SOURCE',
      "failed to evaluate expression 'now()': now() needs the engine clock, but none was given",
    ],
  ])('%j fails with %s', (source, code, message) => {
    expect(evaluate(source, {})).toEqual({ ok: false, code, message, warnings: [] });
  });

  it('never throws, whatever the input', () => {
    const sources = [
      '{',
      ')',
      '"unterminated',
      'for x in return',
      '[1..',
      'a.b.c.d(',
      '@"nope"',
      '1 ** ** 2',
    ];
    for (const source of sources) {
      expect(() => evaluate(source, {})).not.toThrow();
    }
  });
});

describe('evaluate: variables', () => {
  it('reads nested JSON variables', () => {
    expect(
      evaluate('report.findings[1].severity', { report: { findings: [{ severity: 'error' }] } }),
    ).toMatchObject({
      ok: true,
      value: 'error',
    });
  });

  it.each([
    ['periodIds', { periodIds: ['p1', 'p2'] }, ['p1', 'p2']],
    [' caseId ', { caseId: 'c-1' }, 'c-1'],
    ['valid', { valid: null }, null],
    ['result', { result: { findings: [{ rule: 'r1' }] } }, { findings: [{ rule: 'r1' }] }],
  ])(
    'a plain variable reference %j returns the stored value without warnings',
    (source, variables, expected) => {
      expect(evaluate(source, variables)).toEqual({ ok: true, value: expected, warnings: [] });
    },
  );

  it('lets a variable shadow a function of the same name, as feelin does for its built-ins', () => {
    // given a variable named like a function
    const variables = { partition: 'north' };
    // when
    const read = evaluate('partition', variables);
    const called = evaluate('partition([1, 2], 1)', variables);
    // then
    expect(read).toMatchObject({ ok: true, value: 'north' });
    expect(called).toMatchObject({ ok: true, value: null });
  });

  it('gives the same result for the same input and sources (replay)', () => {
    // given
    const options = { now: Date.parse('2026-11-24T10:00:00Z'), random: () => 0.25 };
    // when
    const first = evaluate('{at: now(), id: uuid(), n: random number()}', {}, options);
    const second = evaluate('{at: now(), id: uuid(), n: random number()}', {}, options);
    // then
    expect(first).toEqual(second);
    expect(first).toMatchObject({ ok: true, value: { at: '2026-11-24T10:00Z', n: 0.25 } });
  });
});
