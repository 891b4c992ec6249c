/**
 * Plausibility rules for a case's locations (Standorte) and their Ladesäulengruppen.
 *
 * - columns and points per column are whole numbers >= 1, kW per point a number > 0;
 * - kW per point within the programme's limit (the limit is data: a programme is a row);
 * - the points of all the case's locations together are at most the points applied for (a case
 *   usually has one location; with several, the application's count covers them all);
 * - commissioning dates are valid, not in the future (`asOf`), and for a reporting period on or
 *   before the period's end ({@link checkCommissioningForPeriod}).
 *
 * @example
 *   const findings = checkLocations({
 *     programme: { code: 'KFW_441', maxKwPerPoint: 22 },
 *     pointsAppliedFor: 4,
 *     locations: [{ groups: [{ columns: 2, pointsPerColumn: 2, kwPerPoint: 22 }] }],
 *     asOf: new Date(),
 *   });
 */
import { pointsOf } from './charging-group.js';
import type { ChargingGroupInput } from './charging-group.js';
import { de, en, finding, timeDeOf, timeEnOf } from './finding.js';
import type { Finding, FindingDefinition, FindingParams } from './finding.js';
import { DEFAULT_TIME_ZONE, RuleInputError, periodBounds, toEpochMs } from './timestamps.js';
import type { PeriodInput, TimeInput } from './timestamps.js';

/** The limits of a funding programme that the rules apply (a row of the programme table). */
export interface ProgrammeLimits {
  /** Programme code, e.g. `KFW_441`. */
  code: string;
  /** Highest nameplate power per charging point in kW; `null` when the programme sets none. */
  maxKwPerPoint: number | null;
}

/** One location with its groups. */
export interface LocationInput {
  groups: readonly ChargingGroupInput[];
}

/** What {@link checkLocations} checks. */
export interface CaseLocationsInput {
  programme: ProgrammeLimits;
  /** Anzahl beantragter Ladepunkte of the Förderfall. */
  pointsAppliedFor: number;
  locations: readonly LocationInput[];
  /** Commissioning dates after this instant are errors; omit to skip that check. */
  asOf?: TimeInput;
  /** Time zone for calendar dates. @default 'Europe/Berlin' */
  timeZone?: string;
}

type P = FindingParams;

/** Finding codes of the location rules. */
export const LOCATION_FINDINGS = {
  GROUP_COUNT_INVALID: {
    code: 'GROUP_COUNT_INVALID',
    severity: 'error',
    de: (p) =>
      `Die Anzahl ${p.field === 'columns' ? 'der Ladesäulen' : 'der Ladepunkte je Säule'} muss eine ganze Zahl ab 1 sein, angegeben ist „${p.value}“.`,
    en: (p) =>
      `The number of ${p.field === 'columns' ? 'charging columns' : 'points per column'} must be a whole number of at least 1, got "${p.value}".`,
  },
  GROUP_KW_INVALID: {
    code: 'GROUP_KW_INVALID',
    severity: 'error',
    de: (p) =>
      `Die Ladeleistung je Ladepunkt muss größer als 0 kW sein, angegeben ist „${p.value}“.`,
    en: (p) => `The power per charging point must be more than 0 kW, got "${p.value}".`,
  },
  GROUP_KW_ABOVE_LIMIT: {
    code: 'GROUP_KW_ABOVE_LIMIT',
    severity: 'error',
    de: (p) =>
      `Die Ladeleistung von ${de(p.kw)} kW je Ladepunkt überschreitet die Grenze des Förderprogramms ${p.programme} (höchstens ${de(p.maxKw)} kW).`,
    en: (p) =>
      `The power of ${en(p.kw)} kW per charging point exceeds the limit of funding programme ${p.programme} (at most ${en(p.maxKw)} kW).`,
  },
  POINTS_ABOVE_APPLIED: {
    code: 'POINTS_ABOVE_APPLIED',
    severity: 'error',
    de: (p) =>
      `Angegeben sind ${de(p.points)} Ladepunkte, beantragt wurden ${de(p.applied)}. Es dürfen nicht mehr Ladepunkte gemeldet werden als beantragt.`,
    en: (p) =>
      `${en(p.points)} charging points are given, ${en(p.applied)} were applied for. No more points may be reported than were applied for.`,
  },
  COMMISSIONING_INVALID: {
    code: 'COMMISSIONING_INVALID',
    severity: 'error',
    de: (p) => `Das Inbetriebnahmedatum „${p.value}“ ist kein gültiges Datum (JJJJ-MM-TT).`,
    en: (p) => `The commissioning date "${p.value}" is not a valid date (YYYY-MM-DD).`,
  },
  COMMISSIONING_IN_FUTURE: {
    code: 'COMMISSIONING_IN_FUTURE',
    severity: 'error',
    de: (p) =>
      `Das Inbetriebnahmedatum (${timeDeOf(p.commissionedAt)}) liegt in der Zukunft (Stand ${timeDeOf(p.asOf)}).`,
    en: (p) =>
      `The commissioning date (${timeEnOf(p.commissionedAt)}) is in the future (as of ${timeEnOf(p.asOf)}).`,
  },
  COMMISSIONING_MISSING: {
    code: 'COMMISSIONING_MISSING',
    severity: 'error',
    de: () => 'Für den Berichtszeitraum fehlt das Inbetriebnahmedatum der Ladesäulengruppe.',
    en: () => 'The commissioning date of the charging group is missing for the reporting period.',
  },
  COMMISSIONING_AFTER_PERIOD_END: {
    code: 'COMMISSIONING_AFTER_PERIOD_END',
    severity: 'error',
    de: (p) =>
      `Die Inbetriebnahme (${timeDeOf(p.commissionedAt)}) liegt nach dem Ende des Berichtszeitraums (${timeDeOf(p.periodEnd)}).`,
    en: (p) =>
      `Commissioning (${timeEnOf(p.commissionedAt)}) is after the end of the reporting period (${timeEnOf(p.periodEnd)}).`,
  },
} as const satisfies Record<string, FindingDefinition<P>>;

/**
 * Checks the locations of a case against the programme and the application.
 *
 * @throws RuleInputError when the programme limit, the points applied for or `asOf` are not
 *   usable (they come from reference data and the KfW import, not from the applicant).
 */
export function checkLocations(input: CaseLocationsInput): Finding[] {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const limit = input.programme.maxKwPerPoint;
  if (limit !== null && !(typeof limit === 'number' && limit > 0)) {
    throw new RuleInputError(
      'programme.maxKwPerPoint',
      `${JSON.stringify(limit)} is not a positive number`,
    );
  }
  if (!Number.isInteger(input.pointsAppliedFor) || input.pointsAppliedFor < 0) {
    throw new RuleInputError(
      'pointsAppliedFor',
      `${JSON.stringify(input.pointsAppliedFor)} is not a count`,
    );
  }
  let asOfMs: number | null = null;
  if (input.asOf !== undefined) {
    asOfMs = toEpochMs(input.asOf, timeZone);
    if (asOfMs === null)
      throw new RuleInputError('asOf', `${JSON.stringify(input.asOf)} is not a valid time`);
  }

  const findings: Finding[] = [];
  let totalPoints = 0;
  input.locations.forEach((location, l) => {
    location.groups.forEach((group, g) => {
      const path = `locations[${l}].groups[${g}]`;
      let countsValid = true;
      for (const field of ['columns', 'pointsPerColumn'] as const) {
        const value = group[field];
        if (!Number.isInteger(value) || value < 1) {
          countsValid = false;
          findings.push(
            finding(LOCATION_FINDINGS.GROUP_COUNT_INVALID, `${path}.${field}`, {
              field,
              value: String(value),
            }),
          );
        }
      }
      if (countsValid) totalPoints += pointsOf(group);
      const kw = group.kwPerPoint;
      if (!(typeof kw === 'number' && Number.isFinite(kw) && kw > 0)) {
        findings.push(
          finding(LOCATION_FINDINGS.GROUP_KW_INVALID, `${path}.kwPerPoint`, { value: String(kw) }),
        );
      } else if (limit !== null && kw > limit) {
        findings.push(
          finding(LOCATION_FINDINGS.GROUP_KW_ABOVE_LIMIT, `${path}.kwPerPoint`, {
            kw,
            maxKw: limit,
            programme: input.programme.code,
          }),
        );
      }
      if (group.commissionedAt != null) {
        const commissioned = toEpochMs(group.commissionedAt, timeZone);
        if (commissioned === null) {
          findings.push(
            finding(LOCATION_FINDINGS.COMMISSIONING_INVALID, `${path}.commissionedAt`, {
              value: String(group.commissionedAt),
            }),
          );
        } else if (asOfMs !== null && commissioned > asOfMs) {
          findings.push(
            finding(LOCATION_FINDINGS.COMMISSIONING_IN_FUTURE, `${path}.commissionedAt`, {
              commissionedAt: new Date(commissioned).toISOString(),
              asOf: new Date(asOfMs).toISOString(),
            }),
          );
        }
      }
    });
  });
  if (totalPoints > input.pointsAppliedFor) {
    findings.push(
      finding(LOCATION_FINDINGS.POINTS_ABOVE_APPLIED, 'locations', {
        points: totalPoints,
        applied: input.pointsAppliedFor,
      }),
    );
  }
  return findings;
}

/**
 * Checks that every group of a location was commissioned by the end of a reporting period
 * (commissioning date <= period end; a group commissioned on the last day counts).
 *
 * @param pathPrefix the path of the groups in the caller's data. @default 'groups'
 */
export function checkCommissioningForPeriod(input: {
  groups: readonly ChargingGroupInput[];
  period: PeriodInput;
  pathPrefix?: string;
  timeZone?: string;
}): Finding[] {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const period = periodBounds(input.period, timeZone);
  const prefix = input.pathPrefix ?? 'groups';
  const findings: Finding[] = [];
  input.groups.forEach((group, g) => {
    const path = `${prefix}[${g}].commissionedAt`;
    if (group.commissionedAt == null) {
      findings.push(finding(LOCATION_FINDINGS.COMMISSIONING_MISSING, path, {}));
      return;
    }
    const commissioned = toEpochMs(group.commissionedAt, timeZone);
    if (commissioned === null) {
      findings.push(
        finding(LOCATION_FINDINGS.COMMISSIONING_INVALID, path, {
          value: String(group.commissionedAt),
        }),
      );
    } else if (commissioned >= period.endMs) {
      findings.push(
        finding(LOCATION_FINDINGS.COMMISSIONING_AFTER_PERIOD_END, path, {
          commissionedAt: new Date(commissioned).toISOString(),
          periodEnd: new Date(period.endMs).toISOString(),
        }),
      );
    }
  });
  return findings;
}
