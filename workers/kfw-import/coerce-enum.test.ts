import { describe, expect, it } from 'vitest';
import type { CellInput } from './cell-value.js';
import {
  anredeCell,
  antragsstatusCell,
  antragstellertypCell,
  bundeslandCell,
  deMinimisCell,
  programmCell,
} from './coerce-enum.js';
import type { Coerced } from './coercion.js';

type Case = [string, (cell: CellInput) => Coerced<unknown>, CellInput, unknown];

describe('vocabularies', () => {
  it.each<Case>([
    ['Programm', programmCell, 441, 'KFW_441'],
    ['Programm', programmCell, '439', 'KFW_439'],
    ['Programm', programmCell, 'KfW 440', 'KFW_440'],
    ['Antragsstatus', antragsstatusCell, 'zugesagt ', 'ZUGESAGT'],
    ['Antragsstatus', antragsstatusCell, 'Ausgezahlt', 'AUSGEZAHLT'],
    ['Antragstellertyp', antragstellertypCell, 'Gemeinnu\u0308tzige Organisation', 'GEMEINNUETZIG'],
    ['Antragstellertyp', antragstellertypCell, 'weg', 'WEG'],
    ['Antragstellertyp', antragstellertypCell, 'Kommune', 'KOMMUNE'],
    ['Anrede', anredeCell, 'Frau', 'FRAU'],
    ['De-minimis', deMinimisCell, 'JA', true],
    ['De-minimis', deMinimisCell, 'nein', false],
    ['De-minimis', deMinimisCell, false, false],
    ['Bundesland', bundeslandCell, 'thüringen', 'Thüringen'],
    ['Bundesland', bundeslandCell, 'Baden-Wuerttemberg', 'Baden-Württemberg'],
  ])('%s %j -> %j', (_column, coerce, cell, expected) => {
    expect(coerce(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, (cell: CellInput) => Coerced<unknown>, CellInput, string]>([
    ['Programm', programmCell, 442, 'PROGRAMM_UNKNOWN'],
    ['Antragsstatus', antragsstatusCell, 'Abgelehnt', 'ANTRAGSSTATUS_UNKNOWN'],
    ['Antragstellertyp', antragstellertypCell, 'Verein', 'ANTRAGSTELLERTYP_UNKNOWN'],
    ['Anrede', anredeCell, 'Dr.', 'ANREDE_UNKNOWN'],
    ['De-minimis', deMinimisCell, 'vielleicht', 'DE_MINIMIS_INVALID'],
    ['Bundesland', bundeslandCell, 'Preußen', 'BUNDESLAND_UNKNOWN'],
  ])('%s rejects %j naming what is allowed', (_column, coerce, cell, code) => {
    expect(coerce(cell)).toMatchObject({
      ok: false,
      code,
      message: expect.stringContaining('erlaubt: „'),
    });
  });
});
