/**
 * The schema as the database has it right now (not as the models or migrations say): tables,
 * columns with their declared types, primary keys, foreign keys and indexes. Read from SQLite's
 * PRAGMAs or MySQL's information_schema, so a column added by hand is seen too.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/** One column as the database declares it. */
export interface LiveColumn {
  name: string;
  /** Declared type, upper case: `VARCHAR(255)`, `DECIMAL(12,2)`, `DATETIME(3)`, `UUID`, ... */
  type: string;
  nullable: boolean;
}

/** A foreign key of one column. */
export interface LiveForeignKey {
  column: string;
  references: { table: string; column: string };
}

/** A secondary index. */
export interface LiveIndex {
  name: string;
  unique: boolean;
  columns: string[];
}

/** One table. */
export interface LiveTable {
  name: string;
  columns: LiveColumn[];
  primaryKey: string[];
  foreignKeys: LiveForeignKey[];
  indexes: LiveIndex[];
}

type Dialect = 'sqlite' | 'mysql';

/** Reads every table of the connected database (inside `transaction` when given). */
export async function readLiveSchema(
  sequelize: Sequelize,
  dialect: Dialect,
  transaction?: Transaction,
): Promise<LiveTable[]> {
  const select = <T extends object>(sql: string, replacements?: unknown[]) =>
    sequelize.query<T>(sql, { type: QueryTypes.SELECT, transaction, replacements });
  return dialect === 'sqlite' ? readSqlite(select) : readMysql(select);
}

type Select = <T extends object>(sql: string, replacements?: unknown[]) => Promise<T[]>;

async function readSqlite(select: Select): Promise<LiveTable[]> {
  const tables = await select<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  );
  const result: LiveTable[] = [];
  for (const { name } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const columns = await select<{ name: string; type: string; notnull: number; pk: number }>(
      `PRAGMA table_info(${quoted})`,
    );
    const keys = await select<{ from: string; table: string; to: string | null }>(
      `PRAGMA foreign_key_list(${quoted})`,
    );
    const indexList = await select<{ name: string; unique: number; origin: string }>(
      `PRAGMA index_list(${quoted})`,
    );
    const indexes: LiveIndex[] = [];
    for (const index of indexList.filter((i) => i.origin !== 'pk')) {
      const info = await select<{ seqno: number; name: string }>(
        `PRAGMA index_info("${index.name.replace(/"/g, '""')}")`,
      );
      indexes.push({
        name: index.name,
        unique: index.unique === 1,
        columns: info.sort((a, b) => a.seqno - b.seqno).map((c) => c.name),
      });
    }
    result.push({
      name,
      columns: columns.map((c) => ({
        name: c.name,
        type: c.type.toUpperCase(),
        nullable: c.notnull === 0 && c.pk === 0,
      })),
      primaryKey: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      foreignKeys: keys.map((k) => ({
        column: k.from,
        references: { table: k.table, column: k.to ?? 'id' },
      })),
      indexes: indexes.sort((a, b) => a.name.localeCompare(b.name)),
    });
  }
  return result;
}

async function readMysql(select: Select): Promise<LiveTable[]> {
  const columns = await select<{
    t: string;
    c: string;
    type: string;
    nullable: string;
    key: string;
  }>(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_KEY AS \`key\`
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  );
  const keys = await select<{ t: string; c: string; rt: string; rc: string }>(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, REFERENCED_TABLE_NAME AS rt, REFERENCED_COLUMN_NAME AS rc
       FROM information_schema.KEY_COLUMN_USAGE
      WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL
      ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`,
  );
  const stats = await select<{
    t: string;
    name: string;
    nonUnique: number | string;
    c: string;
    seq: number;
  }>(
    `SELECT TABLE_NAME AS t, INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS c, SEQ_IN_INDEX AS seq
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
      ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
  );
  const tables = new Map<string, LiveTable>();
  const table = (name: string) => {
    let found = tables.get(name);
    if (!found) {
      found = { name, columns: [], primaryKey: [], foreignKeys: [], indexes: [] };
      tables.set(name, found);
    }
    return found;
  };
  for (const row of columns) {
    table(row.t).columns.push({
      name: row.c,
      type: row.type.toUpperCase(),
      nullable: row.nullable === 'YES',
    });
  }
  for (const row of keys) {
    table(row.t).foreignKeys.push({ column: row.c, references: { table: row.rt, column: row.rc } });
  }
  for (const row of stats) {
    const owner = table(row.t);
    if (row.name === 'PRIMARY') {
      owner.primaryKey.push(row.c);
      continue;
    }
    let index = owner.indexes.find((i) => i.name === row.name);
    if (!index) {
      index = { name: row.name, unique: Number(row.nonUnique) === 0, columns: [] };
      owner.indexes.push(index);
    }
    index.columns.push(row.c);
  }
  return [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}
