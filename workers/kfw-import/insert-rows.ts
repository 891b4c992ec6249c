/**
 * Multi-row INSERTs for the import's new rows. Sequelize's `bulkCreate` builds and validates a
 * model instance per row, which made a 100,000-row import spend most of its time in the ORM;
 * the rows here are already validated, so they go in as plain records through the query
 * interface (same dialect escaping, same tables), with ids and timestamps set here as the
 * models would set them.
 */
import { randomUUID } from 'node:crypto';
import type { Model, ModelStatic, Transaction } from 'sequelize';
import type { Database } from '../../domain/index.js';

/** A record with the id and timestamps it was given. */
export type Inserted<T> = T & { id: string; createdAt: Date; updatedAt: Date };

/** Inserts records into the model's table in one statement; returns them with their ids. */
export async function insertRows<T extends object>(
  db: Database,
  model: ModelStatic<Model>,
  records: readonly T[],
  transaction: Transaction,
  options: { timestamps?: 'both' | 'created' } = {},
): Promise<Inserted<T>[]> {
  if (!records.length) return [];
  const now = new Date();
  const rows = records.map((record) => ({
    id: randomUUID(),
    createdAt: now,
    ...(options.timestamps === 'created' ? {} : { updatedAt: now }),
    ...record,
  })) as Inserted<T>[];
  await db.sequelize.getQueryInterface().bulkInsert(model.getTableName(), rows, { transaction });
  return rows;
}
