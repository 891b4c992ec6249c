import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, quasi, replace } from '../privacy/column-privacy.js';
import { plzColumn, timestamps, uuidPrimaryKey } from './column-types.js';

/** eMI3 operator id as it starts every EVSE-ID, e.g. `DE*ABC`. */
export const evseOperatorIdPattern = /^[A-Z]{2}\*[A-Z0-9]{3}$/;

/** The operator of a location (may differ from the recipient). Table `betreiber`. */
export class Betreiber extends Model<
  InferAttributes<Betreiber>,
  InferCreationAttributes<Betreiber>
> {
  declare id: CreationOptional<string>;
  declare name: string;
  declare evseOperatorId: CreationOptional<string | null>;
  declare strasse: CreationOptional<string | null>;
  declare hausnummer: CreationOptional<string | null>;
  declare plz: CreationOptional<string | null>;
  declare ort: CreationOptional<string | null>;
  declare email: CreationOptional<string | null>;
  declare telefon: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Betreiber` class to `sequelize`. */
export function initBetreiber(sequelize: Sequelize): typeof Betreiber {
  class BoundBetreiber extends Betreiber {}
  BoundBetreiber.init(
    {
      id: uuidPrimaryKey(),
      name: {
        type: DataTypes.STRING(255),
        allowNull: false,
        privacy: direct(replace('fake-organisation'), 'may be a natural person'),
      },
      evseOperatorId: {
        type: DataTypes.STRING(16),
        allowNull: true,
        privacy: direct(drop(), 'part of every EVSE-ID of the operator'),
        validate: {
          is: { args: evseOperatorIdPattern, msg: 'evseOperatorId must look like DE*ABC' },
        },
      },
      strasse: { type: DataTypes.STRING(255), allowNull: true, privacy: direct(drop()) },
      hausnummer: { type: DataTypes.STRING(16), allowNull: true, privacy: direct(drop()) },
      plz: plzColumn(),
      ort: { type: DataTypes.STRING(128), allowNull: true, privacy: quasi(drop()) },
      email: { type: DataTypes.STRING(254), allowNull: true, privacy: direct(drop()) },
      telefon: { type: DataTypes.STRING(64), allowNull: true, privacy: direct(drop()) },
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Betreiber',
      tableName: 'betreiber',
      indexes: [{ name: 'betreiber_evse_operator_id_idx', fields: ['evseOperatorId'] }],
    },
  );
  return BoundBetreiber;
}
