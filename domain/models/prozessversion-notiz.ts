import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, none } from '../privacy/column-privacy.js';
import { timestamps, uuidPrimaryKey } from './column-types.js';

/**
 * The note a process owner wrote when deploying a process version through the portal, with the
 * engine's resulting definition key and version. Table `prozessversion_notiz`.
 */
export class ProzessversionNotiz extends Model<
  InferAttributes<ProzessversionNotiz>,
  InferCreationAttributes<ProzessversionNotiz>
> {
  declare id: CreationOptional<string>;
  /** The BPMN process id, e.g. `foerderfall`. */
  declare prozessId: string;
  /** The engine's process definition key (int64 as a string). */
  declare prozessDefinitionKey: string;
  declare version: number;
  declare notiz: string;
  /** The login (`sub`) that deployed. */
  declare subjekt: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `ProzessversionNotiz` class to `sequelize`. */
export function initProzessversionNotiz(sequelize: Sequelize): typeof ProzessversionNotiz {
  class BoundProzessversionNotiz extends ProzessversionNotiz {}
  BoundProzessversionNotiz.init(
    {
      id: uuidPrimaryKey(none('no person behind it')),
      prozessId: { type: DataTypes.STRING(255), allowNull: false, privacy: none() },
      prozessDefinitionKey: {
        type: DataTypes.STRING(32),
        allowNull: false,
        privacy: none('engine key'),
      },
      version: { type: DataTypes.INTEGER, allowNull: false, privacy: none() },
      notiz: { type: DataTypes.TEXT, allowNull: false, privacy: direct(drop(), 'free text') },
      subjekt: {
        type: DataTypes.STRING(255),
        allowNull: false,
        privacy: direct(drop(), 'login data'),
      },
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'ProzessversionNotiz',
      tableName: 'prozessversion_notiz',
      indexes: [
        { name: 'prozessversion_notiz_key_uq', unique: true, fields: ['prozessDefinitionKey'] },
        { name: 'prozessversion_notiz_prozess_idx', fields: ['prozessId'] },
      ],
    },
  );
  return BoundProzessversionNotiz;
}
