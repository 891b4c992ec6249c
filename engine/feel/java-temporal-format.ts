/**
 * Formats feelin's temporal values the way Zeebe writes them into variables.
 *
 * Zeebe serialises a FEEL result with Java's `toString()` (FeelToMessagePackTransformer in
 * camunda/camunda: `ValDateTime(dateTime) => dateTime.toString`, `ValDayTimeDuration(duration) =>
 * duration.toString`, ...). So a date-time with zero seconds loses them (`2026-01-15T10:00Z`), a
 * named zone is appended in brackets (`2026-01-15T10:00+01:00[Europe/Berlin]`) and a days-and-time
 * duration counts hours (`duration("P14D")` becomes `PT336H`). FEEL's `to json()` instead uses
 * Java's ISO formatters, which always print the seconds: that is the `iso` style here.
 * Written by hand because no library reproduces Java's `toString()` rules.
 */
import type { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import { Temporal } from 'temporal-polyfill';

/** `toString`: how Zeebe stores a FEEL temporal in a variable; `iso`: what `to json()` prints. */
export type TemporalStyle = 'toString' | 'iso';

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** Java LocalTime: `HH:mm`, then `:ss` unless seconds and fraction are zero (always in `iso`). */
function formatLocalTime(
  t: {
    hour: number;
    minute: number;
    second: number;
    millisecond: number;
    microsecond: number;
    nanosecond: number;
  },
  style: TemporalStyle,
): string {
  const nanos = t.millisecond * 1_000_000 + t.microsecond * 1_000 + t.nanosecond;
  let text = `${pad(t.hour)}:${pad(t.minute)}`;
  if (style === 'iso' || t.second !== 0 || nanos !== 0) text += `:${pad(t.second)}`;
  if (nanos === 0) return text;
  const nine = String(nanos).padStart(9, '0');
  if (style === 'iso') return `${text}.${nine.replace(/0+$/, '')}`;
  // Java's toString prints 3, 6 or 9 fraction digits
  if (nanos % 1_000_000 === 0) return `${text}.${nine.slice(0, 3)}`;
  if (nanos % 1_000 === 0) return `${text}.${nine.slice(0, 6)}`;
  return `${text}.${nine}`;
}

function formatLocalDate(d: { year: number; month: number; day: number }): string {
  const year = d.year > 9999 ? `+${d.year}` : d.year < 0 ? `-${pad(d.year, 4)}` : pad(d.year, 4);
  return `${year}-${pad(d.month)}-${pad(d.day)}`;
}

/** Java ZoneOffset: `Z` for zero, else `+01:00`. */
function formatOffset(offset: string): string {
  return offset === '+00:00' ? 'Z' : offset;
}

/** Whether a feelin zone is a fixed offset (`UTC`, `Z`, `+01:00`) rather than a region id. */
function isFixedOffset(zone: string): boolean {
  return zone === 'UTC' || zone === 'Z' || /^[+-]\d{2}:\d{2}(:\d{2})?$/.test(zone);
}

/** A FEEL date as Java's LocalDate prints it: `2026-01-15`. */
export function formatDate(value: FeelDate): string {
  return formatLocalDate(value.unwrap());
}

/** A FEEL time: local `10:00`, zoned `10:00:00+01:00` (feel-scala's ZonedTime format). */
export function formatTime(value: FeelTime, style: TemporalStyle): string {
  const t = value.unwrap();
  if (value.zone === null) return formatLocalTime(t, style);
  const local = formatLocalTime(t, 'iso');
  if (isFixedOffset(value.zone)) return `${local}${value.zone === 'UTC' ? 'Z' : value.zone}`;
  return `${local}@${value.zone}`;
}

/** A FEEL date and time as Java's LocalDateTime or ZonedDateTime prints it. */
export function formatDateTime(value: FeelDateTime, style: TemporalStyle): string {
  const local = value.unwrap();
  const text = `${formatLocalDate(local)}T${formatLocalTime(local, style)}`;
  if (value.zone === null) return text;
  const zone = value.zone === 'Z' ? 'UTC' : value.zone;
  const offset = local.toZonedDateTime(zone).offset;
  return isFixedOffset(zone)
    ? `${text}${formatOffset(offset)}`
    : `${text}${formatOffset(offset)}[${zone}]`;
}

/**
 * A FEEL duration as Java prints it: years and months as a Period (`P1Y2M`, zero `P0D`), days and
 * time as a Duration in hours, minutes and seconds (`PT336H`, `PT1H30M`, `PT-0.5S`, zero `PT0S`).
 * feelin may leave days on a years-and-months result (`years and months duration` of two dates);
 * FEEL's type has none, so they are dropped as in feel-scala.
 */
export function formatDuration(value: FeelDuration): string {
  const d = value.unwrap();
  if (value.yearsMonths) return formatPeriod(d.years, d.months, 0);
  const sign = d.sign < 0 ? -1 : 1;
  const totalNanos =
    ((((Math.abs(d.weeks) * 7 + Math.abs(d.days)) * 24 + Math.abs(d.hours)) * 60 +
      Math.abs(d.minutes)) *
      60 +
      Math.abs(d.seconds)) *
      1e9 +
    Math.abs(d.milliseconds) * 1e6 +
    Math.abs(d.microseconds) * 1e3 +
    Math.abs(d.nanoseconds);
  return formatJavaDuration(totalNanos * sign);
}

/** Java Period.toString: `P1Y2M3D`, zero `P0D`. */
function formatPeriod(years: number, months: number, days: number): string {
  if (years === 0 && months === 0 && days === 0) return 'P0D';
  return `P${years ? `${years}Y` : ''}${months ? `${months}M` : ''}${days ? `${days}D` : ''}`;
}

/** Java Duration.toString over a total of nanoseconds: `PT336H`, `PT-1H-30M`, `PT0.5S`. */
export function formatJavaDuration(totalNanos: number): string {
  if (totalNanos === 0) return 'PT0S';
  const negative = totalNanos < 0;
  const abs = Math.abs(totalNanos);
  const totalSeconds = Math.floor(abs / 1e9);
  const nanos = Math.round(abs - totalSeconds * 1e9);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const minus = negative ? '-' : '';
  let text = 'PT';
  if (hours) text += `${minus}${hours}H`;
  if (minutes) text += `${minus}${minutes}M`;
  if (seconds === 0 && nanos === 0 && text.length > 2) return text;
  text += `${minus}${seconds}`;
  if (nanos > 0) text += `.${String(nanos).padStart(9, '0').replace(/0+$/, '')}`;
  return `${text}S`;
}

/**
 * An instant in a zone as Java's ZonedDateTime prints it: `2026-12-01T10:00Z`,
 * `2026-12-01T10:00+01:00`, `2026-12-01T10:00+01:00[Europe/Berlin]`.
 *
 * @param zone a region id, an offset such as `+01:00`, or `UTC`
 */
export function formatZonedInstant(epochMillis: number, zone: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMillis).toZonedDateTimeISO(zone);
  const local = zoned.toPlainDateTime();
  const text = `${formatLocalDate(local)}T${formatLocalTime(local, 'toString')}${formatOffset(zoned.offset)}`;
  return isFixedOffset(zone) ? text : `${text}[${zone}]`;
}
