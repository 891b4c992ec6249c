import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { none } from '../privacy/column-privacy.js';
import {
  decimal,
  enumString,
  jsonText,
  money,
  timestamps,
  uuidPrimaryKey,
} from './column-types.js';
import type { Empfaengertyp } from './zuwendungsempfaenger.js';

export const programmCodes = ['KFW_439', 'KFW_440', 'KFW_441', 'LIS_VOR_ORT'] as const;
export const berichtsrhythmen = ['JAEHRLICH', 'HALBJAEHRLICH'] as const;
export type Berichtsrhythmus = (typeof berichtsrhythmen)[number];
/** The access a programme requires of its locations (null: no requirement). */
export const programmZugaenge = ['OEFFENTLICH', 'NICHT_OEFFENTLICH'] as const;
export type ProgrammZugang = (typeof programmZugaenge)[number];

/**
 * A funding programme (reference data): its rules are data, so a new programme is a row, not a
 * release. Table `programm`.
 */
export class Programm extends Model<InferAttributes<Programm>, InferCreationAttributes<Programm>> {
  declare id: CreationOptional<string>;
  /** Stable code, e.g. `KFW_441`. */
  declare code: string;
  declare name: string;
  /** Number in the KfW hand-over file (`439`, `440`, `441`); null for non-KfW programmes. */
  declare kfwProgrammnummer: CreationOptional<string | null>;
  /** Recipient types that may apply. */
  declare empfaengertypen: Empfaengertyp[];
  /** Share of eligible cost granted, in percent (70.00); null for flat-rate programmes. */
  declare foerderquoteProzent: CreationOptional<string | null>;
  declare maxZuschussProLadepunkt: CreationOptional<string | null>;
  declare maxZuschussProStandort: CreationOptional<string | null>;
  /** Flat grant per charging point (KfW 440). */
  declare pauschaleProLadepunkt: CreationOptional<string | null>;
  declare maxKwProLadepunkt: CreationOptional<string | null>;
  declare zugang: CreationOptional<ProgrammZugang | null>;
  declare privaterStellplatz: boolean;
  declare oekostromPflicht: boolean;
  declare roamingPflicht: boolean;
  declare adHocLadenPflicht: boolean;
  declare zweckbindungJahre: number;
  declare berichtsrhythmus: Berichtsrhythmus;
  declare aktiv: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Programm` class to `sequelize` (one class per database, see models/README). */
export function initProgramm(sequelize: Sequelize): typeof Programm {
  class BoundProgramm extends Programm {}
  BoundProgramm.init(
    {
      id: uuidPrimaryKey(none('reference data')),
      code: { type: DataTypes.STRING(32), allowNull: false, privacy: none() },
      name: { type: DataTypes.STRING(255), allowNull: false, privacy: none() },
      kfwProgrammnummer: { type: DataTypes.STRING(8), allowNull: true, privacy: none() },
      empfaengertypen: jsonText('empfaengertypen', false, none()),
      foerderquoteProzent: decimal('foerderquoteProzent', 5, 2, true, none()),
      maxZuschussProLadepunkt: money('maxZuschussProLadepunkt', true, none()),
      maxZuschussProStandort: money('maxZuschussProStandort', true, none()),
      pauschaleProLadepunkt: money('pauschaleProLadepunkt', true, none()),
      maxKwProLadepunkt: decimal('maxKwProLadepunkt', 7, 2, true, none()),
      zugang: enumString('zugang', programmZugaenge, true, none()),
      privaterStellplatz: { type: DataTypes.BOOLEAN, allowNull: false, privacy: none() },
      oekostromPflicht: { type: DataTypes.BOOLEAN, allowNull: false, privacy: none() },
      roamingPflicht: { type: DataTypes.BOOLEAN, allowNull: false, privacy: none() },
      adHocLadenPflicht: { type: DataTypes.BOOLEAN, allowNull: false, privacy: none() },
      zweckbindungJahre: { type: DataTypes.INTEGER, allowNull: false, privacy: none() },
      berichtsrhythmus: enumString('berichtsrhythmus', berichtsrhythmen, false, none()),
      aktiv: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true, privacy: none() },
      ...timestamps(none()),
    },
    {
      sequelize,
      modelName: 'Programm',
      tableName: 'programm',
      indexes: [{ name: 'programm_code_uq', unique: true, fields: ['code'] }],
    },
  );
  return BoundProgramm;
}
