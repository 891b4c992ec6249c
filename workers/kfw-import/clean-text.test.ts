import { describe, expect, it } from 'vitest';
import type { CellInput } from './cell-value.js';
import { cleanText, formulaSafe, textCell } from './clean-text.js';

describe('cleanText', () => {
  it.each([
    ['  Müller GmbH  ', 'Müller GmbH'],
    ['Müller\u00a0GmbH', 'Müller GmbH'],
    ['Müller \u00a0 \n GmbH', 'Müller GmbH'],
    ['Mu\u0308ller', 'Müller'],
    ['Mül\u200bler', 'Müller'],
    ['a\tb\r\nc', 'a b c'],
  ])('turns %j into %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('textCell', () => {
  const text = textCell(20);
  it.each<[CellInput, string | null]>([
    ['Hauptstraße', 'Hauptstraße'],
    [12, '12'],
    ['   ', null],
    [null, null],
  ])('reads %j as %j', (cell, expected) => {
    expect(text(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellInput]>([
    ['=HYPERLINK("http://x","klick")'],
    ['+cmd|calc'],
    ['-2+3'],
    ['@SUMME(A1)'],
    ['\t=1+1'],
    ['\r\n=1+1'],
  ])('rejects the formula-looking %j', (cell) => {
    expect(text(cell)).toMatchObject({ ok: false, code: 'FORMULA_LIKE' });
  });

  it('rejects text longer than the column allows', () => {
    expect(text('x'.repeat(21))).toMatchObject({ ok: false, code: 'TOO_LONG' });
  });
});

describe('formulaSafe', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-5', "'-5"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Müller', 'Müller'],
  ])('writes %j as %j', (input, expected) => {
    expect(formulaSafe(input)).toBe(expected);
  });
  it('leaves numbers and dates alone', () => {
    expect(formulaSafe(-5)).toBe(-5);
  });
});
