import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, none } from '../privacy/column-privacy.js';
import { jsonText, timestamps, uuidPrimaryKey } from './column-types.js';

/**
 * The autosaved draft of a user task's form, per person (`subjekt`, the login's `sub`) and task.
 * Deleted when the task is completed. Table `entwurf`.
 */
export class Entwurf extends Model<InferAttributes<Entwurf>, InferCreationAttributes<Entwurf>> {
  declare id: CreationOptional<string>;
  /** The engine's user task key (int64 as a string). */
  declare userTaskKey: string;
  declare subjekt: string;
  declare formId: string;
  /** The form data as typed so far (not yet validated). */
  declare daten: Record<string, unknown>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Entwurf` class to `sequelize`. */
export function initEntwurf(sequelize: Sequelize): typeof Entwurf {
  class BoundEntwurf extends Entwurf {}
  BoundEntwurf.init(
    {
      id: uuidPrimaryKey(),
      userTaskKey: { type: DataTypes.STRING(32), allowNull: false, privacy: none('engine key') },
      subjekt: {
        type: DataTypes.STRING(255),
        allowNull: false,
        privacy: direct(drop(), 'login data'),
      },
      formId: { type: DataTypes.STRING(64), allowNull: false, privacy: none() },
      daten: jsonText(
        'daten',
        false,
        direct(drop(), 'form data in progress, may hold any personal data'),
      ),
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Entwurf',
      tableName: 'entwurf',
      indexes: [
        { name: 'entwurf_task_subjekt_uq', unique: true, fields: ['userTaskKey', 'subjekt'] },
      ],
    },
  );
  return BoundEntwurf;
}
