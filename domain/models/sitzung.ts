import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, none } from '../privacy/column-privacy.js';
import { enumString, jsonText, timestamps, uuidPrimaryKey } from './column-types.js';

export const sitzungStatus = ['ANMELDUNG', 'AKTIV'] as const;
export type SitzungStatus = (typeof sitzungStatus)[number];

const loginData = () => direct(drop(), 'login data');

/** What the portal keeps between the redirect to the identity provider and the callback. */
export interface SitzungAnmeldung {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go after the login (a path on the portal). */
  returnTo: string;
}

/**
 * A browser session of the portal. The cookie holds a random token; only its SHA-256 is stored.
 * A session starts as `ANMELDUNG` (the login is under way: PKCE verifier, state and nonce) and
 * becomes `AKTIV` under a fresh token after the callback, so a token seen before the login
 * never names a logged-in session. Table `sitzung`.
 */
export class Sitzung extends Model<InferAttributes<Sitzung>, InferCreationAttributes<Sitzung>> {
  declare id: CreationOptional<string>;
  declare tokenHash: string;
  declare status: SitzungStatus;
  /** `sub` of the identity provider. */
  declare subjekt: CreationOptional<string | null>;
  declare email: CreationOptional<string | null>;
  declare name: CreationOptional<string | null>;
  declare rollen: CreationOptional<string[] | null>;
  declare anmeldung: CreationOptional<SitzungAnmeldung | null>;
  /** For the logout at the identity provider (`id_token_hint`). */
  declare idToken: CreationOptional<string | null>;
  declare gueltigBis: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Sitzung` class to `sequelize`. */
export function initSitzung(sequelize: Sequelize): typeof Sitzung {
  class BoundSitzung extends Sitzung {}
  BoundSitzung.init(
    {
      id: uuidPrimaryKey(loginData()),
      tokenHash: { type: DataTypes.STRING(64), allowNull: false, privacy: loginData() },
      status: enumString('status', sitzungStatus, false, none()),
      subjekt: { type: DataTypes.STRING(255), allowNull: true, privacy: loginData() },
      email: { type: DataTypes.STRING(254), allowNull: true, privacy: loginData() },
      name: { type: DataTypes.STRING(255), allowNull: true, privacy: loginData() },
      rollen: jsonText('rollen', true, loginData()),
      anmeldung: jsonText('anmeldung', true, loginData()),
      idToken: { type: DataTypes.TEXT, allowNull: true, privacy: loginData() },
      gueltigBis: { type: DataTypes.DATE, allowNull: false, privacy: loginData() },
      ...timestamps(loginData()),
    },
    {
      sequelize,
      modelName: 'Sitzung',
      tableName: 'sitzung',
      indexes: [
        { name: 'sitzung_token_hash_uq', unique: true, fields: ['tokenHash'] },
        { name: 'sitzung_subjekt_idx', fields: ['subjekt'] },
        { name: 'sitzung_gueltig_bis_idx', fields: ['gueltigBis'] },
      ],
    },
  );
  return BoundSitzung;
}
