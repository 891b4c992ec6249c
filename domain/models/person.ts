import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, quasi, replace } from '../privacy/column-privacy.js';
import { enumString, timestamps, uuidPrimaryKey } from './column-types.js';

export const anreden = ['HERR', 'FRAU', 'DIVERS'] as const;
export type Anrede = (typeof anreden)[number];

type Setter = { setDataValue(key: string, value: unknown): void };

/**
 * A person and, once registered, their account (the e-mail is the login). One person may serve
 * many Förderfälle (see `person_foerderfall`). Table `person`.
 */
export class Person extends Model<InferAttributes<Person>, InferCreationAttributes<Person>> {
  declare id: CreationOptional<string>;
  declare anrede: CreationOptional<Anrede | null>;
  declare vorname: string;
  declare nachname: string;
  /** Stored trimmed and lower-cased, so lookups match on both databases. */
  declare email: string;
  declare telefon: CreationOptional<string | null>;
  /** Subject of the identity provider once the person has logged in. */
  declare oidcSubject: CreationOptional<string | null>;
  declare datenschutzEinwilligungAm: CreationOptional<Date | null>;
  declare letzteAnmeldungAm: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Person` class to `sequelize`. */
export function initPerson(sequelize: Sequelize): typeof Person {
  class BoundPerson extends Person {}
  BoundPerson.init(
    {
      id: uuidPrimaryKey(),
      anrede: enumString('anrede', anreden, true, quasi(drop())),
      vorname: {
        type: DataTypes.STRING(128),
        allowNull: false,
        privacy: direct(replace('fake-name')),
      },
      nachname: {
        type: DataTypes.STRING(128),
        allowNull: false,
        privacy: direct(replace('fake-name')),
      },
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
      telefon: { type: DataTypes.STRING(64), allowNull: true, privacy: direct(drop()) },
      oidcSubject: {
        type: DataTypes.STRING(255),
        allowNull: true,
        privacy: direct(drop(), 'login data'),
      },
      datenschutzEinwilligungAm: {
        type: DataTypes.DATE,
        allowNull: true,
        privacy: direct(drop(), 'login data'),
      },
      letzteAnmeldungAm: {
        type: DataTypes.DATE,
        allowNull: true,
        privacy: direct(drop(), 'login data'),
      },
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Person',
      tableName: 'person',
      indexes: [
        // The KfW import matches a person on e-mail plus name, never on the name alone.
        { name: 'person_email_idx', fields: ['email'] },
        { name: 'person_oidc_subject_uq', unique: true, fields: ['oidcSubject'] },
      ],
    },
  );
  return BoundPerson;
}
