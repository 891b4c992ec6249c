import Database from 'better-sqlite3';
import { LOG_DDL, TABLES } from './schema.js';
import { SqliteState, type Counters } from './sqlite-state.js';
import { ddlOf } from './table-spec.js';
import { ensureSearchStructures } from './user-task-candidates.js';

/**
 * How hard a commit waits for the disk.
 * - `full` (default): WAL with synchronous=FULL. Every commit is fsynced before the client is
 *   answered, so nothing acknowledged is lost even if the machine loses power.
 * - `normal`: WAL with synchronous=NORMAL. Survives a killed process (the WAL is in the OS page
 *   cache) but may lose the last commits on power loss or an OS crash.
 */
export type Durability = 'full' | 'normal';

/** The first key, as Zeebe's partition 1 issues them (1 << 51 | 1). */
const FIRST_KEY = 2 ** 51 + 1;

/**
 * The engine's SQLite database: schema, counters, and one transaction per processed batch.
 * Opening an existing file resumes where it stopped.
 */
export class EngineStore {
  readonly db: Database.Database;
  readonly state: SqliteState;
  readonly counters: Counters;
  private readonly saveCounter: Database.Statement;

  constructor(file: string, durability: Durability = 'full') {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = OFF');
    this.db.pragma('cache_size = -32000');
    this.db.exec(LOG_DDL);
    // CREATE ... IF NOT EXISTS: a file from an earlier version gets the tables and indexes it
    // lacks (built from its rows here), then the side tables with their backfill
    for (const spec of Object.values(TABLES)) this.db.exec(ddlOf(spec));
    ensureSearchStructures(this.db);
    const read = this.db.prepare('SELECT value FROM counters WHERE name = ?');
    const position = read.get('position') as { value: number } | undefined;
    const key = read.get('key') as { value: number } | undefined;
    this.counters = { nextPosition: position?.value ?? 1, nextKey: key?.value ?? FIRST_KEY };
    this.saveCounter = this.db.prepare(
      'INSERT OR REPLACE INTO counters (name, value) VALUES (?, ?)',
    );
    this.state = new SqliteState(this.db, this.counters);
  }

  /** Issues the next key. */
  nextKey(): number {
    return this.counters.nextKey++;
  }

  /** Persists the counters (inside the batch's transaction). */
  saveCounters(): void {
    this.saveCounter.run('position', this.counters.nextPosition);
    this.saveCounter.run('key', this.counters.nextKey);
  }

  /** Every deployed definition with its XML, for re-parsing at start-up. */
  deployedResources(): { key: number; xml: string }[] {
    return this.db
      .prepare(
        'SELECT d.key AS key, r.xml AS xml FROM process_definitions d JOIN process_resources r ON r.key = d.key',
      )
      .all() as {
      key: number;
      xml: string;
    }[];
  }

  /** Closes the database (checkpointing the WAL). */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
