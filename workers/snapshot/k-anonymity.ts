/**
 * k-anonymity over a table's quasi-identifier set, in two passes over the table:
 * 1. `KAnonymityCounter` counts the equivalence classes of the level-0 tuples (each
 *    quasi-identifier generalised with its named method).
 * 2. `chooseLevels` then raises whole columns one level at a time (Datafly, Sweeney 2002: the
 *    column with the most distinct values first) until at most `maxSuppressionRate` of the rows
 *    sit in classes smaller than k; `KAnonymityDecision` finally suppresses those rows' quasi-
 *    identifiers (local suppression: the values become NULL, the row stays so foreign keys join).
 * Only the distinct tuples are held in memory, never the rows. A tuple whose every value is null
 * says nothing about anyone and never counts as too small.
 */
import { coarsenTo, generaliseAt, type GeneralValue, type Hierarchy } from './generalisation.js';

/** One quasi-identifier column of a table. */
export interface QuasiIdentifier {
  column: string;
  /** The method's name as the manifest reports it (`plz-2-digits`, `keep`, ...). */
  method: string;
  hierarchy: Hierarchy;
}

interface TupleCount {
  values: GeneralValue[];
  count: number;
}

const tupleKey = (values: readonly GeneralValue[]) => JSON.stringify(values);
const allNull = (values: readonly GeneralValue[]) => values.every((v) => v === null);

/** Pass 1: counts level-0 tuples. */
export class KAnonymityCounter {
  readonly distinct = new Map<string, TupleCount>();
  rows = 0;
  constructor(readonly quasiIdentifiers: readonly QuasiIdentifier[]) {}

  /** The level-0 tuple of a row. */
  baseTuple(row: Record<string, unknown>): GeneralValue[] {
    return this.quasiIdentifiers.map((q) => generaliseAt(q.hierarchy, row[q.column], 0));
  }

  add(row: Record<string, unknown>): void {
    const values = this.baseTuple(row);
    const key = tupleKey(values);
    const entry = this.distinct.get(key);
    if (entry) entry.count++;
    else this.distinct.set(key, { values, count: 1 });
    this.rows++;
  }
}

/** What the check decided for one table, and what pass 2 needs to apply it. */
export interface KAnonymityDecision {
  k: number;
  levels: number[];
  /** Class sizes at the chosen levels. */
  classes: Map<string, number>;
  /** Rows in classes smaller than k (their quasi-identifiers are suppressed). */
  suppressedRows: number;
  equivalenceClasses: number;
}

function countAt(
  distinct: Map<string, TupleCount>,
  qis: readonly QuasiIdentifier[],
  levels: readonly number[],
): Map<string, number> {
  const classes = new Map<string, number>();
  for (const { values, count } of distinct.values()) {
    const key = tupleKey(values.map((v, i) => coarsenTo(qis[i]!.hierarchy, v, 0, levels[i]!)));
    classes.set(key, (classes.get(key) ?? 0) + count);
  }
  return classes;
}

function smallRows(classes: Map<string, number>, k: number): number {
  let rows = 0;
  for (const [key, count] of classes) {
    if (count < k && !allNull(JSON.parse(key) as GeneralValue[])) rows += count;
  }
  return rows;
}

/** Chooses the generalisation level of each quasi-identifier (Datafly with a suppression budget). */
export function chooseLevels(
  counter: KAnonymityCounter,
  k: number,
  maxSuppressionRate: number,
): KAnonymityDecision {
  const qis = counter.quasiIdentifiers;
  const levels = qis.map(() => 0);
  const budget = Math.floor(counter.rows * maxSuppressionRate);
  let classes = countAt(counter.distinct, qis, levels);
  for (;;) {
    const small = smallRows(classes, k);
    if (small <= budget) return decision(k, levels, classes, small);
    // Raise the column with the most distinct values that can still be raised.
    let best = -1;
    let bestDistinct = -1;
    for (let i = 0; i < qis.length; i++) {
      const top = qis[i]!.hierarchy.levels.length - 1;
      if (levels[i]! >= top) continue;
      const distinct = new Set<string>();
      for (const key of classes.keys())
        distinct.add(JSON.stringify((JSON.parse(key) as GeneralValue[])[i]));
      if (distinct.size > bestDistinct) {
        best = i;
        bestDistinct = distinct.size;
      }
    }
    if (best < 0) return decision(k, levels, classes, small);
    levels[best]!++;
    classes = countAt(counter.distinct, qis, levels);
  }
}

function decision(
  k: number,
  levels: number[],
  classes: Map<string, number>,
  small: number,
): KAnonymityDecision {
  return {
    k,
    levels: [...levels],
    classes,
    suppressedRows: small,
    equivalenceClasses: classes.size,
  };
}

/**
 * Pass 2: the published quasi-identifier values of a row, or null when the row is suppressed
 * (its class is smaller than k).
 */
export function publishedTuple(
  counter: KAnonymityCounter,
  decided: KAnonymityDecision,
  row: Record<string, unknown>,
): GeneralValue[] | null {
  const qis = counter.quasiIdentifiers;
  const values = counter
    .baseTuple(row)
    .map((v, i) => coarsenTo(qis[i]!.hierarchy, v, 0, decided.levels[i]!));
  if (allNull(values)) return values;
  const size = decided.classes.get(tupleKey(values)) ?? 0;
  return size >= decided.k ? values : null;
}
