/**
 * Plausibility rules for a usage report (Nutzungsbericht) of one location and period.
 *
 * - the reported energy is a number >= 0;
 * - it is at most what the location's charging points could deliver running flat out for the
 *   whole period: sum over groups of (points x kW x hours in operation within the period);
 *   a group counts from its commissioning (or the period start, whichever is later);
 * - when sessions were uploaded, their energy is close to the reported energy: a deviation of
 *   more than {@link SESSIONS_ENERGY_TOLERANCE} of the reported value is a warning, not an error.
 *
 * @example
 *   const findings = checkReport({
 *     energyKwh: 12_500,
 *     period: { from: '2024-01-01', to: '2024-12-31' },
 *     groups: [{ columns: 2, pointsPerColumn: 2, kwPerPoint: 22, commissionedAt: '2023-05-02' }],
 *     sessionsEnergyKwh: checkSessions(rows, context).energyKwh,
 *   });
 */
import { pointsOf } from './charging-group.js';
import type { ChargingGroupInput } from './charging-group.js';
import { de, en, finding, timeDeOf, timeEnOf } from './finding.js';
import type { Finding, FindingDefinition, FindingParams } from './finding.js';
import {
  DEFAULT_TIME_ZONE,
  RuleInputError,
  hoursBetween,
  periodBounds,
  toEpochMs,
} from './timestamps.js';
import type { PeriodInput } from './timestamps.js';

/**
 * How far the uploaded sessions' energy may deviate from the reported energy before a warning:
 * 10 % of the reported value. Backend session data and the calibrated meter differ by charging
 * losses, standby consumption, test charges, sessions missing from the export and sessions that
 * straddle the period boundary; beyond 10 % that no longer explains the gap, so an officer should
 * look. A warning, not an error: the meter reading is the figure that counts.
 */
export const SESSIONS_ENERGY_TOLERANCE = 0.1;

/** Relative slack for floating-point rounding at the exact limits (not a business tolerance). */
const ROUNDING = 1e-9;

/** A usage report as the rules see it. */
export interface ReportInput {
  /** Energy charged in the period as reported, in kWh. */
  energyKwh: number;
  period: PeriodInput;
  /** The Ladesäulengruppen of the location. */
  groups: readonly ChargingGroupInput[];
  /** kWh of the uploaded sessions (`checkSessions(...).energyKwh`); omit when none were uploaded. */
  sessionsEnergyKwh?: number | null;
  /** Time zone for calendar dates. @default 'Europe/Berlin' */
  timeZone?: string;
}

type P = FindingParams;

/** Finding codes of the report rules. */
export const REPORT_FINDINGS = {
  REPORT_ENERGY_INVALID: {
    code: 'REPORT_ENERGY_INVALID',
    severity: 'error',
    de: (p) => `Die gemeldete Energiemenge „${p.value}“ ist keine Zahl.`,
    en: (p) => `The reported energy "${p.value}" is not a number.`,
  },
  REPORT_ENERGY_NEGATIVE: {
    code: 'REPORT_ENERGY_NEGATIVE',
    severity: 'error',
    de: (p) => `Die gemeldete Energiemenge (${de(p.energyKwh)} kWh) darf nicht negativ sein.`,
    en: (p) => `The reported energy (${en(p.energyKwh)} kWh) must not be negative.`,
  },
  REPORT_ENERGY_ABOVE_CAPACITY: {
    code: 'REPORT_ENERGY_ABOVE_CAPACITY',
    severity: 'error',
    de: (p) =>
      `Die gemeldeten ${de(p.energyKwh)} kWh sind mehr, als die ${de(p.points)} Ladepunkte des Standorts im Berichtszeitraum (${timeDeOf(p.periodStart)} bis ${timeDeOf(p.periodEnd)}) bei voller Leistung rund um die Uhr liefern könnten (${de(p.capacityKwh)} kWh).`,
    en: (p) =>
      `The reported ${en(p.energyKwh)} kWh is more than the location's ${en(p.points)} charging points could deliver at full power around the clock in the reporting period (${timeEnOf(p.periodStart)} to ${timeEnOf(p.periodEnd)}): ${en(p.capacityKwh)} kWh.`,
  },
  REPORT_SESSIONS_MISMATCH: {
    code: 'REPORT_SESSIONS_MISMATCH',
    severity: 'warning',
    de: (p) =>
      `Die hochgeladenen Ladevorgänge ergeben ${de(p.sessionsEnergyKwh)} kWh, gemeldet sind ${de(p.energyKwh)} kWh` +
      (p.deviationPercent === null
        ? '.'
        : ` (Abweichung ${de(p.deviationPercent)} %, zulässig sind ${de(p.tolerancePercent)} %).`) +
      ' Bitte prüfen Sie die Angaben.',
    en: (p) =>
      `The uploaded sessions add up to ${en(p.sessionsEnergyKwh)} kWh, the report says ${en(p.energyKwh)} kWh` +
      (p.deviationPercent === null
        ? '.'
        : ` (deviation ${en(p.deviationPercent)} %, ${en(p.tolerancePercent)} % allowed).`) +
      ' Please check.',
  },
} as const satisfies Record<string, FindingDefinition<P>>;

/**
 * Checks a usage report against the location's capacity and the uploaded sessions.
 *
 * @throws RuleInputError when the period or a group's stored data is not usable (checked
 *   earlier by the location rules, so a caller's bug here).
 */
export function checkReport(report: ReportInput): Finding[] {
  const timeZone = report.timeZone ?? DEFAULT_TIME_ZONE;
  const period = periodBounds(report.period, timeZone);
  const energy = report.energyKwh;
  if (typeof energy !== 'number' || !Number.isFinite(energy)) {
    return [finding(REPORT_FINDINGS.REPORT_ENERGY_INVALID, 'energyKwh', { value: String(energy) })];
  }
  if (energy < 0) {
    return [finding(REPORT_FINDINGS.REPORT_ENERGY_NEGATIVE, 'energyKwh', { energyKwh: energy })];
  }
  const findings: Finding[] = [];
  const { capacityKwh, points } = capacityOf(report.groups, period, timeZone);
  if (energy > capacityKwh * (1 + ROUNDING)) {
    findings.push(
      finding(REPORT_FINDINGS.REPORT_ENERGY_ABOVE_CAPACITY, 'energyKwh', {
        energyKwh: energy,
        capacityKwh: Math.round(capacityKwh * 100) / 100,
        points,
        periodStart: new Date(period.startMs).toISOString(),
        periodEnd: new Date(period.endMs).toISOString(),
      }),
    );
  }
  const sessions = report.sessionsEnergyKwh;
  if (typeof sessions === 'number' && Number.isFinite(sessions)) {
    const deviation = Math.abs(sessions - energy);
    const allowed = SESSIONS_ENERGY_TOLERANCE * energy;
    if (deviation > allowed + ROUNDING * Math.max(energy, sessions)) {
      findings.push(
        finding(REPORT_FINDINGS.REPORT_SESSIONS_MISMATCH, 'energyKwh', {
          energyKwh: energy,
          sessionsEnergyKwh: Math.round(sessions * 100) / 100,
          deviationPercent: energy === 0 ? null : Math.round((deviation / energy) * 1000) / 10,
          tolerancePercent: SESSIONS_ENERGY_TOLERANCE * 100,
        }),
      );
    }
  }
  return findings;
}

/**
 * The most energy the groups can deliver in the period: points x kW x hours in operation, each
 * group from max(period start, commissioning) to the period end, in real hours (daylight saving
 * counted). A group without a commissioning date counts for the whole period, so a missing date
 * never causes a false error here (the location rules report it).
 */
export function capacityOf(
  groups: readonly ChargingGroupInput[],
  period: { startMs: number; endMs: number },
  timeZone = DEFAULT_TIME_ZONE,
): { capacityKwh: number; points: number } {
  let capacityKwh = 0;
  let points = 0;
  groups.forEach((group, index) => {
    const count = pointsOf(group);
    if (!Number.isFinite(count) || count < 0) {
      throw new RuleInputError(`groups[${index}]`, 'columns and points per column must be counts');
    }
    if (!(typeof group.kwPerPoint === 'number' && group.kwPerPoint > 0)) {
      throw new RuleInputError(`groups[${index}].kwPerPoint`, 'must be a positive number');
    }
    let from = period.startMs;
    if (group.commissionedAt != null) {
      const commissioned = toEpochMs(group.commissionedAt, timeZone);
      if (commissioned === null) {
        throw new RuleInputError(
          `groups[${index}].commissionedAt`,
          `${JSON.stringify(group.commissionedAt)} is not a valid date`,
        );
      }
      from = Math.max(from, commissioned);
    }
    const hours = Math.max(0, hoursBetween(from, period.endMs));
    if (hours > 0) points += count;
    capacityKwh += count * group.kwPerPoint * hours;
  });
  return { capacityKwh, points };
}
