import {
  DataTypes,
  QueryTypes,
  Sequelize,
  type Model,
  type ModelAttributeColumnOptions,
  type ModelStatic,
} from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationTable } from '../migrations/migrate.js';
import { initModels } from '../models/domain-models.js';
import { listForeignKeys } from '../models/foreign-keys.js';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.js';

type IndexInfo = { name: string; unique: boolean; fields: { attribute: string }[] };

/**
 * Migrations and models are written separately (a migration is history, a model is today);
 * this test keeps them from drifting apart.
 */
describe('the migrated schema matches the models', () => {
  let t: TestDatabase;
  let tables: string[];
  beforeAll(async () => {
    t = await openTestDatabase();
    const raw = (await t.db.sequelize.getQueryInterface().showAllTables()) as unknown[];
    tables = raw
      .map((entry) =>
        typeof entry === 'string' ? entry : (entry as { tableName: string }).tableName,
      )
      .filter((name) => name !== migrationTable)
      .sort();
  });
  afterAll(() => t.close());

  const models = () => Object.values(t.db.models);
  const columnsOf = (model: { getAttributes(): object }) =>
    Object.entries(model.getAttributes() as Record<string, ModelAttributeColumnOptions>).filter(
      ([, attribute]) => !(attribute.type instanceof DataTypes.VIRTUAL),
    );

  it('has a table for every model and a model for every table', () => {
    expect(tables).toEqual(
      models()
        .map((m) => m.tableName)
        .sort(),
    );
  });

  it('has every model attribute as a column with the same nullability, and no column without one', async () => {
    const problems: string[] = [];
    for (const model of models()) {
      const described = await t.db.sequelize.getQueryInterface().describeTable(model.tableName);
      const expected = new Map(columnsOf(model).map(([name, a]) => [a.field ?? name, a]));
      for (const [column, attribute] of expected) {
        const actual = described[column];
        if (!actual)
          problems.push(`${model.tableName}.${column}: in the model, not in the database`);
        else if (actual.allowNull !== (attribute.allowNull ?? true) && !attribute.primaryKey) {
          problems.push(
            `${model.tableName}.${column}: allowNull ${actual.allowNull} in the database`,
          );
        }
      }
      for (const column of Object.keys(described)) {
        if (!expected.has(column))
          problems.push(`${model.tableName}.${column}: in the database, not in the model`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has every index a model declares, with the same fields and uniqueness', async () => {
    const problems: string[] = [];
    for (const model of models()) {
      const actual = (await t.db.sequelize
        .getQueryInterface()
        .showIndex(model.tableName)) as IndexInfo[];
      for (const declared of model.options.indexes ?? []) {
        const fields = (declared.fields ?? []).map(String).join(',');
        const match = actual.find(
          (index) => index.fields.map((f) => f.attribute).join(',') === fields,
        );
        if (!match) problems.push(`${model.tableName}(${fields}): missing`);
        else if (Boolean(match.unique) !== Boolean(declared.unique)) {
          problems.push(`${model.tableName}(${fields}): unique is ${match.unique} in the database`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the migrated foreign keys match the models', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  async function foreignKeysInDatabase(): Promise<string[]> {
    if (t.db.dialect === 'mysql') {
      const rows = await t.db.sequelize.query<{
        tbl: string;
        col: string;
        ref: string;
        rule: string;
      }>(
        `SELECT k.TABLE_NAME AS tbl, k.COLUMN_NAME AS col, k.REFERENCED_TABLE_NAME AS ref, rc.DELETE_RULE AS rule
           FROM information_schema.KEY_COLUMN_USAGE k
           JOIN information_schema.REFERENTIAL_CONSTRAINTS rc
             ON rc.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = k.CONSTRAINT_NAME
          WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL`,
        { type: QueryTypes.SELECT },
      );
      return rows.map((r) => `${r.tbl}.${r.col} -> ${r.ref} ON DELETE ${r.rule}`).sort();
    }
    const keys: string[] = [];
    for (const model of Object.values(t.db.models)) {
      const rows = await t.db.sequelize.query<{ table: string; from: string; on_delete: string }>(
        `SELECT * FROM pragma_foreign_key_list('${model.tableName}')`,
        { type: QueryTypes.SELECT },
      );
      keys.push(
        ...rows.map((r) => `${model.tableName}.${r.from} -> ${r.table} ON DELETE ${r.on_delete}`),
      );
    }
    return keys.sort();
  }

  it('has exactly the foreign keys, with the delete rules, that the models declare', async () => {
    const declared = listForeignKeys(t.db.models)
      .map((k) => `${k.table}.${k.column} -> ${k.references} ON DELETE ${k.onDelete}`)
      .sort();
    expect(await foreignKeysInDatabase()).toEqual(declared);
  });
});

describe('indexes', () => {
  it('lead with every foreign-key column, so joins and cascades never scan a table (SQLite indexes none by itself)', async () => {
    // given the models (the tests above prove that their indexes exist in the database)
    const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
    const models = initModels(sequelize);
    // when each foreign key looks for an index that starts with its column
    const unindexed = listForeignKeys(models).filter(({ table, column }) => {
      const model = (Object.values(models) as ModelStatic<Model>[]).find(
        (m) => m.tableName === table,
      );
      return !(model?.options.indexes ?? []).some((index) => String(index.fields?.[0]) === column);
    });
    await sequelize.close();
    // then every foreign key finds one
    expect(unindexed).toEqual([]);
  });
});
