import { describe, expect, it } from 'vitest';
import { feelExpressionLanguage } from './expression-language.js';

const env = { now: Date.parse('2026-11-24T10:00:00Z'), random: () => 0.5 };

describe('feelExpressionLanguage (the core port)', () => {
  it.each([
    ['="case:" + caseId', true],
    ['case-validate', false],
  ])('%s is an expression: %s', (source, expected) => {
    expect(feelExpressionLanguage.isExpression(source)).toBe(expected);
  });

  it.each([
    ['=count(findings) = 0', undefined],
    ['count(findings) = 0', undefined],
    ['=foo(', "failed to parse expression 'foo(': incomplete <FunctionInvocation> at position 4"],
  ])('syntax of %s: %s', (source, expected) => {
    expect(feelExpressionLanguage.syntaxError(source)).toBe(expected);
  });

  it.each([
    ['="case:" + caseId', { caseId: 'c-1' }, 'case:c-1'],
    ['"case:" + caseId', { caseId: 'c-1' }, 'case:c-1'],
    ['=now()', {}, '2026-11-24T10:00Z'],
    ['=missing', {}, null],
  ])('evaluates %s with %j to %j', (source, variables, expected) => {
    expect(feelExpressionLanguage.evaluate(source, variables, env)).toMatchObject({
      ok: true,
      value: expected,
    });
  });

  it('reports a failed assertion as a message', () => {
    const result = feelExpressionLanguage.evaluate('=assert(x, x != null)', {}, env);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^Assertion failure on evaluate the expression 'assert\(x, x != null\)'/,
    );
  });
});
