import { describe, expect, it } from 'vitest';
import type { CellInput } from './cell-value.js';
import { plzCell } from './coerce-plz.js';

describe('plzCell', () => {
  it.each<[CellInput, string | null]>([
    [1067, '01067'],
    [20095, '20095'],
    ['01067', '01067'],
    [' 01067\u00a0', '01067'],
    ['1067', '01067'],
    ['D-80331', '80331'],
    [null, null],
    ['', null],
  ])('reads %j as %j', (cell, expected) => {
    expect(plzCell(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellInput]>([[123], [100000], [1067.5], ['0106'], ['ABCDE'], ['010677'], ['00999']])(
    'rejects %j with PLZ_INVALID',
    (cell) => {
      const result = plzCell(cell);
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({
        code: 'PLZ_INVALID',
        message: expect.stringContaining('Postleitzahl'),
      });
    },
  );
});
