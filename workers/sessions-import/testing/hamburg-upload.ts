/**
 * Turns the public Hamburg charging sessions (February and March 2020, dl-de/by-2-0, "Elektro
 * Ladestandorte Hamburg", BVM Hamburg, processed by TU München; see /work/shared/data/README.md
 * and domain/rules/fixtures/NOTICE) into uploads in our formats at test time.
 *
 * The source has local times without offset and no energy: times get the Berlin offset of their
 * date (CET before 2020-03-29 02:00, CEST from then on), energy is duration x an assumed 11 kW.
 * Each `charger_id` becomes the EVSE-ID `DE*HAM*E<charger_id>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Assumed average power of a session, kW (the points are 22 kW AC). */
export const ASSUMED_KW = 11;

/** One source session in our terms. */
export interface HamburgSession {
  evseId: string;
  start: string;
  end: string;
  energyKwh: number;
}

const SHARED = '/work/shared/data/hamburg-charging-sessions-2020.csv';
const SAMPLE = fileURLToPath(
  new URL('../../../domain/rules/fixtures/hamburg-sessions-2020-sample.csv', import.meta.url),
);

/** The full file where it is available, else the sample committed with the domain rules. */
export function readHamburgSessions(): HamburgSession[] {
  const text = readFileSync(existsSync(SHARED) ? SHARED : SAMPLE, 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (!header?.startsWith('charger_id,start_time,end_time,duration,')) {
    throw new Error(`unexpected Hamburg header: ${header}`);
  }
  return lines.map((line) => {
    const [charger, start, end, duration] = line.split(',') as [string, string, string, string];
    return {
      evseId: `DE*HAM*E${charger}`,
      start: withBerlinOffset(start),
      end: withBerlinOffset(end),
      energyKwh: (Number(duration) / 3600) * ASSUMED_KW,
    };
  });
}

/** `2020-02-08 09:34:25` -> `2020-02-08T09:34:25+01:00` (or +02:00 from 29 March 2020, 03:00). */
function withBerlinOffset(local: string): string {
  const summer = local >= '2020-03-29 03:00:00' && local < '2020-10-25 02:00:00';
  return `${local.replace(' ', 'T')}${summer ? '+02:00' : '+01:00'}`;
}

/** Our CSV with a declared decimal comma. */
export function toOurCsv(
  sessions: readonly HamburgSession[],
  extraLines: readonly string[] = [],
): string {
  const rows = sessions.map((s) =>
    [
      s.evseId,
      s.start,
      s.end,
      s.energyKwh.toFixed(3).replace('.', ','),
      '',
      '',
      '22',
      'EVDisconnected',
    ].join(';'),
  );
  return [
    '#decimal=,',
    'evse_id;beginn;ende;energie_kwh;zaehlerstand_beginn_wh;zaehlerstand_ende_wh;max_kw;beendigungsgrund',
    ...rows,
    ...extraLines,
    '',
  ].join('\r\n');
}

/** OCPI 2.2.1 CDRs (only the fields the import reads, plus a token it must ignore). */
export function toOcpiCdrs(sessions: readonly HamburgSession[]): string {
  return JSON.stringify({
    status_code: 1000,
    timestamp: '2020-04-01T00:00:00Z',
    data: sessions.map((s, i) => ({
      country_code: 'DE',
      party_id: 'HAM',
      id: `CDR${i + 1}`,
      start_date_time: new Date(s.start).toISOString(),
      end_date_time: new Date(s.end).toISOString(),
      cdr_token: { uid: 'SECRET-TOKEN-UID', type: 'RFID', contract_id: 'DE-HAM-C12345678-9' },
      auth_method: 'WHITELIST',
      cdr_location: { id: 'LOC1', evse_uid: `EVSE${i}`, evse_id: s.evseId, connector_id: '1' },
      currency: 'EUR',
      total_cost: { excl_vat: 0 },
      total_energy: Number(s.energyKwh.toFixed(3)),
      total_time: (Date.parse(s.end) - Date.parse(s.start)) / 3_600_000,
      last_updated: '2020-04-01T00:00:00Z',
    })),
  });
}
