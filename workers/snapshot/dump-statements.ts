/**
 * The anonymised dump as a stream of SQL text: header, then per table DROP/CREATE and batched
 * multi-row INSERTs, then the footer. Tables are read in key order in batches; tables with
 * quasi-identifiers are read twice (pass 1 counts equivalence classes, pass 2 writes). Fills
 * `report` as it goes.
 */
import type { Sequelize, Transaction } from 'sequelize';
import {
  publicPointRule,
  readPointPrivacy,
  SessionAggregates,
  sessionAggregateDumpTable,
  whToKwh,
  type PointPrivacy,
} from './charging-sessions.js';
import {
  chooseLevels,
  KAnonymityCounter,
  publishedTuple,
  type KAnonymityDecision,
} from './k-anonymity.js';
import { createTableSql, type DumpTable } from './mysql-ddl.js';
import { ReplacementValues } from './replacement-values.js';
import type { PlannedTable } from './snapshot-plan.js';
import { sqlIdentifier, sqlLiteral } from './sql-literal.js';
import { SurrogateKeys } from './surrogate-keys.js';
import { readBatches, type Row } from './table-reader.js';
import { layoutTable, type ColumnOutcome, type TableLayout } from './table-layout.js';

/** Tuning and privacy parameters of one dump. */
export interface DumpOptions {
  k: number;
  maxSuppressionRate: number;
  /** Rows per SELECT. */
  batchSize: number;
  /** Rows per INSERT statement. */
  insertRows: number;
}

/** k-anonymity figures of one table. */
export interface TableKAnonymity {
  quasiIdentifiers: { column: string; method: string; level: number; levelName: string }[];
  equivalenceClasses: number;
  suppressedRows: number;
  /** Per column: values published coarser than the base method. */
  generalisedValues: Record<string, number>;
}

/** What the dump did with one table. */
export interface TableReport {
  table: string;
  sourceRows: number;
  rows: number;
  columns: ColumnOutcome[];
  kAnonymity?: TableKAnonymity;
}

/** Charging-session figures. */
export interface SessionReport {
  rule: string;
  publicSessions: number;
  aggregatedSessions: number;
  aggregateRows: number;
}

/** Everything the manifest reports about the dump's content. */
export interface DumpReport {
  tables: TableReport[];
  sessions?: SessionReport;
}

/** Parents before children, so the dump reads top-down (loading does not depend on it). */
export function orderTables(plan: PlannedTable[]): PlannedTable[] {
  const byName = new Map(plan.map((t) => [t.live.name, t]));
  const done = new Set<string>();
  const ordered: PlannedTable[] = [];
  const visit = (table: PlannedTable, path: Set<string>) => {
    if (done.has(table.live.name) || path.has(table.live.name)) return;
    path.add(table.live.name);
    for (const key of table.live.foreignKeys) {
      const parent = byName.get(key.references.table);
      if (parent) visit(parent, path);
    }
    done.add(table.live.name);
    ordered.push(table);
  };
  for (const table of [...plan].sort((a, b) => (a.live.name < b.live.name ? -1 : 1)))
    visit(table, new Set());
  return ordered;
}

const header = (title: string) =>
  `-- ${title}\n` +
  'SET NAMES utf8mb4;\n' +
  'SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0;\n' +
  'SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0;\n' +
  "SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO';\n" +
  "SET @OLD_TIME_ZONE=@@TIME_ZONE, TIME_ZONE='+00:00';\n\n";
const footer =
  '\nSET TIME_ZONE=@OLD_TIME_ZONE;\nSET SQL_MODE=@OLD_SQL_MODE;\n' +
  'SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS;\nSET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS;\n';

/** Collects row literals into multi-row INSERT statements of bounded size. */
class InsertBatcher {
  private rows: string[] = [];
  private bytes = 0;
  private readonly prefix: string;
  constructor(
    table: DumpTable,
    private readonly maxRows: number,
    private readonly maxBytes = 512 * 1024,
  ) {
    this.prefix = `INSERT INTO ${sqlIdentifier(table.name)} (${table.columns.map((c) => sqlIdentifier(c.name)).join(', ')}) VALUES\n`;
  }
  /** Adds a row; returns a finished statement when the batch is full. */
  add(values: string[]): string | undefined {
    const literal = `(${values.join(',')})`;
    this.rows.push(literal);
    this.bytes += literal.length;
    return this.rows.length >= this.maxRows || this.bytes >= this.maxBytes
      ? this.flush()
      : undefined;
  }
  flush(): string | undefined {
    if (this.rows.length === 0) return undefined;
    const statement = `${this.prefix}${this.rows.join(',\n')};\n`;
    this.rows = [];
    this.bytes = 0;
    return statement;
  }
}

/** The source database of a dump. */
export interface DumpSource {
  sequelize: Sequelize;
  dialect: 'sqlite' | 'mysql';
  transaction?: Transaction;
}

/** Streams the dump's SQL. `report` is complete when the generator has finished. */
export async function* dumpStatements(
  source: DumpSource,
  plan: PlannedTable[],
  options: DumpOptions,
  title: string,
  report: DumpReport,
): AsyncGenerator<string> {
  const keys = new SurrogateKeys();
  const replacements = new ReplacementValues();
  const referenced = new Set(
    plan.flatMap((t) =>
      t.live.foreignKeys.map((k) => `${k.references.table}.${k.references.column}`),
    ),
  );
  // The aggregate table refers to the charging-column groups.
  referenced.add('ladesaeulengruppe.id');
  const outputTables = new Set(plan.map((t) => t.live.name));
  const layouts = orderTables(plan).map((t) =>
    layoutTable(t, referenced, outputTables, source.dialect === 'sqlite'),
  );
  try {
    yield header(title);
    for (const layout of layouts) {
      yield* dumpTable(source, layout, options, keys, replacements, report);
    }
    yield footer;
  } finally {
    // The key map exists only for this snapshot.
    keys.clear();
  }
}

async function* dumpTable(
  source: DumpSource,
  layout: TableLayout,
  options: DumpOptions,
  keys: SurrogateKeys,
  replacements: ReplacementValues,
  report: DumpReport,
): AsyncGenerator<string> {
  const table = layout.dump.name;
  const read = (columns: readonly string[]) =>
    readBatches(source.sequelize, {
      table,
      columns,
      key: layout.planned.live.primaryKey,
      batchSize: options.batchSize,
      transaction: source.transaction,
    });

  // Pass 1: equivalence classes of the quasi-identifiers.
  const counter = new KAnonymityCounter(layout.quasiIdentifiers);
  let decided: KAnonymityDecision | undefined;
  if (layout.quasiIdentifiers.length > 0) {
    for await (const batch of read(layout.quasiIdentifiers.map((q) => q.column))) {
      for (const row of batch) counter.add(row);
    }
    decided = chooseLevels(counter, options.k, options.maxSuppressionRate);
  }

  let points: PointPrivacy | undefined;
  let aggregates: SessionAggregates | undefined;
  if (layout.sessions) {
    points = await readPointPrivacy(source.sequelize, source.transaction, options.batchSize);
    aggregates = new SessionAggregates();
  }

  yield `-- ${table}\n${createTableSql(layout.dump)}`;
  const batcher = new InsertBatcher(layout.dump, options.insertRows);
  const generalised: Record<string, number> = {};
  let sourceRows = 0;
  let rows = 0;
  let suppressed = 0;
  const sourceColumns = layout.planned.columns.map((c) => c.live.name);
  for await (const batch of read(sourceColumns)) {
    let chunk = '';
    for (const row of batch) {
      sourceRows++;
      if (points && aggregates) {
        const point = String(row.ladepunktId);
        if (!points.publicPoints.has(point)) {
          aggregates.add(
            points.privateGroups.get(point) ?? null,
            row.beginn,
            row.energieKwh,
            row.maxKw,
          );
          continue;
        }
      }
      let published: ReturnType<typeof publishedTuple> = [];
      if (decided) {
        published = publishedTuple(counter, decided, row);
        if (published === null) suppressed++;
        else countGeneralised(counter, decided, row, generalised);
      }
      const values = layout.columns.map((column) => {
        const value = row[column.source];
        switch (column.value.kind) {
          case 'copy':
            return sqlLiteral(value, column.dump.kind);
          case 'quasi':
            return sqlLiteral(
              published === null ? null : published[column.value.index],
              column.dump.kind,
            );
          case 'surrogate':
            return sqlLiteral(
              value === null || value === undefined
                ? null
                : column.value.remember
                  ? keys.of(value)
                  : keys.fresh(),
              'text',
            );
          case 'replace':
            return sqlLiteral(
              value === null || value === undefined
                ? null
                : replacements.next(column.value.with, table),
              'text',
            );
        }
      });
      rows++;
      const statement = batcher.add(values);
      if (statement) chunk += statement;
    }
    if (chunk) yield chunk;
  }
  const rest = batcher.flush();
  if (rest) yield rest;
  yield '\n';

  const tableReport: TableReport = { table, sourceRows, rows, columns: layout.outcomes };
  if (decided) {
    tableReport.kAnonymity = {
      quasiIdentifiers: layout.quasiIdentifiers.map((q, i) => ({
        column: q.column,
        method: q.method,
        level: decided.levels[i]!,
        levelName: q.hierarchy.levels[decided.levels[i]!]!,
      })),
      equivalenceClasses: decided.equivalenceClasses,
      suppressedRows: suppressed,
      generalisedValues: generalised,
    };
  }
  report.tables.push(tableReport);

  if (aggregates) {
    yield* dumpAggregates(aggregates, keys, options, report);
    report.sessions = {
      rule: publicPointRule,
      publicSessions: rows,
      aggregatedSessions: aggregates.aggregatedSessions,
      aggregateRows: aggregates.rows().length,
    };
  }
}

function countGeneralised(
  counter: KAnonymityCounter,
  decided: KAnonymityDecision,
  row: Row,
  generalised: Record<string, number>,
): void {
  counter.quasiIdentifiers.forEach((q, i) => {
    if (decided.levels[i]! > 0 && row[q.column] !== null && row[q.column] !== undefined) {
      generalised[q.column] = (generalised[q.column] ?? 0) + 1;
    }
  });
}

async function* dumpAggregates(
  aggregates: SessionAggregates,
  keys: SurrogateKeys,
  options: DumpOptions,
  report: DumpReport,
): AsyncGenerator<string> {
  const table = sessionAggregateDumpTable;
  yield `-- Sessions at private or single-user points, as monthly aggregates per charging-column group:\n-- ${table.name}\n${createTableSql(table)}`;
  const batcher = new InsertBatcher(table, options.insertRows);
  const all = aggregates.rows();
  for (const entry of all) {
    const statement = batcher.add([
      sqlLiteral(keys.fresh(), 'text'),
      sqlLiteral(entry.group === null ? null : keys.of(entry.group), 'text'),
      sqlLiteral(entry.month, 'text'),
      sqlLiteral(entry.sessions, 'number'),
      sqlLiteral(whToKwh(entry.energyWh), 'number'),
      sqlLiteral(entry.maxKw, 'number'),
    ]);
    if (statement) yield statement;
  }
  const rest = batcher.flush();
  if (rest) yield rest;
  yield '\n';
  report.tables.push({
    table: table.name,
    sourceRows: aggregates.aggregatedSessions,
    rows: all.length,
    columns: table.columns.map((c) => ({
      column: c.name,
      class: 'none',
      rule: 'aggregate',
      output: 'aggregate',
    })),
  });
}
