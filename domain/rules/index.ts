/**
 * The plausibility rules of the funding domain, shared by the portal's form validation and the
 * validation workers. Pure functions over plain values; findings are data (see `finding.ts`).
 *
 * @example
 *   import { checkSessions, checkReport, checkLocations, isValid } from '../domain/rules/index.js';
 *   const sessions = checkSessions(rows, { period, points });
 *   const findings = [
 *     ...sessions.findings,
 *     ...checkReport({ energyKwh, period, groups, sessionsEnergyKwh: sessions.energyKwh }),
 *   ];
 *   const valid = isValid(findings);
 */
import { LOCATION_FINDINGS } from './location-rules.js';
import { REPORT_FINDINGS } from './report-rules.js';
import { SESSION_FINDINGS } from './session-rules.js';

export type { Finding, FindingDefinition, FindingParams, Severity } from './finding.js';
export { isValid } from './finding.js';
export type { PeriodBounds, PeriodInput, TimeInput } from './timestamps.js';
export { DEFAULT_TIME_ZONE, RuleInputError, periodBounds, toEpochMs } from './timestamps.js';
export type { ChargingGroupInput } from './charging-group.js';
export { pointsOf } from './charging-group.js';
export type {
  ChargingPointInput,
  SessionCheck,
  SessionContext,
  SessionInput,
} from './session-rules.js';
export { SESSION_ENERGY_FACTOR, SESSION_FINDINGS, checkSessions } from './session-rules.js';
export type { ReportInput } from './report-rules.js';
export {
  REPORT_FINDINGS,
  SESSIONS_ENERGY_TOLERANCE,
  capacityOf,
  checkReport,
} from './report-rules.js';
export type { CaseLocationsInput, LocationInput, ProgrammeLimits } from './location-rules.js';
export {
  LOCATION_FINDINGS,
  checkCommissioningForPeriod,
  checkLocations,
} from './location-rules.js';

/** Every finding code with its severity and messages, for documentation and renderers. */
export const FINDING_DEFINITIONS = {
  ...SESSION_FINDINGS,
  ...REPORT_FINDINGS,
  ...LOCATION_FINDINGS,
} as const;
/** A finding code of the rules. */
export type FindingCode = keyof typeof FINDING_DEFINITIONS;
