/**
 * The retention rule of every table: how long its rows are kept and what an erasure request
 * (Art. 17 GDPR) does to a person's rows in it. `docs/data-protection.md` is generated from this
 * list, and a test fails when a model's table has no rule, so a new table cannot hold personal
 * data without one.
 *
 * Funding records (a case and everything reported for it) are the funding body's records: they
 * are kept until {@link fundingRecordYears} years after the end of the case's purpose-binding
 * period and are not erased on request (Art. 17(3)(b) GDPR: a legal obligation to keep them);
 * the person's contact details that the record does not need are removed. Login data, drafts
 * and preferences exist only for the person and go at once.
 */

/** Years funding records are kept after the purpose-binding period ends. */
export const fundingRecordYears = 10;

/** What an erasure request does to a person's rows in a table. */
export type ErasureAction =
  /** The rows are deleted. */
  | 'delete'
  /** The rows stay; the listed columns are cleared. */
  | 'anonymise'
  /** The rows stay as they are until the retention period ends. */
  | 'keep'
  /** The table holds no data about people. */
  | 'none';

/** The rule of one table. */
export interface RetentionRule {
  table: string;
  /** How long rows are kept, in words (German, as shown to people). */
  retention: string;
  /** The legal ground for keeping them. */
  basis: string;
  erasure: ErasureAction;
  /** Columns cleared by `anonymise`. */
  clears?: readonly string[];
}

const fundingRecord = (table: string, note = ''): RetentionRule => ({
  table,
  retention: `bis ${fundingRecordYears} Jahre nach Ende der Zweckbindung des Förderfalls${note}`,
  basis: 'Art. 6(1)(c) und 17(3)(b) DSGVO: Aufbewahrungspflicht der Förderakte',
  erasure: 'keep',
});

/** Every table's rule, in the order of the documentation. */
export const retentionRules: readonly RetentionRule[] = [
  fundingRecord('foerderfall'),
  fundingRecord('zuwendungsempfaenger'),
  fundingRecord('betreiber'),
  fundingRecord('standort'),
  fundingRecord('ladesaeulengruppe'),
  fundingRecord('ladepunkt'),
  fundingRecord('berichtszeitraum'),
  fundingRecord('nutzungsbericht'),
  fundingRecord('ladevorgang'),
  fundingRecord('dokument'),
  fundingRecord('upload', '; der Verweis auf die hochladende Person bleibt'),
  fundingRecord('importlauf'),
  fundingRecord('pruefbefund', '; die Login-Kennung der prüfenden Person bleibt'),
  fundingRecord('abschlussbestaetigung'),
  fundingRecord('importfehler'),
  {
    table: 'person',
    retention: `solange ein verknüpfter Förderfall aufbewahrt wird (Name und E-Mail als Nachweis, wer gehandelt hat); ohne solchen Fall bis zur Löschung`,
    basis: 'Art. 6(1)(c) DSGVO für die Förderakte; sonst Art. 6(1)(b) (Nutzung des Portals)',
    erasure: 'anonymise',
    clears: ['anrede', 'telefon', 'oidcSubject', 'letzteAnmeldungAm'],
  },
  {
    table: 'person_foerderfall',
    retention: 'wie der Förderfall (wer für den Fall gehandelt hat)',
    basis: 'Art. 6(1)(c) und 17(3)(b) DSGVO: Aufbewahrungspflicht der Förderakte',
    erasure: 'keep',
  },
  {
    table: 'einladung',
    retention:
      'offene Einladungen bis zum Ablauf; eingelöste wie der Förderfall (wer wen eingeladen hat)',
    basis: 'Art. 6(1)(b) DSGVO; eingelöste: Art. 6(1)(c) (Förderakte)',
    erasure: 'delete',
  },
  {
    table: 'audit_event',
    retention: `${fundingRecordYears} Jahre (Nachweis, wer wann was gelesen oder geändert hat)`,
    basis: 'Art. 5(2), 6(1)(c) und 17(3)(b) DSGVO: Rechenschaft über die Förderakte',
    erasure: 'keep',
  },
  {
    table: 'konto',
    retention: 'bis zur Löschung des Kontos',
    basis: 'Art. 6(1)(b) DSGVO (Anmeldung am Portal)',
    erasure: 'delete',
  },
  {
    table: 'konto_token',
    retention: 'bis zur Verwendung oder zum Ablauf, höchstens wie das Konto',
    basis: 'Art. 6(1)(b) DSGVO',
    erasure: 'delete',
  },
  {
    table: 'sitzung',
    retention: 'bis zum Ablauf der Sitzung (stündlich bereinigt)',
    basis: 'Art. 6(1)(b) DSGVO',
    erasure: 'delete',
  },
  {
    table: 'entwurf',
    retention: 'bis die Aufgabe abgeschlossen ist',
    basis: 'Art. 6(1)(b) DSGVO',
    erasure: 'delete',
  },
  {
    table: 'gespeicherter_filter',
    retention: 'bis die Person den Filter löscht',
    basis: 'Art. 6(1)(b) DSGVO',
    erasure: 'delete',
  },
  {
    table: 'formularversion',
    retention: 'dauerhaft (welche Formularfassung galt); Verfasser als Login-Kennung',
    basis: 'Art. 6(1)(c) DSGVO: Nachvollziehbarkeit der Förderentscheidungen',
    erasure: 'keep',
  },
  {
    table: 'prozessversion_notiz',
    retention: 'dauerhaft (welche Prozessfassung galt); Verfasser als Login-Kennung',
    basis: 'Art. 6(1)(c) DSGVO: Nachvollziehbarkeit der Förderentscheidungen',
    erasure: 'keep',
  },
  {
    table: 'programm',
    retention: 'dauerhaft',
    basis: 'keine personenbezogenen Daten',
    erasure: 'none',
  },
];

/** The rule of `table`, or undefined. */
export const retentionRuleOf = (table: string) => retentionRules.find((r) => r.table === table);
