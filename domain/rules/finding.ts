/**
 * Findings: what a plausibility rule reports, as data. Rules never throw about the data they
 * check; they return findings, and a caller decides (a form shows them per field, a worker
 * stores them and sets `valid`).
 *
 * @example
 *   const findings = checkReport(report);
 *   const valid = isValid(findings); // no finding of severity 'error'
 */

/** `error` blocks acceptance; `warning` is shown and stored but lets the data pass. */
export type Severity = 'error' | 'warning';

/** Values of a finding's parameters: plain JSON, so findings can be process variables. */
export type FindingParams = Record<string, string | number | null>;

/** One finding of a plausibility rule. */
export interface Finding {
  /** Stable code, e.g. `SESSION_END_BEFORE_START`; never reworded. */
  code: string;
  severity: Severity;
  /** Where: a field path such as `sessions[12].end` or `locations[0].groups[1].kwPerPoint`. */
  path: string;
  /** The row of the uploaded file, when the input carried one. */
  row?: number;
  /** German message, for the applicant. */
  message: string;
  /** English message. */
  messageEn: string;
  /** The values the messages were built from, for other renderings. */
  params: FindingParams;
}

/** How one finding code is reported: its severity and its messages in German and English. */
export interface FindingDefinition<P extends FindingParams = FindingParams> {
  code: string;
  severity: Severity;
  de: (params: P) => string;
  en: (params: P) => string;
}

/** Builds a finding from its definition. */
export function finding<P extends FindingParams>(
  definition: FindingDefinition<P>,
  path: string,
  params: P,
  row?: number,
): Finding {
  const result: Finding = {
    code: definition.code,
    severity: definition.severity,
    path,
    message: definition.de(params),
    messageEn: definition.en(params),
    params,
  };
  if (row !== undefined) result.row = row;
  return result;
}

/** True when no finding is an error (warnings allowed): the value of the `valid` variable. */
export function isValid(findings: readonly Finding[]): boolean {
  return !findings.some((item) => item.severity === 'error');
}

const numberDe = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const numberEn = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const timeDe = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'medium',
  timeStyle: 'short',
});
const timeEn = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** A number as a German reader expects it (`1.234,5`). */
export function de(value: number | string | null | undefined): string {
  return typeof value === 'number' ? numberDe.format(value) : String(value);
}

/** A number as an English reader expects it (`1,234.5`). */
export function en(value: number | string | null | undefined): string {
  return typeof value === 'number' ? numberEn.format(value) : String(value);
}

/** An instant (ISO string) in German local time, e.g. `31.03.2024, 03:00`. */
export function timeDeOf(iso: string | number | null | undefined): string {
  return typeof iso === 'string' ? timeDe.format(new Date(iso)) : String(iso);
}

/** An instant (ISO string) in English, Berlin time. */
export function timeEnOf(iso: string | number | null | undefined): string {
  return typeof iso === 'string' ? timeEn.format(new Date(iso)) : String(iso);
}
