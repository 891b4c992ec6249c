/**
 * Charging sessions (`ladevorgang`) reveal when someone is at home or at work. A session leaves
 * the snapshot row by row only when its charging point is public; every other session enters
 * only a monthly aggregate per charging-column group (count, kWh sum, highest kW).
 *
 * A point is public only when all of these hold (anything unknown counts as private):
 * - its location's access (`standort.zugang`) is `OEFFENTLICH`;
 * - the location is not a private home (`standort.privaterWohnsitz` false, `standortTyp` not
 *   `EIGENHEIM`);
 * - the case's programme is not KfW 440 (private homes by definition).
 * Non-public and restricted points (KfW 439/441 require "not public") serve one household, one
 * fleet or a few employees, so they count as single-user.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { isoDate } from './generalisation.js';
import type { DumpTable } from './mysql-ddl.js';

/** The session table and the aggregate table the dump adds for it. */
export const sessionTable = 'ladevorgang';
export const sessionAggregateTable = 'ladevorgang_monat';

/** The rule, in words, for the manifest and the docs. */
export const publicPointRule =
  "public only if standort.zugang = 'OEFFENTLICH', standort.privaterWohnsitz is false, " +
  "standort.standortTyp is not 'EIGENHEIM' and the programme is not KFW_440; otherwise private or single-user";

/** Which charging points are private or single-user, and their group. */
export interface PointPrivacy {
  /** Private points -> their ladesaeulengruppe id (real id; mapped to a surrogate when written). */
  privateGroups: Map<string, string>;
  publicPoints: Set<string>;
}

/** Reads the privacy of every charging point in batches (keyset on the point id). */
export async function readPointPrivacy(
  sequelize: Sequelize,
  transaction: Transaction | undefined,
  batchSize: number,
): Promise<PointPrivacy> {
  const result: PointPrivacy = { privateGroups: new Map(), publicPoints: new Set() };
  let last: string | undefined;
  for (;;) {
    const rows = await sequelize.query<{
      punkt: string;
      gruppe: string;
      zugang: string | null;
      privat: number | boolean | null;
      typ: string | null;
      programm: string | null;
    }>(
      `SELECT lp.\`id\` AS punkt, lp.\`ladesaeulengruppeId\` AS gruppe, s.\`zugang\` AS zugang,
              s.\`privaterWohnsitz\` AS privat, s.\`standortTyp\` AS typ, p.\`code\` AS programm
         FROM \`ladepunkt\` lp
         LEFT JOIN \`ladesaeulengruppe\` g ON g.\`id\` = lp.\`ladesaeulengruppeId\`
         LEFT JOIN \`standort\` s ON s.\`id\` = g.\`standortId\`
         LEFT JOIN \`foerderfall\` f ON f.\`id\` = s.\`foerderfallId\`
         LEFT JOIN \`programm\` p ON p.\`id\` = f.\`programmId\`
        ${last === undefined ? '' : 'WHERE lp.`id` > ?'}
        ORDER BY lp.\`id\` LIMIT ${batchSize}`,
      { type: QueryTypes.SELECT, transaction, replacements: last === undefined ? [] : [last] },
    );
    for (const row of rows) {
      const isPublic =
        row.zugang === 'OEFFENTLICH' &&
        (row.privat === 0 || row.privat === false) &&
        row.typ !== 'EIGENHEIM' &&
        row.programm !== null &&
        row.programm !== 'KFW_440';
      if (isPublic) result.publicPoints.add(row.punkt);
      else result.privateGroups.set(row.punkt, row.gruppe);
    }
    if (rows.length < batchSize) return result;
    last = rows[rows.length - 1]!.punkt;
  }
}

interface MonthAggregate {
  group: string | null;
  month: string;
  sessions: number;
  energyWh: number;
  maxKw: number | null;
}

/** Collects the monthly aggregates of private sessions. */
export class SessionAggregates {
  private readonly byKey = new Map<string, MonthAggregate>();
  aggregatedSessions = 0;

  /** Adds one private session (`group` is the real group id). */
  add(group: string | null, beginn: unknown, energieKwh: unknown, maxKw: unknown): void {
    const month = isoDate(beginn)?.slice(0, 7) ?? 'unbekannt';
    const key = `${group ?? ''}|${month}`;
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { group, month, sessions: 0, energyWh: 0, maxKw: null };
      this.byKey.set(key, entry);
    }
    entry.sessions++;
    // Whole watt-hours: summing kWh as doubles would drift in the last decimal.
    const kwh = Number(energieKwh);
    if (Number.isFinite(kwh)) entry.energyWh += Math.round(kwh * 1000);
    const kw = maxKw === null || maxKw === undefined ? NaN : Number(maxKw);
    if (Number.isFinite(kw)) entry.maxKw = entry.maxKw === null ? kw : Math.max(entry.maxKw, kw);
    this.aggregatedSessions++;
  }

  /** The aggregates in a stable order (group, month). */
  rows(): MonthAggregate[] {
    return [...this.byKey.values()].sort((a, b) =>
      `${a.group}|${a.month}` < `${b.group}|${b.month}` ? -1 : 1,
    );
  }
}

/** The aggregate table's definition in the dump. */
export const sessionAggregateDumpTable: DumpTable = {
  name: sessionAggregateTable,
  columns: [
    { name: 'id', sqlType: 'CHAR(36)', nullable: false, kind: 'text' },
    { name: 'ladesaeulengruppeId', sqlType: 'CHAR(36)', nullable: true, kind: 'text' },
    { name: 'monat', sqlType: 'VARCHAR(9)', nullable: false, kind: 'text' },
    { name: 'anzahlLadevorgaenge', sqlType: 'INT', nullable: false, kind: 'number' },
    { name: 'energieKwhSumme', sqlType: 'DECIMAL(15,3)', nullable: false, kind: 'number' },
    { name: 'maxKw', sqlType: 'DECIMAL(7,2)', nullable: true, kind: 'number' },
  ],
  primaryKey: ['id'],
  foreignKeys: [
    { column: 'ladesaeulengruppeId', references: { table: 'ladesaeulengruppe', column: 'id' } },
  ],
  indexes: [
    {
      name: 'ladevorgang_monat_gruppe_monat_idx',
      unique: false,
      columns: ['ladesaeulengruppeId', 'monat'],
    },
  ],
};

/** kWh with three decimals from whole watt-hours. */
export function whToKwh(wh: number): string {
  const sign = wh < 0 ? '-' : '';
  const abs = Math.abs(wh);
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}
