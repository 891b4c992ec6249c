import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, generalise, keep, none, quasi } from '../privacy/column-privacy.js';
import { bundeslaender, type Bundesland } from './bundesland.js';
import {
  agsColumn,
  decimal,
  enumString,
  plzColumn,
  timestamps,
  uuidPrimaryKey,
  uuidReference,
} from './column-types.js';

export const zugaenge = ['OEFFENTLICH', 'NICHT_OEFFENTLICH', 'EINGESCHRAENKT'] as const;
export type Zugang = (typeof zugaenge)[number];
export const standortTypen = [
  'EIGENHEIM',
  'MEHRFAMILIENHAUS',
  'FIRMENGELAENDE',
  'KUNDENPARKPLATZ',
  'KOMMUNALER_PARKPLATZ',
  'OEFFENTLICHER_STRASSENRAUM',
  'PARKHAUS',
  'SONSTIGES',
] as const;
export type StandortTyp = (typeof standortTypen)[number];
export const stromherkuenfte = [
  'OEKOSTROMVERTRAG',
  'EIGENERZEUGUNG',
  'OEKOSTROM_UND_EIGENERZEUGUNG',
] as const;
export type Stromherkunft = (typeof stromherkuenfte)[number];

const addressNote =
  'a private home’s address is direct; the column holds both kinds, so it is dropped';
const coordinateNote =
  'direct at private homes (privaterWohnsitz); published only on the 1 km grid and suppressed by the k-anonymity check';
const kw = () => quasi(generalise('kw-band'));

/** A funded location (Investitionsort) with its site data. Table `standort`. */
export class Standort extends Model<InferAttributes<Standort>, InferCreationAttributes<Standort>> {
  declare id: CreationOptional<string>;
  declare foerderfallId: string;
  declare betreiberId: CreationOptional<string | null>;
  declare bezeichnung: CreationOptional<string | null>;
  declare strasse: CreationOptional<string | null>;
  declare hausnummer: CreationOptional<string | null>;
  declare plz: CreationOptional<string | null>;
  declare ort: CreationOptional<string | null>;
  declare bundesland: CreationOptional<Bundesland | null>;
  declare ags: CreationOptional<string | null>;
  declare breitengrad: CreationOptional<string | null>;
  declare laengengrad: CreationOptional<string | null>;
  declare zugang: CreationOptional<Zugang | null>;
  declare standortTyp: CreationOptional<StandortTyp | null>;
  /** A private home: its address is direct and its sessions are sensitive. */
  declare privaterWohnsitz: CreationOptional<boolean>;
  declare netzanschlussKw: CreationOptional<string | null>;
  declare pvAnlage: CreationOptional<boolean | null>;
  declare pvLeistungKwp: CreationOptional<string | null>;
  declare speicher: CreationOptional<boolean | null>;
  declare speicherKwh: CreationOptional<string | null>;
  declare lastmanagement: CreationOptional<boolean | null>;
  declare stromherkunft: CreationOptional<Stromherkunft | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Standort` class to `sequelize`. */
export function initStandort(sequelize: Sequelize): typeof Standort {
  class BoundStandort extends Standort {}
  BoundStandort.init(
    {
      id: uuidPrimaryKey(),
      foerderfallId: uuidReference(false),
      betreiberId: uuidReference(true),
      bezeichnung: {
        type: DataTypes.STRING(255),
        allowNull: true,
        privacy: direct(drop(), 'free text'),
      },
      strasse: {
        type: DataTypes.STRING(255),
        allowNull: true,
        privacy: direct(drop(), addressNote),
      },
      hausnummer: {
        type: DataTypes.STRING(16),
        allowNull: true,
        privacy: direct(drop(), addressNote),
      },
      plz: plzColumn(),
      ort: {
        type: DataTypes.STRING(128),
        allowNull: true,
        privacy: quasi(drop(), 'the district follows from ags'),
      },
      bundesland: enumString('bundesland', bundeslaender, true, quasi(keep())),
      ags: agsColumn(),
      breitengrad: decimal(
        'breitengrad',
        9,
        6,
        true,
        direct(generalise('coordinate-1km'), coordinateNote),
      ),
      laengengrad: decimal(
        'laengengrad',
        9,
        6,
        true,
        direct(generalise('coordinate-1km'), coordinateNote),
      ),
      zugang: enumString('zugang', zugaenge, true, none()),
      standortTyp: enumString('standortTyp', standortTypen, true, quasi(keep())),
      privaterWohnsitz: {
        type: DataTypes.BOOLEAN,
        allowNull: false,
        defaultValue: false,
        privacy: none(),
      },
      netzanschlussKw: decimal('netzanschlussKw', 9, 2, true, kw()),
      pvAnlage: { type: DataTypes.BOOLEAN, allowNull: true, privacy: none() },
      pvLeistungKwp: decimal('pvLeistungKwp', 9, 2, true, kw()),
      speicher: { type: DataTypes.BOOLEAN, allowNull: true, privacy: none() },
      speicherKwh: decimal('speicherKwh', 9, 2, true, kw()),
      lastmanagement: { type: DataTypes.BOOLEAN, allowNull: true, privacy: none() },
      stromherkunft: enumString('stromherkunft', stromherkuenfte, true, none()),
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Standort',
      tableName: 'standort',
      indexes: [
        { name: 'standort_foerderfall_idx', fields: ['foerderfallId'] },
        { name: 'standort_betreiber_idx', fields: ['betreiberId'] },
        { name: 'standort_plz_idx', fields: ['plz'] },
      ],
    },
  );
  return BoundStandort;
}
