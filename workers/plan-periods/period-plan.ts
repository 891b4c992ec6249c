/**
 * The reporting periods of a case, as calendar dates: consecutive spans of 12 months (yearly
 * rhythm) or 6 months (half-yearly) from the first commissioning, for the programme's
 * purpose-binding years; each report is due 90 days after its period ends.
 *
 * @example
 *   planPeriods({ start: '2024-03-15', years: 6, rhythm: 'JAEHRLICH' })[0];
 *   // { von: '2024-03-15', bis: '2025-03-14', frist: '2025-06-12' }
 */

/** Days between the end of a period and its report deadline. */
export const REPORT_DUE_DAYS = 90;

/** One planned period. */
export interface PlannedPeriod {
  von: string;
  bis: string;
  frist: string;
}

/** What the plan is made from. */
export interface PeriodPlanInput {
  /** First commissioning, `YYYY-MM-DD`. */
  start: string;
  /** Purpose-binding years of the programme. */
  years: number;
  rhythm: 'JAEHRLICH' | 'HALBJAEHRLICH';
}

/** The periods in order. */
export function planPeriods(input: PeriodPlanInput): PlannedPeriod[] {
  const months = input.rhythm === 'HALBJAEHRLICH' ? 6 : 12;
  const count = (input.years * 12) / months;
  const periods: PlannedPeriod[] = [];
  for (let k = 0; k < count; k += 1) {
    const von = addMonths(input.start, k * months);
    const bis = addDays(addMonths(input.start, (k + 1) * months), -1);
    periods.push({ von, bis, frist: addDays(bis, REPORT_DUE_DAYS) });
  }
  return periods;
}

/** `date` plus `months`, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** `date` plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
