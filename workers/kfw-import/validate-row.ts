/**
 * One raw row -> one typed application, or the list of everything wrong with it. Every problem
 * names the Excel row, the column's header text, the value as delivered and a German message,
 * so KfW's staff can fix the row in their own sheet.
 *
 * @example
 *   const result = validateKfwRow(row);
 *   if (!result.ok) report(result.problems);
 */
import { isExcelError, type CellInput } from './cell-value.js';
import { cellText, textCell } from './clean-text.js';
import type { Coerced } from './coercion.js';
import { emailCell, telefonCell } from './coerce-contact.js';
import { dateCell } from './coerce-date.js';
import {
  anredeCell,
  antragsstatusCell,
  antragstellertypCell,
  bundeslandCell,
  deMinimisCell,
  programmCell,
  type Anrede,
  type Antragsstatus,
  type Antragstellertyp,
  type ProgrammCode,
} from './coerce-enum.js';
import { amountCell, euro, positiveCountCell } from './coerce-number.js';
import { plzCell } from './coerce-plz.js';
import { headerOf, type KfwColumnKey } from './kfw-columns.js';
import type { KfwSheetRow } from './read-kfw-workbook.js';

/** An address as the file gives it. */
export interface KfwAddress {
  readonly strasse: string;
  readonly hausnummer: string;
  readonly plz: string;
  readonly ort: string;
}

/** A valid row, typed and normalised. Dates are ISO (`JJJJ-MM-TT`), money exact strings (`"1234.50"`). */
export interface KfwApplication {
  readonly programm: ProgrammCode;
  readonly antragsnummer: string;
  readonly zusagenummer: string;
  readonly antragsdatum: string;
  readonly zusagedatum: string;
  readonly antragsstatus: Antragsstatus;
  readonly antragstellertyp: Antragstellertyp;
  readonly firma: string | null;
  readonly rechtsform: string | null;
  readonly handelsregisternummer: string | null;
  readonly anrede: Anrede | null;
  readonly vorname: string;
  readonly nachname: string;
  readonly email: string;
  readonly telefon: string | null;
  readonly adresse: KfwAddress;
  readonly standort: KfwAddress;
  readonly bundesland: string | null;
  readonly anzahlLadepunkte: number;
  readonly foerderfaehigeKosten: string;
  readonly zuschussZugesagt: string;
  readonly zuschussAusgezahlt: string | null;
  readonly auszahlungsdatum: string | null;
  readonly fristNachweis: string | null;
  /** As delivered; the import never writes it over a Reporting-ID the platform issued. */
  readonly reportingId: string | null;
  readonly deMinimis: boolean | null;
}

/** One problem of one row. */
export interface RowProblem {
  /** Excel row number. */
  readonly row: number;
  /** Header text of the column as documented (empty for whole-row problems). */
  readonly column: string;
  /** The cell as delivered, as text (empty when the cell was empty). */
  readonly value: string;
  /** German, for KfW's staff. */
  readonly message: string;
  /** Stable code, e.g. `PLZ_INVALID`. */
  readonly code: string;
}

/** A row's outcome. */
export type RowResult =
  | { readonly ok: true; readonly row: number; readonly application: KfwApplication }
  | { readonly ok: false; readonly row: number; readonly problems: readonly RowProblem[] };

type Coercers = { [K in KfwColumnKey]: (cell: CellInput) => Coerced<unknown> };

const COERCERS: Coercers = {
  programm: programmCell,
  antragsnummer: idCell,
  zusagenummer: idCell,
  antragsdatum: dateCell,
  zusagedatum: dateCell,
  antragsstatus: antragsstatusCell,
  antragstellertyp: antragstellertypCell,
  firma: textCell(255),
  rechtsform: textCell(64),
  handelsregisternummer: textCell(64),
  anrede: anredeCell,
  vorname: textCell(128),
  nachname: textCell(128),
  email: emailCell,
  telefon: telefonCell,
  strasse: textCell(255),
  hausnummer: textCell(16),
  plz: plzCell,
  ort: textCell(128),
  standortStrasse: textCell(255),
  standortHausnummer: textCell(16),
  standortPlz: plzCell,
  standortOrt: textCell(128),
  bundesland: bundeslandCell,
  anzahlLadepunkte: positiveCountCell,
  foerderfaehigeKosten: amountCell,
  zuschussZugesagt: amountCell,
  zuschussAusgezahlt: amountCell,
  auszahlungsdatum: dateCell,
  fristNachweis: dateCell,
  reportingId: textCell(32),
  deMinimis: deMinimisCell,
};

// Lengths are the columns' lengths in the domain tables.

/** Cells that must not be empty (Firma is required unless the applicant is a private person). */
const REQUIRED: readonly KfwColumnKey[] = [
  'programm',
  'antragsnummer',
  'zusagenummer',
  'antragsdatum',
  'zusagedatum',
  'antragsstatus',
  'antragstellertyp',
  'vorname',
  'nachname',
  'email',
  'strasse',
  'hausnummer',
  'plz',
  'ort',
  'standortStrasse',
  'standortHausnummer',
  'standortPlz',
  'standortOrt',
  'anzahlLadepunkte',
  'foerderfaehigeKosten',
  'zuschussZugesagt',
];

/** Coerces and checks one row. */
export function validateKfwRow(row: KfwSheetRow): RowResult {
  const problems: RowProblem[] = [];
  const values: Partial<Record<KfwColumnKey, unknown>> = {};
  const add = (key: KfwColumnKey | null, code: string, message: string): void => {
    problems.push({
      row: row.rowNumber,
      column: key ? headerOf(key) : '',
      value: key ? shownValue(row.cells[key] ?? null) : '',
      message,
      code,
    });
  };

  for (const key of Object.keys(COERCERS) as KfwColumnKey[]) {
    const result = COERCERS[key](row.cells[key] ?? null);
    if (!result.ok) add(key, result.code, result.message);
    else values[key] = result.value;
  }
  for (const key of REQUIRED) {
    if (values[key] === null) add(key, 'REQUIRED', `„${headerOf(key)}“ fehlt.`);
  }
  if (
    values.firma === null &&
    values.antragstellertyp &&
    values.antragstellertyp !== 'NATUERLICHE_PERSON'
  ) {
    add(
      'firma',
      'REQUIRED',
      `„${headerOf('firma')}“ fehlt (nur bei Privatpersonen darf es leer sein).`,
    );
  }
  crossChecks(values, add);

  if (problems.length) return { ok: false, row: row.rowNumber, problems };
  return { ok: true, row: row.rowNumber, application: application(values) };
}

function crossChecks(
  values: Partial<Record<KfwColumnKey, unknown>>,
  add: (key: KfwColumnKey, code: string, message: string) => void,
): void {
  const kosten = values.foerderfaehigeKosten as string | null | undefined;
  const zugesagt = values.zuschussZugesagt as string | null | undefined;
  const ausgezahlt = values.zuschussAusgezahlt as string | null | undefined;
  if (kosten && zugesagt && Number(zugesagt) > Number(kosten)) {
    add(
      'zuschussZugesagt',
      'GRANT_EXCEEDS_COST',
      `Der zugesagte Zuschuss (${euro(zugesagt)}) ist höher als die förderfähigen Kosten (${euro(kosten)}).`,
    );
  }
  if (zugesagt && ausgezahlt && Number(ausgezahlt) > Number(zugesagt)) {
    add(
      'zuschussAusgezahlt',
      'PAYOUT_EXCEEDS_GRANT',
      `Der ausgezahlte Zuschuss (${euro(ausgezahlt)}) ist höher als der zugesagte (${euro(zugesagt)}).`,
    );
  }
  const antrag = values.antragsdatum as string | null | undefined;
  const zusage = values.zusagedatum as string | null | undefined;
  if (antrag && zusage && zusage < antrag) {
    add('zusagedatum', 'DATE_ORDER', 'Das Zusagedatum liegt vor dem Antragsdatum.');
  }
}

function application(values: Partial<Record<KfwColumnKey, unknown>>): KfwApplication {
  const v = values as Record<KfwColumnKey, never>;
  return {
    programm: v.programm,
    antragsnummer: v.antragsnummer,
    zusagenummer: v.zusagenummer,
    antragsdatum: v.antragsdatum,
    zusagedatum: v.zusagedatum,
    antragsstatus: v.antragsstatus,
    antragstellertyp: v.antragstellertyp,
    firma: v.firma,
    rechtsform: v.rechtsform,
    handelsregisternummer: v.handelsregisternummer,
    anrede: v.anrede,
    vorname: v.vorname,
    nachname: v.nachname,
    email: v.email,
    telefon: v.telefon,
    adresse: { strasse: v.strasse, hausnummer: v.hausnummer, plz: v.plz, ort: v.ort },
    standort: {
      strasse: v.standortStrasse,
      hausnummer: v.standortHausnummer,
      plz: v.standortPlz,
      ort: v.standortOrt,
    },
    bundesland: v.bundesland,
    anzahlLadepunkte: v.anzahlLadepunkte,
    foerderfaehigeKosten: v.foerderfaehigeKosten,
    zuschussZugesagt: v.zuschussZugesagt,
    zuschussAusgezahlt: v.zuschussAusgezahlt,
    auszahlungsdatum: v.auszahlungsdatum,
    fristNachweis: v.fristNachweis,
    reportingId: v.reportingId,
    deMinimis: v.deMinimis,
  };
}

/** Antragsnummer and Zusagenummer: text (a number cell is taken as its digits). */
function idCell(cell: CellInput): Coerced<string | null> {
  const text = textCell(64)(cell);
  if (!text.ok || text.value === null) return text;
  return /^[\p{L}\p{N}][\p{L}\p{N}./_ -]*$/u.test(text.value)
    ? text
    : {
        ok: false,
        code: 'ID_INVALID',
        message: `„${text.value}“ ist keine gültige Nummer (nur Buchstaben, Ziffern, . / _ -).`,
      };
}

/** The delivered cell as text, for the report (never cleaned: KfW must find it in their sheet). */
function shownValue(cell: CellInput): string {
  if (cell === null) return '';
  if (isExcelError(cell)) return cell.excelError;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'string') return cell;
  const text = cellText(cell);
  return text.ok && text.value !== null ? text.value : String(cell);
}
