import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, none, quasi, generalise, replace } from '../privacy/column-privacy.js';
import { enumString, timestamps, uuidPrimaryKey, uuidReference } from './column-types.js';
import { personRollen, type PersonRolle } from './person-foerderfall.js';

/**
 * An invitation to a Förderfall, sent as a link `PUBLIC_URL/einladung/<token>`. Only the
 * SHA-256 of the token is stored; it expires (`gueltigBis`), is redeemed once and can be
 * withdrawn. Table `einladung`.
 */
export class Einladung extends Model<
  InferAttributes<Einladung>,
  InferCreationAttributes<Einladung>
> {
  declare id: CreationOptional<string>;
  declare foerderfallId: string;
  /** Stored trimmed and lower-cased: the address the link was sent to (prefilled at registration). */
  declare email: string;
  /** The role the person gets on the case. */
  declare rolle: PersonRolle;
  declare tokenHash: string;
  declare gueltigBis: Date;
  declare eingeloestAm: CreationOptional<Date | null>;
  declare eingeloestVonPersonId: CreationOptional<string | null>;
  declare erstelltVonPersonId: CreationOptional<string | null>;
  declare widerrufenAm: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

type Setter = { setDataValue(key: string, value: unknown): void };

/** Binds a fresh `Einladung` class to `sequelize`. */
export function initEinladung(sequelize: Sequelize): typeof Einladung {
  class BoundEinladung extends Einladung {}
  BoundEinladung.init(
    {
      id: uuidPrimaryKey(),
      foerderfallId: uuidReference(false),
      email: {
        type: DataTypes.STRING(254),
        allowNull: false,
        privacy: direct(replace('fake-email')),
        validate: { isEmail: { msg: 'email must be an e-mail address' } },
        set(this: Setter, value: unknown) {
          this.setDataValue(
            'email',
            typeof value === 'string' ? value.trim().toLowerCase() : value,
          );
        },
      },
      rolle: enumString('rolle', personRollen, false, none()),
      tokenHash: {
        type: DataTypes.STRING(64),
        allowNull: false,
        privacy: direct(drop(), 'login data'),
      },
      gueltigBis: {
        type: DataTypes.DATE,
        allowNull: false,
        privacy: quasi(generalise('date-to-month')),
      },
      eingeloestAm: {
        type: DataTypes.DATE,
        allowNull: true,
        privacy: quasi(generalise('date-to-month')),
      },
      eingeloestVonPersonId: uuidReference(true),
      erstelltVonPersonId: uuidReference(true),
      widerrufenAm: {
        type: DataTypes.DATE,
        allowNull: true,
        privacy: quasi(generalise('date-to-month')),
      },
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Einladung',
      tableName: 'einladung',
      indexes: [
        { name: 'einladung_token_hash_uq', unique: true, fields: ['tokenHash'] },
        { name: 'einladung_foerderfall_idx', fields: ['foerderfallId'] },
        { name: 'einladung_eingeloest_von_idx', fields: ['eingeloestVonPersonId'] },
        { name: 'einladung_erstellt_von_idx', fields: ['erstelltVonPersonId'] },
      ],
    },
  );
  return BoundEinladung;
}
