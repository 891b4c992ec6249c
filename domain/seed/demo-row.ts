import type { CreationAttributes, Model } from 'sequelize';
import type { programmIds } from '../migrations/m0005-insert-programmes.js';

/** A row to insert: the model's creation attributes with the id always set (reproducible ids). */
export type Row<M extends Model> = CreationAttributes<M> & { id: string };
/** The code of a seeded programme. */
export type ProgrammCode = keyof typeof programmIds;
