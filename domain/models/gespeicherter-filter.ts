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

/** A task-list filter a person saved under a name (per login subject). Table `gespeicherter_filter`. */
export class GespeicherterFilter extends Model<
  InferAttributes<GespeicherterFilter>,
  InferCreationAttributes<GespeicherterFilter>
> {
  declare id: CreationOptional<string>;
  declare subjekt: string;
  declare name: string;
  /** The list's query parameters, e.g. `{ "candidateGroup": "case-officer", "sort": "dueDate" }`. */
  declare kriterien: Record<string, unknown>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `GespeicherterFilter` class to `sequelize`. */
export function initGespeicherterFilter(sequelize: Sequelize): typeof GespeicherterFilter {
  class BoundGespeicherterFilter extends GespeicherterFilter {}
  BoundGespeicherterFilter.init(
    {
      id: uuidPrimaryKey(),
      subjekt: {
        type: DataTypes.STRING(255),
        allowNull: false,
        privacy: direct(drop(), 'login data'),
      },
      name: { type: DataTypes.STRING(80), allowNull: false, privacy: direct(drop(), 'free text') },
      kriterien: jsonText('kriterien', false, none('list parameters: groups, process, sort')),
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'GespeicherterFilter',
      tableName: 'gespeicherter_filter',
      indexes: [
        { name: 'gespeicherter_filter_subjekt_name_uq', unique: true, fields: ['subjekt', 'name'] },
      ],
    },
  );
  return BoundGespeicherterFilter;
}
