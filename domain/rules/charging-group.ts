/**
 * A Ladesäulengruppe as the rules see it: identical charging columns entered once with a count.
 *
 * @example
 *   pointsOf({ columns: 3, pointsPerColumn: 2, kwPerPoint: 22 }); // 6
 */
import type { TimeInput } from './timestamps.js';

/** One group of identical charging columns. */
export interface ChargingGroupInput {
  /** Number of charging columns (Ladesäulen). */
  columns: number;
  /** Charging points per column. */
  pointsPerColumn: number;
  /** Nameplate power of each point in kW. */
  kwPerPoint: number;
  /** Calendar date or instant of commissioning; `null` while not commissioned. */
  commissionedAt?: TimeInput | null;
}

/** Number of charging points of a group (columns x points per column). */
export function pointsOf(group: ChargingGroupInput): number {
  return group.columns * group.pointsPerColumn;
}
