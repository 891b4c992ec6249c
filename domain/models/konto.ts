import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, replace } from '../privacy/column-privacy.js';
import { jsonText, timestamps, uuidPrimaryKey } from './column-types.js';

type Setter = { setDataValue(key: string, value: unknown): void };
const loginData = () => direct(drop(), 'login data');

/**
 * An account of the embedded identity provider: the login (e-mail), the password hash and the
 * realm roles. With an external issuer (Keycloak) the issuer keeps accounts and this table stays
 * empty. The id is the subject (`sub`) of the tokens. Table `konto`.
 */
export class Konto extends Model<InferAttributes<Konto>, InferCreationAttributes<Konto>> {
  declare id: CreationOptional<string>;
  /** Stored trimmed and lower-cased; unique. */
  declare email: string;
  /** `scrypt$N$r$p$salt$hash` (base64url parts). */
  declare passwortHash: string;
  declare vorname: CreationOptional<string | null>;
  declare nachname: CreationOptional<string | null>;
  /** Realm roles, e.g. `["applicant"]`. */
  declare rollen: string[];
  declare emailBestaetigtAm: CreationOptional<Date | null>;
  declare gesperrtAm: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Konto` class to `sequelize`. */
export function initKonto(sequelize: Sequelize): typeof Konto {
  class BoundKonto extends Konto {}
  BoundKonto.init(
    {
      id: uuidPrimaryKey(),
      email: {
        type: DataTypes.STRING(254),
        allowNull: false,
        privacy: direct(replace('fake-email'), 'login data'),
        validate: { isEmail: { msg: 'email must be an e-mail address' } },
        set(this: Setter, value: unknown) {
          this.setDataValue(
            'email',
            typeof value === 'string' ? value.trim().toLowerCase() : value,
          );
        },
      },
      passwortHash: { type: DataTypes.STRING(255), allowNull: false, privacy: loginData() },
      vorname: {
        type: DataTypes.STRING(128),
        allowNull: true,
        privacy: direct(replace('fake-name')),
      },
      nachname: {
        type: DataTypes.STRING(128),
        allowNull: true,
        privacy: direct(replace('fake-name')),
      },
      rollen: jsonText('rollen', false, loginData()),
      emailBestaetigtAm: { type: DataTypes.DATE, allowNull: true, privacy: loginData() },
      gesperrtAm: { type: DataTypes.DATE, allowNull: true, privacy: loginData() },
      ...timestamps(loginData()),
    },
    {
      sequelize,
      modelName: 'Konto',
      tableName: 'konto',
      indexes: [{ name: 'konto_email_uq', unique: true, fields: ['email'] }],
    },
  );
  return BoundKonto;
}
