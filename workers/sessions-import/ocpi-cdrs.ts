/**
 * Charging sessions as OCPI 2.2.1 CDRs (Charge Detail Records): a JSON array of CDR objects, or
 * an OCPI response envelope `{ "data": [...], "status_code": 1000, ... }`. Read per CDR:
 * `start_date_time`, `end_date_time` (RFC 3339), `total_energy` (kWh) and
 * `cdr_location.evse_id`. Tokens (`cdr_token`, `auth_method`) are never read or stored.
 *
 * The file is read whole, up to {@link MAX_CDR_FILE_BYTES}: JSON has no row boundaries to stream
 * on without a streaming JSON parser, and CDR exports per location and year stay far below
 * the limit (a CDR is about 1 kB, 100,000 sessions about 100 MB would need the CSV format).
 */
import type { Readable } from 'node:stream';
import { SessionsFileError, type ParsedRow } from './session-row.js';

/** Largest CDR file accepted. */
export const MAX_CDR_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Deepest nesting of arrays and objects accepted. A CDR is nested about four levels deep; a
 * file nested 100,000 levels deep parses, but every recursive step after it (JSON.stringify of
 * the row report's excerpt) overflows the stack.
 */
export const MAX_CDR_NESTING = 64;

/** Reads the CDRs of a file. @throws SessionsFileError for a file that is not a CDR list. */
export async function* readOcpiCdrs(input: Readable): AsyncGenerator<ParsedRow> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    size += (chunk as Buffer).length;
    if (size > MAX_CDR_FILE_BYTES) {
      input.destroy();
      throw new SessionsFileError(
        `Die CDR-Datei ist größer als ${MAX_CDR_FILE_BYTES / 1024 / 1024} MB; bitte im CSV-Format hochladen`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const tooDeep = firstTooDeep(text, MAX_CDR_NESTING);
  if (tooDeep !== null) {
    throw new SessionsFileError(
      `Die Datei ist tiefer als ${MAX_CDR_NESTING} Ebenen verschachtelt (ab Zeichen ${tooDeep}); eine OCPI-CDR-Liste ist nur wenige Ebenen tief`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new SessionsFileError(`Die Datei ist kein gültiges JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(document) ? document : (document as { data?: unknown } | null)?.data;
  if (!Array.isArray(list)) {
    throw new SessionsFileError(
      'Die Datei enthält keine Liste von OCPI-CDRs (erwartet: JSON-Array oder Objekt mit „data“-Array)',
    );
  }
  for (let index = 0; index < list.length; index += 1) yield cdrOf(list[index], index + 1);
}

/**
 * The 1-based position of the bracket that opens level `limit + 1`, or null. Hand-written
 * because JSON.parse has no depth option and the well-kept streaming parsers would replace the
 * whole reader for one counter; a single pass that skips string contents is enough.
 */
function firstTooDeep(text: string, limit: number): number | null {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > limit) return index + 1;
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return null;
}

function cdrOf(cdr: unknown, row: number): ParsedRow {
  const reject = (column: string | null, value: unknown, message: string): ParsedRow => ({
    kind: 'rejected',
    rejection: {
      row,
      column,
      value: value === undefined ? null : JSON.stringify(value).slice(0, 200),
      code: column === null ? 'CDR_INVALID' : 'CDR_FIELD_INVALID',
      message: `CDR ${row}: ${message}`,
    },
  });
  if (cdr === null || typeof cdr !== 'object' || Array.isArray(cdr)) {
    return reject(null, cdr, 'ist kein JSON-Objekt.');
  }
  const record = cdr as Record<string, unknown>;
  const location = record.cdr_location as Record<string, unknown> | undefined;
  const evseId = location?.evse_id;
  if (typeof evseId !== 'string' || evseId.trim() === '') {
    return reject('cdr_location.evse_id', evseId, '„cdr_location.evse_id“ fehlt.');
  }
  for (const field of ['start_date_time', 'end_date_time'] as const) {
    if (typeof record[field] !== 'string') {
      return reject(field, record[field], `„${field}“ fehlt oder ist kein Zeitstempel.`);
    }
  }
  const energy = record.total_energy;
  if (typeof energy !== 'number' || !Number.isFinite(energy)) {
    return reject('total_energy', energy, '„total_energy“ fehlt oder ist keine Zahl (kWh).');
  }
  return {
    kind: 'session',
    session: {
      pointId: evseId.trim(),
      start: record.start_date_time as string,
      end: record.end_date_time as string,
      energyKwh: energy,
      row,
      meterStartWh: null,
      meterEndWh: null,
      maxKw: null,
      stopReason: null,
    },
  };
}
