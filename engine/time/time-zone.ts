/**
 * Time zone resolution shared by the timer parsers. Temporal (via `temporal-polyfill`) does the
 * calendar and DST arithmetic; Node has no built-in Temporal before version 26.
 */
import { Temporal } from 'temporal-polyfill';

/** The zone in which the engine does calendar arithmetic unless a timer names one: UTC. */
export const ENGINE_TIME_ZONE = 'UTC';

/** Whether Temporal knows the zone id (`Europe/Berlin`, `UTC`, `+01:00`). */
export function isValidTimeZone(zone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves a wall-clock time in a zone like Java's `ZonedDateTime.ofLocal(local, zone,
 * preferredOffset)`: in a DST overlap the previous offset is kept when still valid, in a gap the
 * time moves forward by the gap's length.
 */
export function resolveLocal(
  local: Temporal.PlainDateTime,
  zone: string,
  preferredOffset: string,
): Temporal.ZonedDateTime {
  const earlier = local.toZonedDateTime(zone, { disambiguation: 'earlier' });
  const inGap = !earlier.toPlainDateTime().equals(local);
  // 'compatible' moves a time in a gap forward by the gap's length, as Java does
  if (inGap) return local.toZonedDateTime(zone, { disambiguation: 'compatible' });
  const later = local.toZonedDateTime(zone, { disambiguation: 'later' });
  return later.offset === preferredOffset ? later : earlier;
}
