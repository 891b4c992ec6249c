/**
 * Pre-flight: the live schema against the classification. Every column the database has must be
 * classified by a model, or the snapshot refuses before it writes anything. The result is the
 * plan the dump follows: each live table with each column's classification.
 */
import {
  describeRule,
  listColumns,
  migrationTable,
  type ColumnPrivacy,
  type DomainModels,
} from '../../domain/index.js';
import type { LiveColumn, LiveTable } from './live-schema.js';
import { KeyRuleConflictError, UnclassifiedColumnsError } from './snapshot-errors.js';

/** A live column with its classification. */
export interface PlannedColumn {
  live: LiveColumn;
  privacy: ColumnPrivacy;
}

/** A live table with its classified columns, in the database's column order. */
export interface PlannedTable {
  live: LiveTable;
  columns: PlannedColumn[];
}

/** Tables that are bookkeeping of the platform itself and never part of a snapshot. */
export const technicalTables: readonly string[] = [migrationTable];

/**
 * Builds the plan or throws `UnclassifiedColumnsError` naming every live `table.column` without
 * a classification (a table without a model contributes all its columns), and
 * `KeyRuleConflictError` when a foreign key's rule differs from the key it references.
 */
export function planSnapshot(live: LiveTable[], models: DomainModels): PlannedTable[] {
  const classified = new Map(
    listColumns(models).map((c) => [`${c.table}.${c.column}`, c.privacy] as const),
  );
  const unclassified: string[] = [];
  const plan: PlannedTable[] = [];
  for (const table of live) {
    if (technicalTables.includes(table.name)) continue;
    const columns: PlannedColumn[] = [];
    for (const column of table.columns) {
      const privacy = classified.get(`${table.name}.${column.name}`);
      if (privacy) columns.push({ live: column, privacy });
      else unclassified.push(`${table.name}.${column.name}`);
    }
    plan.push({ live: table, columns });
  }
  if (unclassified.length > 0) throw new UnclassifiedColumnsError(unclassified.sort());
  checkKeyRules(plan);
  return plan;
}

/** The classification of `table.column` in a plan. */
export function ruleOf(plan: PlannedTable[], table: string, column: string): ColumnPrivacy {
  const found = plan
    .find((t) => t.live.name === table)
    ?.columns.find((c) => c.live.name === column);
  if (!found) throw new Error(`${table}.${column} is not in the snapshot plan`);
  return found.privacy;
}

function checkKeyRules(plan: PlannedTable[]): void {
  const conflicts: string[] = [];
  for (const table of plan) {
    for (const key of table.live.foreignKeys) {
      const from = ruleOf(plan, table.live.name, key.column).rule;
      if (from.kind === 'drop') continue;
      const referenced = plan.find((t) => t.live.name === key.references.table);
      const to = referenced?.columns.find((c) => c.live.name === key.references.column)?.privacy
        .rule;
      const joinable = ['surrogate-key', 'keep'];
      if (!to || !joinable.includes(from.kind) || from.kind !== to.kind) {
        conflicts.push(
          `${table.live.name}.${key.column} (${describeRule(from)}) references ` +
            `${key.references.table}.${key.references.column} (${to ? describeRule(to) : 'not in the snapshot'})`,
        );
      }
    }
  }
  if (conflicts.length > 0) throw new KeyRuleConflictError(conflicts);
}
