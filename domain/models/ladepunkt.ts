import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, generalise, none, quasi } from '../privacy/column-privacy.js';
import { enumString, timestamps, uuidPrimaryKey, uuidReference } from './column-types.js';

export const ladepunktStatus = ['GEPLANT', 'IN_BETRIEB', 'AUSSER_BETRIEB', 'STILLGELEGT'] as const;
export type LadepunktStatus = (typeof ladepunktStatus)[number];
/** EVSE-ID (eMI3), e.g. `DE*ABC*E000123*1`. */
export const evseIdPattern = /^[A-Z]{2}\*[A-Z0-9]{3}\*E[A-Z0-9*]{1,31}$/;

/** One charging point, materialised from its group when needed. Table `ladepunkt`. */
export class Ladepunkt extends Model<
  InferAttributes<Ladepunkt>,
  InferCreationAttributes<Ladepunkt>
> {
  declare id: CreationOptional<string>;
  declare ladesaeulengruppeId: string;
  declare evseId: CreationOptional<string | null>;
  declare seriennummer: CreationOptional<string | null>;
  declare status: LadepunktStatus;
  declare inbetriebnahme: CreationOptional<string | null>;
  declare stilllegung: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Ladepunkt` class to `sequelize`. */
export function initLadepunkt(sequelize: Sequelize): typeof Ladepunkt {
  class BoundLadepunkt extends Ladepunkt {}
  BoundLadepunkt.init(
    {
      id: uuidPrimaryKey(),
      ladesaeulengruppeId: uuidReference(false),
      evseId: {
        type: DataTypes.STRING(48),
        allowNull: true,
        privacy: direct(drop()),
        validate: { is: { args: evseIdPattern, msg: 'evseId must look like DE*ABC*E000123*1' } },
      },
      seriennummer: { type: DataTypes.STRING(64), allowNull: true, privacy: direct(drop()) },
      status: enumString('status', ladepunktStatus, false, none()),
      inbetriebnahme: {
        type: DataTypes.DATEONLY,
        allowNull: true,
        privacy: quasi(generalise('date-to-month')),
      },
      stilllegung: {
        type: DataTypes.DATEONLY,
        allowNull: true,
        privacy: quasi(generalise('date-to-month')),
      },
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Ladepunkt',
      tableName: 'ladepunkt',
      indexes: [
        { name: 'ladepunkt_ladesaeulengruppe_idx', fields: ['ladesaeulengruppeId'] },
        { name: 'ladepunkt_evse_id_uq', unique: true, fields: ['evseId'] },
      ],
    },
  );
  return BoundLadepunkt;
}
