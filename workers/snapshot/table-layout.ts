/**
 * How one live table appears in the dump: which columns survive, with which MySQL type, and how
 * each value is transformed by its column's rule. Quasi-identifiers (generalised columns and
 * kept quasi columns) are collected for the k-anonymity check.
 */
import { describeRule, type ColumnPrivacy, type ReplacementKind } from '../../domain/index.js';
import { sessionTable } from './charging-sessions.js';
import { hierarchyOf, keepHierarchy } from './generalisation.js';
import type { QuasiIdentifier } from './k-anonymity.js';
import { mysqlType, type DumpColumn, type DumpTable } from './mysql-ddl.js';
import type { PlannedTable } from './snapshot-plan.js';

/** How an output column gets its value. */
export type ValueSource =
  | { kind: 'copy' }
  | { kind: 'quasi'; index: number }
  | { kind: 'surrogate'; remember: boolean }
  | { kind: 'replace'; with: ReplacementKind };

/** One column of the dump table and where its values come from. */
export interface OutputColumn {
  source: string;
  dump: DumpColumn;
  value: ValueSource;
}

/** What happened to one live column (for the manifest). */
export interface ColumnOutcome {
  column: string;
  class: ColumnPrivacy['class'];
  rule: string;
  /** `kept`, `dropped`, `surrogate key`, `replaced`, `generalised`, `aggregated`, ... */
  output: string;
}

/** The dump shape of one table. */
export interface TableLayout {
  planned: PlannedTable;
  dump: DumpTable;
  columns: OutputColumn[];
  quasiIdentifiers: QuasiIdentifier[];
  outcomes: ColumnOutcome[];
  /** True for the session table: private sessions leave only as aggregates. */
  sessions: boolean;
}

const generalisedType = (method: string): Pick<DumpColumn, 'sqlType' | 'kind'> =>
  method === 'coordinate-1km'
    ? { sqlType: 'DECIMAL(9,6)', kind: 'number' }
    : { sqlType: 'VARCHAR(32)', kind: 'text' };

/**
 * The layout of `planned`. `referenced` holds `table.column` of every key some foreign key
 * points at (only those surrogates must be remembered); `outputTables` the tables in the dump.
 */
export function layoutTable(
  planned: PlannedTable,
  referenced: Set<string>,
  outputTables: Set<string>,
  fromSqlite: boolean,
): TableLayout {
  const table = planned.live.name;
  const sessions = table === sessionTable;
  const columns: OutputColumn[] = [];
  const quasiIdentifiers: QuasiIdentifier[] = [];
  const outcomes: ColumnOutcome[] = [];
  const stable = new Set<string>(); // columns whose values keep their identity (unique stays unique)
  for (const { live, privacy } of planned.columns) {
    const rule = privacy.rule;
    const base = mysqlType(live.type, fromSqlite);
    const outcome = (output: string) =>
      outcomes.push({ column: live.name, class: privacy.class, rule: describeRule(rule), output });
    switch (rule.kind) {
      case 'drop':
        outcome('dropped');
        break;
      case 'aggregate':
        if (sessions) {
          columns.push({
            source: live.name,
            dump: { name: live.name, ...base, nullable: live.nullable },
            value: { kind: 'copy' },
          });
          outcome(
            'kept for sessions at public points; monthly aggregate per charging-column group otherwise',
          );
        } else {
          outcome('dropped (aggregates exist only for charging sessions)');
        }
        break;
      case 'keep':
        if (privacy.class === 'quasi') {
          quasiIdentifiers.push({ column: live.name, method: 'keep', hierarchy: keepHierarchy });
          columns.push({
            source: live.name,
            dump: { name: live.name, ...base, nullable: true },
            value: { kind: 'quasi', index: quasiIdentifiers.length - 1 },
          });
          outcome('kept (quasi-identifier: k-anonymity checked)');
        } else {
          columns.push({
            source: live.name,
            dump: { name: live.name, ...base, nullable: live.nullable },
            value: { kind: 'copy' },
          });
          stable.add(live.name);
          outcome('kept');
        }
        break;
      case 'surrogate-key':
        columns.push({
          source: live.name,
          dump: { name: live.name, sqlType: 'CHAR(36)', kind: 'text', nullable: live.nullable },
          value: {
            kind: 'surrogate',
            remember:
              !planned.live.primaryKey.includes(live.name) ||
              referenced.has(`${table}.${live.name}`),
          },
        });
        stable.add(live.name);
        outcome('fresh random surrogate key');
        break;
      case 'replace':
        columns.push({
          source: live.name,
          dump: { name: live.name, sqlType: 'VARCHAR(255)', kind: 'text', nullable: live.nullable },
          value: { kind: 'replace', with: rule.with },
        });
        outcome(`replaced by a synthetic ${rule.with.replace(/^fake-/, '')}`);
        break;
      case 'generalise':
        quasiIdentifiers.push({
          column: live.name,
          method: rule.method,
          hierarchy: hierarchyOf(rule.method),
        });
        columns.push({
          source: live.name,
          dump: { name: live.name, ...generalisedType(rule.method), nullable: true },
          value: { kind: 'quasi', index: quasiIdentifiers.length - 1 },
        });
        outcome(`generalised (${rule.method}; k-anonymity checked)`);
        break;
    }
  }
  const names = new Set(columns.map((c) => c.dump.name));
  const dump: DumpTable = {
    name: table,
    columns: columns.map((c) => c.dump),
    primaryKey: planned.live.primaryKey.every((c) => names.has(c)) ? planned.live.primaryKey : [],
    foreignKeys: planned.live.foreignKeys.filter(
      (k) => names.has(k.column) && outputTables.has(k.references.table),
    ),
    indexes: planned.live.indexes
      .filter((i) => i.columns.every((c) => names.has(c)))
      // A unique index stays unique only where every value keeps its identity.
      .map((i) => ({ ...i, unique: i.unique && i.columns.every((c) => stable.has(c)) })),
  };
  return { planned, dump, columns, quasiIdentifiers, outcomes, sessions };
}
