import { describe, expect, it } from 'vitest';
import { sqlIdentifier, sqlLiteral, sqlString } from './sql-literal.js';

describe('sqlString', () => {
  it.each([
    ['plain', "'plain'"],
    ["O'Brien", "'O\\'Brien'"],
    ['say "hi"', '\'say \\"hi\\"\''],
    ['C:\\temp\\new', "'C:\\\\temp\\\\new'"],
    ['nul\0byte', "'nul\\0byte'"],
    ['line\nbreak\r\ttab', "'line\\nbreak\\r\\ttab'"],
    ['ctrl-z\x1a', "'ctrl-z\\Z'"],
    ['Ladesäule ⚡ 🚗', "'Ladesäule ⚡ 🚗'"],
    ["\\'; DROP TABLE person; --", "'\\\\\\'; DROP TABLE person; --'"],
  ])('escapes %j', (input, expected) => {
    expect(sqlString(input)).toBe(expected);
  });
});

describe('sqlLiteral', () => {
  it.each([
    [null, 'text', 'NULL'],
    [42, 'number', '42'],
    ['45000.00', 'number', '45000.00'],
    ['1; DROP', 'number', 'NULL'],
    [1, 'boolean', '1'],
    [0, 'boolean', '0'],
    ['2024-01-20 01:47:33.120 +00:00', 'datetime', "'2024-01-20 01:47:33.120'"],
    [new Date('2024-01-20T01:47:33.120Z'), 'datetime', "'2024-01-20 01:47:33.120'"],
    ['2024-02-29', 'date', "'2024-02-29'"],
    ['not a date', 'date', 'NULL'],
  ] as const)('writes %j as a %s literal', (value, kind, expected) => {
    expect(sqlLiteral(value, kind)).toBe(expected);
  });

  it('quotes identifiers with backticks', () => {
    expect(sqlIdentifier('audit_event')).toBe('`audit_event`');
    expect(sqlIdentifier('we`ird')).toBe('`we``ird`');
  });
});
