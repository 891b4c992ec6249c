import { describe, expect, it } from 'vitest';
import type { CellInput } from './cell-value.js';
import { amountCell, numberCell, positiveCountCell } from './coerce-number.js';

describe('numberCell', () => {
  it.each<[CellInput, number | null]>([
    [1234.56, 1234.56],
    ['1.234,56', 1234.56],
    ['1234,56', 1234.56],
    ['12.345.678,9', 12345678.9],
    ['1.234', 1234],
    ['12 345,00 €', 12345],
    ['12\u00a0345,00 EUR', 12345],
    ['1234.56', 1234.56],
    ['-5', -5],
    ['', null],
  ])('reads %j as %j', (cell, expected) => {
    expect(numberCell(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellInput]>([['1,234.56'], ['12,34,56'], ['zwölf'], ['1.23.4'], [true]])(
    'rejects %j with NUMBER_INVALID',
    (cell) => {
      expect(numberCell(cell)).toMatchObject({ ok: false, code: 'NUMBER_INVALID' });
    },
  );
});

describe('amountCell', () => {
  it.each<[CellInput, string | null]>([
    [45000, '45000.00'],
    ['1.234,5', '1234.50'],
    [4500.000000001, '4500.00'],
    [0, '0.00'],
    [null, null],
  ])('reads %j as the exact amount %j', (cell, expected) => {
    expect(amountCell(cell)).toEqual({ ok: true, value: expected });
  });

  it('rejects a negative amount', () => {
    expect(amountCell('-1,00')).toMatchObject({
      ok: false,
      code: 'AMOUNT_NEGATIVE',
      message: expect.stringContaining('-1,00 €'),
    });
  });
});

describe('positiveCountCell', () => {
  it.each<[CellInput, number]>([
    [6, 6],
    ['6', 6],
    [6.0, 6],
  ])('reads %j as %j', (cell, expected) => {
    expect(positiveCountCell(cell)).toEqual({ ok: true, value: expected });
  });
  it.each<[CellInput, string]>([
    [0, 'COUNT_NOT_POSITIVE'],
    [-2, 'COUNT_NOT_POSITIVE'],
    [2.5, 'COUNT_NOT_INTEGER'],
    ['2,5', 'COUNT_NOT_INTEGER'],
  ])('rejects %j with %s', (cell, code) => {
    expect(positiveCountCell(cell)).toMatchObject({ ok: false, code });
  });
});
