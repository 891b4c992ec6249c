import { describe, expect, it } from 'vitest';
import type { CellInput } from './cell-value.js';
import { dateCell } from './coerce-date.js';

describe('dateCell', () => {
  it.each<[string, CellInput, string | null]>([
    ['a date cell', new Date(Date.UTC(2024, 1, 29)), '2024-02-29'],
    ['an Excel serial', 45474, '2024-07-01'],
    ['an Excel serial with a time of day', 45474.75, '2024-07-01'],
    ['German text', '01.07.2024', '2024-07-01'],
    ['German text without leading zeros', '1.7.2024', '2024-07-01'],
    ['German text with spaces', ' 29.02.2024\u00a0', '2024-02-29'],
    ['ISO text', '2024-07-01', '2024-07-01'],
    ['an empty cell', null, null],
  ])('reads %s', (_case, cell, expected) => {
    expect(dateCell(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, CellInput, string]>([
    ['31 February', '31.02.2024', 'DATE_NOT_REAL'],
    ['29 February in a common year', '29.02.2023', 'DATE_NOT_REAL'],
    ['month 13', '01.13.2024', 'DATE_NOT_REAL'],
    ['a two-digit year', '01.07.24', 'DATE_INVALID'],
    ['US order with slashes', '07/01/2024', 'DATE_INVALID'],
    ['words', 'gestern', 'DATE_INVALID'],
    ['a serial from 1900', 100, 'DATE_OUT_OF_RANGE'],
    ['a year past 2099', '01.01.2100', 'DATE_OUT_OF_RANGE'],
    ['an Excel error', { excelError: '#NV' }, 'EXCEL_ERROR'],
  ])('rejects %s', (_case, cell, code) => {
    expect(dateCell(cell)).toMatchObject({ ok: false, code });
  });
});
