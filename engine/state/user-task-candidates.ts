import type Database from 'better-sqlite3';

/**
 * The side table behind "the open tasks of my groups, by due date": one row per candidate group
 * and per candidate user of each user task, with the task's state, due date and creation date,
 * clustered on (kind, candidate, state, due date, task key), with indexes on (kind, candidate,
 * state, creation date, task key) and (kind, candidate, state, task key). A group's open tasks
 * sorted by due date, by creation date or by key are then one range of this table, read in
 * order, and keyset paging continues inside that range.
 *
 * SQLite triggers on `user_tasks` keep it: every write of a task row rewrites its candidate
 * rows in the same statement, so the table is always in the transaction of the records that
 * describe the change, whoever writes the row (the engine, a bulk load, a repair).
 *
 * `task_due_date` is the due date as a UTC ISO string (`strftime` understands offsets), or ''
 * when the task has none or it is not a date: '' sorts before every date, as NULL does in an
 * ascending SQLite sort, and is never NULL, so keyset comparisons on (due date, key) stay exact.
 */
export const USER_TASK_CANDIDATES_TABLE = 'user_task_candidates';

/** The version of the search structures; raised when a state file needs them (re)built. */
export const SEARCH_SCHEMA_VERSION = 2;

const dueKey = (row: string) => `COALESCE(strftime('%Y-%m-%dT%H:%M:%fZ', ${row}.due_date), '')`;

/** Candidate rows of the task rows named `row`; `from` joins a table for the backfill. */
const insertCandidates = (row: string, from = '') => `
  INSERT OR IGNORE INTO user_task_candidates (candidate_kind, candidate, task_state, task_due_date, task_creation_date, task_key)
    SELECT 'group', value, ${row}.state, ${dueKey(row)}, COALESCE(${row}.creation_date, 0), ${row}.key
      FROM ${from}json_each(COALESCE(${row}.candidate_groups, '[]')) WHERE type = 'text'
    UNION ALL
    SELECT 'user', value, ${row}.state, ${dueKey(row)}, COALESCE(${row}.creation_date, 0), ${row}.key
      FROM ${from}json_each(COALESCE(${row}.candidate_users, '[]')) WHERE type = 'text';`;

const DDL = `
CREATE TABLE IF NOT EXISTS user_task_candidates (
  candidate_kind TEXT NOT NULL, candidate TEXT NOT NULL, task_state TEXT NOT NULL,
  task_due_date TEXT NOT NULL, task_creation_date INTEGER NOT NULL, task_key INTEGER NOT NULL,
  PRIMARY KEY (candidate_kind, candidate, task_state, task_due_date, task_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS user_task_candidates_by_key
  ON user_task_candidates (candidate_kind, candidate, task_state, task_key);
CREATE INDEX IF NOT EXISTS user_task_candidates_by_creation
  ON user_task_candidates (candidate_kind, candidate, task_state, task_creation_date, task_key);
CREATE INDEX IF NOT EXISTS user_task_candidates_of_task ON user_task_candidates (task_key);
CREATE TRIGGER IF NOT EXISTS user_task_candidates_on_insert AFTER INSERT ON user_tasks BEGIN
  ${insertCandidates('NEW')}
END;
CREATE TRIGGER IF NOT EXISTS user_task_candidates_on_update AFTER UPDATE ON user_tasks
  WHEN OLD.state IS NOT NEW.state OR OLD.due_date IS NOT NEW.due_date
    OR OLD.creation_date IS NOT NEW.creation_date
    OR OLD.candidate_groups IS NOT NEW.candidate_groups
    OR OLD.candidate_users IS NOT NEW.candidate_users OR OLD.key IS NOT NEW.key
BEGIN
  DELETE FROM user_task_candidates WHERE task_key = OLD.key;
  ${insertCandidates('NEW')}
END;
CREATE TRIGGER IF NOT EXISTS user_task_candidates_on_delete AFTER DELETE ON user_tasks BEGIN
  DELETE FROM user_task_candidates WHERE task_key = OLD.key;
END;
`;

/**
 * Creates the search structures that are not plain table indexes, and fills them from the
 * state tables when the file was written by a version without them (its `search_schema` in
 * `engine_meta` is missing or older). Runs in one transaction: a crash leaves the old file.
 */
export function ensureSearchStructures(db: Database.Database): void {
  const read = db.prepare("SELECT value FROM engine_meta WHERE name = 'search_schema'");
  const version = Number((read.get() as { value: string } | undefined)?.value ?? 0);
  db.transaction(() => {
    db.exec(DDL);
    if (version >= SEARCH_SCHEMA_VERSION) return;
    db.exec('DELETE FROM user_task_candidates');
    db.exec(insertCandidates('user_tasks', 'user_tasks, '));
    db.prepare("INSERT OR REPLACE INTO engine_meta (name, value) VALUES ('search_schema', ?)").run(
      String(SEARCH_SCHEMA_VERSION),
    );
  })();
}
