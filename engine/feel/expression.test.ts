import { describe, expect, it } from 'vitest';
import { expressionSource, isExpression, parseExpression } from './index.js';

describe('isExpression', () => {
  it.each([
    ['=caseId', true],
    ['= "case:" + caseId', true],
    ['  =x', true],
    ['case-validate', false],
    ['3', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('%j -> %s', (text, expected) => {
    expect(isExpression(text)).toBe(expected);
  });

  it.each([
    ['=caseId', 'caseId'],
    ['= "case:" + caseId', ' "case:" + caseId'],
    ['  =x', 'x'],
  ])('the source of %j is %j', (text, source) => {
    expect(expressionSource(text)).toBe(source);
  });
});

describe('parseExpression', () => {
  it.each([
    '"case:" + caseId',
    'count(findings) = 0',
    'decision = "approve"',
    'periodIds',
    'if valid then "ok" else "rework"',
    'date and time(x) + duration("P14D")',
    'get or else(priority, 50)',
    'is defined(report.findings)',
    'put all(a, {b: 1})',
    'last day of month(today())',
    '{a: 1, b: [1, 2]}',
    'for p in periodIds return {periodId: p}',
    'some f in findings satisfies f.severity = "error"',
    '`first name`',
  ])('accepts %s', (source) => {
    expect(parseExpression(source)).toEqual({ ok: true });
  });

  it.each([
    ['1 +', "failed to parse expression '1 +': incomplete <ArithmeticExpression> at position 3"],
    ['foo(', "failed to parse expression 'foo(': incomplete <FunctionInvocation> at position 4"],
    ['a ) b', "failed to parse expression 'a ) b': unexpected ')' in <Expression> at position 2"],
    [
      'if x then 1',
      "failed to parse expression 'if x then 1': incomplete <IfExpression> at position 11",
    ],
    ['', "failed to parse expression '': the expression is empty"],
  ])('rejects %j naming the expression and the position', (source, message) => {
    expect(parseExpression(source)).toEqual({ ok: false, code: 'FEEL_SYNTAX_ERROR', message });
  });
});
