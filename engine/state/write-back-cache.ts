import type { MappedTable } from './table-spec.js';

/**
 * A write-back cache in front of one table, for the duration of a command. The lifecycle
 * reads and rewrites the same few rows many times per command (an element instance moves
 * through four states, its scope counts tokens); this turns those into one read and one write
 * per row. `flush()` writes dirty rows (at the end of each command, and before any query that
 * reads the table with SQL); `discard()` forgets everything (after a rollback).
 *
 * Rows handed out are shared: callers must treat them as immutable (the core always spreads
 * into a new object before `put`).
 */
export class WriteBackCache<Row extends object> {
  private readonly rows = new Map<number, Row | null>();
  private readonly dirty = new Set<number>();

  constructor(
    private readonly table: MappedTable<Row>,
    private readonly keyOf: (row: Row) => number,
  ) {}

  get(key: number): Row | undefined {
    const cached = this.rows.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const row = this.table.get(key);
    if (row) this.rows.set(key, row);
    return row;
  }

  put(row: Row): void {
    const key = this.keyOf(row);
    this.rows.set(key, row);
    this.dirty.add(key);
  }

  delete(key: number): void {
    this.rows.set(key, null);
    this.dirty.add(key);
  }

  /** Writes dirty rows to the table. */
  flush(): void {
    if (this.dirty.size === 0) return;
    for (const key of this.dirty) {
      const row = this.rows.get(key);
      if (row) this.table.put(row);
      else this.table.delete(key);
    }
    this.dirty.clear();
  }

  /** Forgets cached and dirty rows (the transaction they belonged to was rolled back). */
  discard(): void {
    this.rows.clear();
    this.dirty.clear();
  }

  /** Writes dirty rows, then forgets everything (bounded memory between commands). */
  flushAndClear(): void {
    this.flush();
    this.rows.clear();
  }
}
