import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, generalise, none, quasi } from '../privacy/column-privacy.js';
import {
  decimal,
  enumString,
  jsonText,
  timestamps,
  uuidPrimaryKey,
  uuidReference,
} from './column-types.js';

export const messmethoden = ['BACKEND', 'GEEICHTER_ZAEHLER', 'ZAEHLERSTAND', 'SCHAETZUNG'] as const;
export type Messmethode = (typeof messmethoden)[number];
export const aenderungsarten = ['VERKAUF', 'BETREIBERWECHSEL', 'ERSATZ', 'STILLLEGUNG'] as const;
export type Aenderungsart = (typeof aenderungsarten)[number];

const band = () => quasi(generalise('count-band'));

/**
 * The usage report of one location for one period (`reportId`); a rework adds a new version.
 * Table `nutzungsbericht`.
 */
export class Nutzungsbericht extends Model<
  InferAttributes<Nutzungsbericht>,
  InferCreationAttributes<Nutzungsbericht>
> {
  declare id: CreationOptional<string>;
  declare berichtszeitraumId: string;
  declare standortId: string;
  declare version: CreationOptional<number>;
  declare energieKwh: CreationOptional<string | null>;
  declare messmethode: CreationOptional<Messmethode | null>;
  declare anzahlLadevorgaenge: CreationOptional<number | null>;
  declare anteilErneuerbarProzent: CreationOptional<string | null>;
  declare tageAusserBetrieb: CreationOptional<number | null>;
  /** The "no change" shortcut of the form. */
  declare keineAenderung: CreationOptional<boolean>;
  declare aenderungsarten: CreationOptional<Aenderungsart[] | null>;
  declare aenderungsbeschreibung: CreationOptional<string | null>;
  declare eingereichtAm: CreationOptional<Date | null>;
  declare eingereichtVonPersonId: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Nutzungsbericht` class to `sequelize`. */
export function initNutzungsbericht(sequelize: Sequelize): typeof Nutzungsbericht {
  class BoundNutzungsbericht extends Nutzungsbericht {}
  BoundNutzungsbericht.init(
    {
      id: uuidPrimaryKey(),
      berichtszeitraumId: uuidReference(false),
      standortId: uuidReference(false),
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1, privacy: none() },
      energieKwh: decimal('energieKwh', 12, 3, true, quasi(generalise('amount-band'))),
      messmethode: enumString('messmethode', messmethoden, true, none()),
      anzahlLadevorgaenge: {
        type: DataTypes.INTEGER,
        allowNull: true,
        privacy: band(),
        validate: { min: 0 },
      },
      anteilErneuerbarProzent: decimal(
        'anteilErneuerbarProzent',
        5,
        2,
        true,
        quasi(generalise('percent-band')),
      ),
      tageAusserBetrieb: {
        type: DataTypes.INTEGER,
        allowNull: true,
        privacy: band(),
        validate: { min: 0 },
      },
      keineAenderung: {
        type: DataTypes.BOOLEAN,
        allowNull: false,
        defaultValue: false,
        privacy: none(),
      },
      aenderungsarten: jsonText('aenderungsarten', true, none()),
      aenderungsbeschreibung: {
        type: DataTypes.TEXT,
        allowNull: true,
        privacy: direct(drop(), 'free text'),
      },
      eingereichtAm: {
        type: DataTypes.DATE,
        allowNull: true,
        privacy: quasi(generalise('date-to-month')),
      },
      eingereichtVonPersonId: uuidReference(true),
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Nutzungsbericht',
      tableName: 'nutzungsbericht',
      indexes: [
        {
          name: 'nutzungsbericht_zeitraum_standort_version_uq',
          unique: true,
          fields: ['berichtszeitraumId', 'standortId', 'version'],
        },
        { name: 'nutzungsbericht_standort_idx', fields: ['standortId'] },
        { name: 'nutzungsbericht_person_idx', fields: ['eingereichtVonPersonId'] },
      ],
    },
  );
  return BoundNutzungsbericht;
}
