import { describe, expect, it } from 'vitest';
import type { CellInput } from './cell-value.js';
import type { KfwColumnKey } from './kfw-columns.js';
import { validateKfwRow } from './validate-row.js';

type Cells = Partial<Record<KfwColumnKey, CellInput>>;

const VALID: Cells = {
  programm: 441,
  antragsnummer: 'A-1001',
  zusagenummer: 'Z-1001',
  antragsdatum: new Date(Date.UTC(2024, 2, 1)),
  zusagedatum: '15.06.2024',
  antragsstatus: 'Zugesagt',
  antragstellertyp: 'Unternehmen',
  firma: 'Müller Logistik GmbH',
  anrede: 'Frau',
  vorname: 'Jana',
  nachname: 'Müller',
  email: 'jana.mueller@example.de',
  strasse: 'Hauptstraße',
  hausnummer: '12a',
  plz: 1067,
  ort: 'Dresden',
  standortStrasse: 'Lagerweg',
  standortHausnummer: 3,
  standortPlz: '01069',
  standortOrt: 'Dresden',
  anzahlLadepunkte: 6,
  foerderfaehigeKosten: '12.345,67',
  zuschussZugesagt: 5400,
};

function row(overrides: Cells = {}, rowNumber = 7) {
  return validateKfwRow({ rowNumber, cells: { ...VALID, ...overrides } });
}

describe('validateKfwRow', () => {
  it('turns a valid row into a typed application', () => {
    // given a row with a numeric PLZ, a German decimal and a text date
    const result = row();
    // then every value is normalised
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.application).toMatchObject({
      programm: 'KFW_441',
      antragsdatum: '2024-03-01',
      zusagedatum: '2024-06-15',
      adresse: { strasse: 'Hauptstraße', hausnummer: '12a', plz: '01067', ort: 'Dresden' },
      standort: { strasse: 'Lagerweg', hausnummer: '3', plz: '01069', ort: 'Dresden' },
      foerderfaehigeKosten: '12345.67',
      zuschussZugesagt: '5400.00',
      zuschussAusgezahlt: null,
      deMinimis: null,
    });
  });

  it('normalises names so that NFD, NBSP and trailing spaces make no second person', () => {
    const result = row({ nachname: 'Mu\u0308ller\u00a0 ', vorname: ' Jana' });
    expect(result.ok && result.application.nachname).toBe('Müller');
    expect(result.ok && result.application.vorname).toBe('Jana');
  });

  it.each<[string, Cells, string, string]>([
    ['an unknown programme', { programm: 442 }, 'Programm', 'PROGRAMM_UNKNOWN'],
    ['a missing Antragsnummer', { antragsnummer: '  ' }, 'Antragsnummer', 'REQUIRED'],
    ['31 February', { zusagedatum: '31.02.2024' }, 'Zusagedatum', 'DATE_NOT_REAL'],
    ['zero charging points', { anzahlLadepunkte: 0 }, 'Anzahl Ladepunkte', 'COUNT_NOT_POSITIVE'],
    ['a bad e-mail', { email: 'jana(at)example.de' }, 'E-Mail', 'EMAIL_INVALID'],
    [
      'a formula-looking name',
      { nachname: '=HYPERLINK("http://evil","x")' },
      'Nachname',
      'FORMULA_LIKE',
    ],
    [
      'a street starting with @',
      { standortStrasse: '@SUMME(A1)' },
      'Straße (Investitionsort)',
      'FORMULA_LIKE',
    ],
    [
      'a grant above the cost',
      { zuschussZugesagt: '20.000,00' },
      'Zuschussbetrag zugesagt (EUR)',
      'GRANT_EXCEEDS_COST',
    ],
    [
      'a payout above the grant',
      { zuschussAusgezahlt: 6000 },
      'Zuschussbetrag ausgezahlt (EUR)',
      'PAYOUT_EXCEEDS_GRANT',
    ],
    [
      'a negative cost',
      { foerderfaehigeKosten: -1 },
      'Förderfähige Kosten (EUR)',
      'AMOUNT_NEGATIVE',
    ],
    [
      'an approval before the application',
      { zusagedatum: '01.01.2024' },
      'Zusagedatum',
      'DATE_ORDER',
    ],
    ['a company without a name', { firma: null }, 'Firma / Name der Organisation', 'REQUIRED'],
    ['an Excel error value', { ort: { excelError: '#NV' } }, 'Ort', 'EXCEL_ERROR'],
    ['a four-letter PLZ', { plz: 'ABCD' }, 'PLZ', 'PLZ_INVALID'],
  ])(
    'rejects %s naming row, column, value and a German message',
    (_case, overrides, column, code) => {
      // when the row is validated
      const result = row(overrides);
      // then one problem points at the cell
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ row: 7, column, code });
      expect(result.problems[0]?.message).toMatch(/[a-zäöü]/);
    },
  );

  it('lets a private person leave the organisation empty', () => {
    expect(row({ antragstellertyp: 'Privatperson', firma: null, programm: 440 }).ok).toBe(true);
  });

  it('keeps the value as delivered in the problem, not the cleaned one', () => {
    const result = row({ plz: '0106 ' });
    expect(!result.ok && result.problems[0]?.value).toBe('0106 ');
  });

  it('reports every problem of a row at once', () => {
    const result = row({ programm: 'xyz', email: 'kaputt', plz: 12 });
    expect(!result.ok && result.problems.map((problem) => problem.column)).toEqual([
      'Programm',
      'E-Mail',
      'PLZ',
    ]);
  });
});
