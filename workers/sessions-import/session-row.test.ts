import { describe, expect, it } from 'vitest';
import { splitCsvLine } from './csv-sessions.js';
import { offsetMinutesOf, parseDecimal } from './session-row.js';

describe('parseDecimal', () => {
  it.each([
    ['12,5', ',', 12.5],
    ['1.234,56', ',', 1234.56],
    ['0', ',', 0],
    ['-3,25', ',', -3.25],
    ['12.5', '.', 12.5],
    ['1,234.5', '.', 1234.5],
    ['12.5', ',', null],
    ['1.23,4', ',', null],
    ['12,5', '.', null],
    ['abc', ',', null],
    ['', ',', null],
  ] as const)('%s with separator %s is %s', (text, separator, expected) => {
    expect(parseDecimal(text, separator)).toBe(expected);
  });
});

describe('splitCsvLine', () => {
  it.each([
    ['a;b;c', ['a', 'b', 'c']],
    ['"a;b";c', ['a;b', 'c']],
    ['"say ""hi""";x', ['say "hi"', 'x']],
    ['a;;', ['a', '', '']],
  ])('%s', (line, cells) => {
    expect(splitCsvLine(line)).toEqual(cells);
  });
});

describe('offsetMinutesOf', () => {
  it.each([
    ['2024-06-01T08:00:00+02:00', 120],
    ['2024-01-01T08:00:00Z', 0],
    ['2024-01-01T08:00:00-0530', -330],
    ['2024-01-01T08:00:00', null],
  ])('%s', (timestamp, minutes) => {
    expect(offsetMinutesOf(timestamp)).toBe(minutes);
  });
});
