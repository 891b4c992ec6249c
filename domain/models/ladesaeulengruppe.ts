import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { drop, generalise, keep, none, quasi } from '../privacy/column-privacy.js';
import {
  decimal,
  enumString,
  jsonText,
  timestamps,
  uuidPrimaryKey,
  uuidReference,
} from './column-types.js';

export const stromarten = ['AC', 'DC'] as const;
export type Stromart = (typeof stromarten)[number];
export const ladearten = ['NORMAL', 'SCHNELL'] as const;
export type Ladeart = (typeof ladearten)[number];
export const steckertypen = ['TYP2', 'CCS', 'CHADEMO', 'SCHUKO'] as const;
export type Steckertyp = (typeof steckertypen)[number];
export const ocppVersionen = ['1.5', '1.6', '2.0.1'] as const;
export type OcppVersion = (typeof ocppVersionen)[number];

/** Up to this power per point a charging point counts as normal charging (Ladesäulenverordnung). */
export const normalLadenMaxKw = 22;

/**
 * A group of identical charging columns at a location, entered once with a count.
 * Table `ladesaeulengruppe`.
 */
export class Ladesaeulengruppe extends Model<
  InferAttributes<Ladesaeulengruppe>,
  InferCreationAttributes<Ladesaeulengruppe>
> {
  declare id: CreationOptional<string>;
  declare standortId: string;
  declare hersteller: string;
  declare modell: string;
  declare anzahlLadesaeulen: number;
  declare ladepunkteProSaeule: number;
  declare kwProLadepunkt: string;
  declare stromart: Stromart;
  /** Derived from kwProLadepunkt (<= 22 kW is normal); not stored. */
  declare ladeart: CreationOptional<Ladeart>;
  declare steckertypen: Steckertyp[];
  declare inbetriebnahme: CreationOptional<string | null>;
  declare eichrechtskonform: CreationOptional<boolean | null>;
  declare backend: CreationOptional<string | null>;
  declare ocppVersion: CreationOptional<OcppVersion | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

type Getter = { getDataValue(key: string): unknown };

/** Binds a fresh `Ladesaeulengruppe` class to `sequelize`. */
export function initLadesaeulengruppe(sequelize: Sequelize): typeof Ladesaeulengruppe {
  class BoundLadesaeulengruppe extends Ladesaeulengruppe {}
  BoundLadesaeulengruppe.init(
    {
      id: uuidPrimaryKey(),
      standortId: uuidReference(false),
      hersteller: { type: DataTypes.STRING(128), allowNull: false, privacy: quasi(keep()) },
      modell: {
        type: DataTypes.STRING(128),
        allowNull: false,
        privacy: quasi(drop(), 'model and kW together single out rare hardware'),
      },
      anzahlLadesaeulen: {
        type: DataTypes.INTEGER,
        allowNull: false,
        privacy: quasi(generalise('count-band')),
        validate: { min: 1 },
      },
      ladepunkteProSaeule: {
        type: DataTypes.INTEGER,
        allowNull: false,
        privacy: quasi(generalise('count-band')),
        validate: { min: 1 },
      },
      kwProLadepunkt: decimal('kwProLadepunkt', 7, 2, false, quasi(generalise('kw-band'))),
      stromart: enumString('stromart', stromarten, false, none()),
      ladeart: {
        type: DataTypes.VIRTUAL,
        privacy: none('derived'),
        get(this: Getter): Ladeart {
          return Number(this.getDataValue('kwProLadepunkt')) <= normalLadenMaxKw
            ? 'NORMAL'
            : 'SCHNELL';
        },
      },
      steckertypen: jsonText('steckertypen', false, none()),
      inbetriebnahme: {
        type: DataTypes.DATEONLY,
        allowNull: true,
        privacy: quasi(generalise('date-to-month')),
      },
      eichrechtskonform: { type: DataTypes.BOOLEAN, allowNull: true, privacy: none() },
      backend: {
        type: DataTypes.STRING(128),
        allowNull: true,
        privacy: quasi(drop(), 'small backend providers narrow down the operator'),
      },
      ocppVersion: enumString('ocppVersion', ocppVersionen, true, none()),
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Ladesaeulengruppe',
      tableName: 'ladesaeulengruppe',
      indexes: [{ name: 'ladesaeulengruppe_standort_idx', fields: ['standortId'] }],
    },
  );
  return BoundLadesaeulengruppe;
}
