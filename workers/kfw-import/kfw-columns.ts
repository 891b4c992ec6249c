/**
 * The columns of the KfW hand-over file (sheet `Antraege`), as documented for KfW in
 * `docs/kfw-import.md`. The header texts are the contract: a column is found by its text, never
 * by its position, so KfW may reorder columns or add their own.
 *
 * `presence: 'required'` means the header must exist (a file without it is rejected whole);
 * whether a cell may be empty is a row rule (see `validate-row.ts`).
 */

/** The key of a column in a parsed row. */
export type KfwColumnKey =
  | 'programm'
  | 'antragsnummer'
  | 'zusagenummer'
  | 'antragsdatum'
  | 'zusagedatum'
  | 'antragsstatus'
  | 'antragstellertyp'
  | 'firma'
  | 'rechtsform'
  | 'handelsregisternummer'
  | 'anrede'
  | 'vorname'
  | 'nachname'
  | 'email'
  | 'telefon'
  | 'strasse'
  | 'hausnummer'
  | 'plz'
  | 'ort'
  | 'standortStrasse'
  | 'standortHausnummer'
  | 'standortPlz'
  | 'standortOrt'
  | 'bundesland'
  | 'anzahlLadepunkte'
  | 'foerderfaehigeKosten'
  | 'zuschussZugesagt'
  | 'zuschussAusgezahlt'
  | 'auszahlungsdatum'
  | 'fristNachweis'
  | 'reportingId'
  | 'deMinimis';

/** One column of the file format. */
export interface KfwColumn {
  readonly key: KfwColumnKey;
  /** The header text exactly as documented (matching is tolerant, see `header-text.ts`). */
  readonly header: string;
  readonly presence: 'required' | 'optional';
}

/** Every column, in the documented order. */
export const KFW_COLUMNS: readonly KfwColumn[] = [
  { key: 'programm', header: 'Programm', presence: 'required' },
  { key: 'antragsnummer', header: 'Antragsnummer', presence: 'required' },
  { key: 'zusagenummer', header: 'Zusagenummer', presence: 'required' },
  { key: 'antragsdatum', header: 'Antragsdatum', presence: 'required' },
  { key: 'zusagedatum', header: 'Zusagedatum', presence: 'required' },
  { key: 'antragsstatus', header: 'Antragsstatus', presence: 'required' },
  { key: 'antragstellertyp', header: 'Antragstellertyp', presence: 'required' },
  { key: 'firma', header: 'Firma / Name der Organisation', presence: 'required' },
  { key: 'rechtsform', header: 'Rechtsform', presence: 'optional' },
  { key: 'handelsregisternummer', header: 'Handelsregisternummer', presence: 'optional' },
  { key: 'anrede', header: 'Anrede', presence: 'optional' },
  { key: 'vorname', header: 'Vorname', presence: 'required' },
  { key: 'nachname', header: 'Nachname', presence: 'required' },
  { key: 'email', header: 'E-Mail', presence: 'required' },
  { key: 'telefon', header: 'Telefon', presence: 'optional' },
  { key: 'strasse', header: 'Straße', presence: 'required' },
  { key: 'hausnummer', header: 'Hausnummer', presence: 'required' },
  { key: 'plz', header: 'PLZ', presence: 'required' },
  { key: 'ort', header: 'Ort', presence: 'required' },
  { key: 'standortStrasse', header: 'Straße (Investitionsort)', presence: 'required' },
  { key: 'standortHausnummer', header: 'Hausnummer (Investitionsort)', presence: 'required' },
  { key: 'standortPlz', header: 'PLZ (Investitionsort)', presence: 'required' },
  { key: 'standortOrt', header: 'Ort (Investitionsort)', presence: 'required' },
  { key: 'bundesland', header: 'Bundesland', presence: 'optional' },
  { key: 'anzahlLadepunkte', header: 'Anzahl Ladepunkte', presence: 'required' },
  { key: 'foerderfaehigeKosten', header: 'Förderfähige Kosten (EUR)', presence: 'required' },
  { key: 'zuschussZugesagt', header: 'Zuschussbetrag zugesagt (EUR)', presence: 'required' },
  { key: 'zuschussAusgezahlt', header: 'Zuschussbetrag ausgezahlt (EUR)', presence: 'optional' },
  { key: 'auszahlungsdatum', header: 'Auszahlungsdatum', presence: 'optional' },
  { key: 'fristNachweis', header: 'Frist Nachweis', presence: 'optional' },
  { key: 'reportingId', header: 'Reporting-ID', presence: 'optional' },
  { key: 'deMinimis', header: 'De-minimis (ja/nein)', presence: 'optional' },
];

/** The documented header text of a column key. */
export function headerOf(key: KfwColumnKey): string {
  const column = KFW_COLUMNS.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`unknown KfW column key ${key}`);
  return column.header;
}
