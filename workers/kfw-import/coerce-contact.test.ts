import { describe, expect, it } from 'vitest';
import type { CellInput } from './cell-value.js';
import { emailCell, telefonCell } from './coerce-contact.js';

describe('emailCell', () => {
  it.each<[CellInput, string]>([
    ['Jana.Mueller@Example.DE', 'jana.mueller@example.de'],
    [' jana@example.de\u00a0', 'jana@example.de'],
    ['mailto:jana@example.de', 'jana@example.de'],
  ])('reads %j as %j', (cell, expected) => {
    expect(emailCell(cell)).toEqual({ ok: true, value: expected });
  });
  it.each<[CellInput]>([
    ['jana@'],
    ['jana example.de'],
    ['@example.de'],
    ['jana@example'],
    ['a@b@c.de'],
  ])('rejects %j', (cell) => {
    expect(emailCell(cell).ok).toBe(false);
  });
});

describe('telefonCell', () => {
  it.each<[CellInput, string]>([
    ['+49 30 1234567', '+49 30 1234567'],
    ['030/1234567', '030/1234567'],
    [301234567, '301234567'],
  ])('reads %j as %j', (cell, expected) => {
    expect(telefonCell(cell)).toEqual({ ok: true, value: expected });
  });
  it.each<[CellInput, string]>([
    ['=1+1', 'FORMULA_LIKE'],
    ['ruf an', 'TELEFON_INVALID'],
  ])('rejects %j with %s', (cell, code) => {
    expect(telefonCell(cell)).toMatchObject({ ok: false, code });
  });
});
