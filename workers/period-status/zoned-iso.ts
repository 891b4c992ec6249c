/**
 * An instant as ISO 8601 with the local offset of a time zone (`2025-01-01T00:00:00+01:00`),
 * the form BPMN timers and due dates read. Written by hand: Temporal is not in Node 20, and
 * `Intl` gives the offset but no ISO formatter.
 */
import { DEFAULT_TIME_ZONE } from '../../domain/index.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/** `ms` as `YYYY-MM-DDTHH:mm:ss±HH:MM` in `timeZone` (Europe/Berlin by default). */
export function zonedIso(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formats.set(timeZone, format);
  }
  const name = format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value;
  // "GMT" for UTC itself, else "GMT+01:00"
  const offset = !name || name === 'GMT' ? '+00:00' : name.slice(3);
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetMs =
    sign * (Number(offset.slice(1, 3)) * 3_600_000 + Number(offset.slice(4, 6)) * 60_000);
  const local = new Date(ms + offsetMs).toISOString().slice(0, 19);
  return `${local}${offset}`;
}
