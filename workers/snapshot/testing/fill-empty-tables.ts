/**
 * Rows for every model table the demo data leaves empty (a model added after the demo seed was
 * written, for example), so the leak test can seed its columns too. Values are plain and valid
 * enough for the database: the first allowed value of an enumeration, an existing row of the
 * table a foreign key refers to, distinct strings, numbers and dates per row.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  DataTypes,
  QueryTypes,
  type Model,
  type ModelAttributeColumnOptions,
  type ModelStatic,
  type Sequelize,
} from 'sequelize';
import type { DomainModels } from '../../../domain/index.js';
import { sqlIdentifier } from '../sql-literal.js';

type TypeInfo = { key: string; options?: { length?: number } };

/** Fills each empty table with `rows` rows; returns the names of the tables it filled. */
export async function fillEmptyTables(
  sequelize: Sequelize,
  models: DomainModels,
  rows = 12,
): Promise<string[]> {
  const pending = [...(Object.values(models) as ModelStatic<Model>[])];
  const filled: string[] = [];
  const isEmpty = async (table: string) => {
    const [row] = await sequelize.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM ${sqlIdentifier(table)}`,
      { type: QueryTypes.SELECT },
    );
    return Number(row!.n) === 0;
  };
  // Parents first: repeat while a pass makes progress.
  for (let progress = true; progress;) {
    progress = false;
    for (const model of [...pending]) {
      if (!(await isEmpty(model.tableName))) {
        pending.splice(pending.indexOf(model), 1);
        continue;
      }
      const parents = await parentIds(sequelize, model);
      if (!parents) continue;
      const values = Array.from({ length: rows }, (_, n) => rowFor(model, parents, n));
      await sequelize.getQueryInterface().bulkInsert(model.tableName, values);
      filled.push(model.tableName);
      pending.splice(pending.indexOf(model), 1);
      progress = true;
    }
  }
  return filled;
}

/** An existing key per foreign-key column, or undefined while a required parent is empty. */
async function parentIds(
  sequelize: Sequelize,
  model: ModelStatic<Model>,
): Promise<Map<string, string | null> | undefined> {
  const ids = new Map<string, string | null>();
  const attributes = model.getAttributes() as Record<string, ModelAttributeColumnOptions>;
  for (const association of Object.values(model.associations)) {
    if (association.associationType !== 'BelongsTo') continue;
    const [row] = await sequelize.query<{ id: string }>(
      `SELECT id FROM ${sqlIdentifier(association.target.tableName)} ORDER BY id LIMIT 1`,
      { type: QueryTypes.SELECT },
    );
    if (!row && attributes[association.foreignKey]?.allowNull === false) return undefined;
    ids.set(association.foreignKey, row?.id ?? null);
  }
  return ids;
}

function rowFor(
  model: ModelStatic<Model>,
  parents: Map<string, string | null>,
  n: number,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(
    model.getAttributes() as Record<string, ModelAttributeColumnOptions>,
  )) {
    if (attribute.type instanceof DataTypes.VIRTUAL) continue;
    const column = attribute.field ?? name;
    if (parents.has(name)) {
      row[column] = parents.get(name);
      continue;
    }
    const allowed = (attribute.validate as { isIn?: { args: unknown[][] } } | undefined)?.isIn
      ?.args[0];
    const type = attribute.type as unknown as TypeInfo;
    if (allowed?.length) row[column] = allowed[0];
    else if (type.key === 'UUID') row[column] = randomUUID();
    else if (['STRING', 'CHAR', 'TEXT'].includes(type.key)) {
      row[column] = `fill-${n}-${randomBytes(8).toString('hex')}`.slice(
        0,
        type.options?.length ?? 255,
      );
    } else if (['INTEGER', 'BIGINT', 'SMALLINT', 'DECIMAL', 'FLOAT', 'DOUBLE'].includes(type.key)) {
      row[column] = n + 1;
    } else if (type.key === 'BOOLEAN') row[column] = false;
    else if (type.key === 'DATEONLY')
      row[column] = `2024-01-${String((n % 28) + 1).padStart(2, '0')}`;
    else if (type.key === 'DATE') row[column] = new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
    else row[column] = null;
  }
  return row;
}
