import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, generalise, keep, none, quasi, replace } from '../privacy/column-privacy.js';
import { bundeslaender, type Bundesland } from './bundesland.js';
import { agsColumn, enumString, plzColumn, timestamps, uuidPrimaryKey } from './column-types.js';

export const empfaengertypen = [
  'NATUERLICHE_PERSON',
  'EINZELUNTERNEHMEN',
  'UNTERNEHMEN',
  'KOMMUNE',
  'WEG',
  'GEMEINNUETZIG',
] as const;
export type Empfaengertyp = (typeof empfaengertypen)[number];

export { agsPattern, plzPattern } from './column-types.js';

/** The recipient of the grant (organisation or natural person). Table `zuwendungsempfaenger`. */
export class Zuwendungsempfaenger extends Model<
  InferAttributes<Zuwendungsempfaenger>,
  InferCreationAttributes<Zuwendungsempfaenger>
> {
  declare id: CreationOptional<string>;
  declare typ: Empfaengertyp;
  declare name: string;
  declare rechtsform: CreationOptional<string | null>;
  declare registernummer: CreationOptional<string | null>;
  declare strasse: CreationOptional<string | null>;
  declare hausnummer: CreationOptional<string | null>;
  declare plz: CreationOptional<string | null>;
  declare ort: CreationOptional<string | null>;
  declare bundesland: CreationOptional<Bundesland | null>;
  declare ags: CreationOptional<string | null>;
  /** WZ 2008 code, e.g. `49.41`. */
  declare wzCode: CreationOptional<string | null>;
  declare kmu: CreationOptional<boolean | null>;
  declare flottengroesse: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Zuwendungsempfaenger` class to `sequelize`. */
export function initZuwendungsempfaenger(sequelize: Sequelize): typeof Zuwendungsempfaenger {
  class BoundZuwendungsempfaenger extends Zuwendungsempfaenger {}
  BoundZuwendungsempfaenger.init(
    {
      id: uuidPrimaryKey(),
      typ: enumString(
        'typ',
        empfaengertypen,
        false,
        quasi(
          keep(),
          'part of the quasi-identifier set: natural persons are rare in most programmes',
        ),
      ),
      name: {
        type: DataTypes.STRING(255),
        allowNull: false,
        privacy: direct(
          replace('fake-organisation'),
          'a person’s name for natural persons and sole traders',
        ),
      },
      rechtsform: { type: DataTypes.STRING(64), allowNull: true, privacy: quasi(keep()) },
      registernummer: { type: DataTypes.STRING(64), allowNull: true, privacy: direct(drop()) },
      strasse: { type: DataTypes.STRING(255), allowNull: true, privacy: direct(drop()) },
      hausnummer: { type: DataTypes.STRING(16), allowNull: true, privacy: direct(drop()) },
      plz: plzColumn(),
      ort: {
        type: DataTypes.STRING(128),
        allowNull: true,
        privacy: quasi(drop(), 'the district follows from ags'),
      },
      bundesland: enumString('bundesland', bundeslaender, true, quasi(keep())),
      ags: agsColumn(),
      wzCode: {
        type: DataTypes.STRING(8),
        allowNull: true,
        privacy: quasi(generalise('wz-to-division')),
      },
      kmu: { type: DataTypes.BOOLEAN, allowNull: true, privacy: none() },
      flottengroesse: {
        type: DataTypes.INTEGER,
        allowNull: true,
        privacy: quasi(generalise('count-band')),
        validate: { min: 0 },
      },
      ...timestamps(),
    },
    { sequelize, modelName: 'Zuwendungsempfaenger', tableName: 'zuwendungsempfaenger' },
  );
  return BoundZuwendungsempfaenger;
}
