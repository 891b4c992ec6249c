/**
 * How a row of the KfW file maps onto the domain: the case (Förderfall), the recipient
 * (Zuwendungsempfänger) and the funded location (Standort), and which of those fields an
 * import compares and may change. Fields the platform owns (Reporting-ID, status,
 * commissioning, everything the applicant entered) are never written by an import.
 */
import type { Bundesland } from '../../domain/index.js';
import type { KfwApplication } from './validate-row.js';

/** Case fields KfW is the source of. */
export interface CaseFields {
  zusagenummer: string;
  antragsdatum: string;
  zusagedatum: string;
  kfwAntragsstatus: KfwApplication['antragsstatus'];
  anzahlLadepunkteBeantragt: number;
  foerderfaehigeKosten: string;
  zuschussZugesagt: string;
  zuschussAusgezahlt: string | null;
  auszahlungsdatum: string | null;
  fristNachweis: string | null;
  deMinimis: boolean | null;
}

/** Recipient fields KfW is the source of. */
export interface RecipientFields {
  typ: KfwApplication['antragstellertyp'];
  name: string;
  rechtsform: string | null;
  registernummer: string | null;
  strasse: string;
  hausnummer: string;
  plz: string;
  ort: string;
}

/** Location fields KfW is the source of (the Investitionsort). */
export interface LocationFields {
  strasse: string;
  hausnummer: string;
  plz: string;
  ort: string;
  bundesland: Bundesland | null;
}

/** The case fields of a row. */
export function caseFields(app: KfwApplication): CaseFields {
  return {
    zusagenummer: app.zusagenummer,
    antragsdatum: app.antragsdatum,
    zusagedatum: app.zusagedatum,
    kfwAntragsstatus: app.antragsstatus,
    anzahlLadepunkteBeantragt: app.anzahlLadepunkte,
    foerderfaehigeKosten: app.foerderfaehigeKosten,
    zuschussZugesagt: app.zuschussZugesagt,
    zuschussAusgezahlt: app.zuschussAusgezahlt,
    auszahlungsdatum: app.auszahlungsdatum,
    fristNachweis: app.fristNachweis,
    deMinimis: app.deMinimis,
  };
}

/** The recipient fields of a row; a private person's name is the applicant's name. */
export function recipientFields(app: KfwApplication): RecipientFields {
  return {
    typ: app.antragstellertyp,
    name: app.firma ?? `${app.vorname} ${app.nachname}`,
    rechtsform: app.rechtsform,
    registernummer: app.handelsregisternummer,
    ...app.adresse,
  };
}

/** The location fields of a row. */
export function locationFields(app: KfwApplication): LocationFields {
  return { ...app.standort, bundesland: app.bundesland as Bundesland | null };
}

/** One changed field: its name (prefixed by the object, e.g. `standort.plz`), before and after. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * The fields whose stored value differs from the delivered one. Values are compared in a
 * canonical form, so SQLite's `1`/`0` for booleans or a number for a decimal are not changes.
 */
export function changedFields<T extends object>(
  prefix: string,
  stored: Record<string, unknown>,
  delivered: T,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, after] of Object.entries(delivered)) {
    const before = stored[field] ?? null;
    if (canonical(before) !== canonical(after)) {
      changes.push({ field: prefix ? `${prefix}.${field}` : field, before, after });
    }
  }
  return changes;
}

function canonical(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
