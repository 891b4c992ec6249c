import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, none } from '../privacy/column-privacy.js';
import { enumString, timestamps, uuidPrimaryKey, uuidReference } from './column-types.js';

export const kontoTokenZwecke = ['EMAIL_BESTAETIGUNG', 'PASSWORT_RESET'] as const;
export type KontoTokenZweck = (typeof kontoTokenZwecke)[number];

const loginData = () => direct(drop(), 'login data');

/**
 * A one-time token sent by e-mail to verify an address or reset a password. Only the SHA-256
 * of the token is stored, so a copy of the table opens no account. Table `konto_token`.
 */
export class KontoToken extends Model<
  InferAttributes<KontoToken>,
  InferCreationAttributes<KontoToken>
> {
  declare id: CreationOptional<string>;
  declare kontoId: string;
  declare zweck: KontoTokenZweck;
  /** Hex SHA-256 of the token. */
  declare tokenHash: string;
  declare gueltigBis: Date;
  declare verwendetAm: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `KontoToken` class to `sequelize`. */
export function initKontoToken(sequelize: Sequelize): typeof KontoToken {
  class BoundKontoToken extends KontoToken {}
  BoundKontoToken.init(
    {
      id: uuidPrimaryKey(),
      kontoId: uuidReference(false),
      zweck: enumString('zweck', kontoTokenZwecke, false, none()),
      tokenHash: { type: DataTypes.STRING(64), allowNull: false, privacy: loginData() },
      gueltigBis: { type: DataTypes.DATE, allowNull: false, privacy: loginData() },
      verwendetAm: { type: DataTypes.DATE, allowNull: true, privacy: loginData() },
      ...timestamps(loginData()),
    },
    {
      sequelize,
      modelName: 'KontoToken',
      tableName: 'konto_token',
      indexes: [
        { name: 'konto_token_hash_uq', unique: true, fields: ['tokenHash'] },
        { name: 'konto_token_konto_idx', fields: ['kontoId'] },
      ],
    },
  );
  return BoundKontoToken;
}
