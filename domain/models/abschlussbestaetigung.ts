import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, generalise, none, quasi, replace } from '../privacy/column-privacy.js';
import { timestamps, uuidPrimaryKey, uuidReference } from './column-types.js';

/**
 * The completion confirmation (Abschlussbestätigung) at the end of a case's earmarking period:
 * what the recipient confirmed, who signed it, where and when. One per confirmation task (a
 * retried completion updates it); when a case was asked again, its newest one counts. Table `abschlussbestaetigung`.
 */
export class Abschlussbestaetigung extends Model<
  InferAttributes<Abschlussbestaetigung>,
  InferCreationAttributes<Abschlussbestaetigung>
> {
  declare id: CreationOptional<string>;
  declare foerderfallId: string;
  /** The confirmation task (engine key). */
  declare userTaskKey: string;
  declare zweckbindungEingehalten: boolean;
  declare erneuerbarerStrom: boolean;
  declare ladepunkteInBetrieb: CreationOptional<number | null>;
  declare abweichungen: boolean;
  declare abweichungsbeschreibung: CreationOptional<string | null>;
  /** The name the signing person typed. */
  declare bestaetigtVon: string;
  declare ort: string;
  /** The date on the confirmation (`YYYY-MM-DD`). */
  declare datum: string;
  /** The login subject that submitted it. */
  declare bestaetigtSubjekt: string;
  declare bestaetigtAm: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const month = () => quasi(generalise('date-to-month'));

/** Binds a fresh `Abschlussbestaetigung` class to `sequelize`. */
export function initAbschlussbestaetigung(sequelize: Sequelize): typeof Abschlussbestaetigung {
  class BoundAbschlussbestaetigung extends Abschlussbestaetigung {}
  BoundAbschlussbestaetigung.init(
    {
      id: uuidPrimaryKey(),
      foerderfallId: uuidReference(false),
      userTaskKey: { type: DataTypes.STRING(32), allowNull: false, privacy: none('engine key') },
      zweckbindungEingehalten: { type: DataTypes.BOOLEAN, allowNull: false, privacy: none() },
      erneuerbarerStrom: { type: DataTypes.BOOLEAN, allowNull: false, privacy: none() },
      ladepunkteInBetrieb: {
        type: DataTypes.INTEGER,
        allowNull: true,
        privacy: quasi(generalise('count-band')),
      },
      abweichungen: { type: DataTypes.BOOLEAN, allowNull: false, privacy: none() },
      abweichungsbeschreibung: {
        type: DataTypes.TEXT,
        allowNull: true,
        privacy: direct(drop(), 'free text, may name people'),
      },
      bestaetigtVon: {
        type: DataTypes.STRING(255),
        allowNull: false,
        privacy: direct(replace('fake-name')),
      },
      ort: {
        type: DataTypes.STRING(128),
        allowNull: false,
        privacy: quasi(drop(), 'place of signing, often the recipient’s town'),
      },
      datum: { type: DataTypes.DATEONLY, allowNull: false, privacy: month() },
      bestaetigtSubjekt: {
        type: DataTypes.STRING(255),
        allowNull: false,
        privacy: direct(drop(), 'login data'),
      },
      bestaetigtAm: { type: DataTypes.DATE, allowNull: false, privacy: month() },
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Abschlussbestaetigung',
      tableName: 'abschlussbestaetigung',
      indexes: [
        { name: 'abschlussbestaetigung_task_uq', unique: true, fields: ['userTaskKey'] },
        { name: 'abschlussbestaetigung_foerderfall_idx', fields: ['foerderfallId'] },
      ],
    },
  );
  return BoundAbschlussbestaetigung;
}
