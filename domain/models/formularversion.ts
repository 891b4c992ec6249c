import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, none } from '../privacy/column-privacy.js';
import { jsonText, timestamps, uuidPrimaryKey } from './column-types.js';

/**
 * A version of a task form saved in the portal (JSON Schema 2020-12 and its UI schema). The
 * newest version of a form is what new tasks render and what completion validates against; the
 * file in `forms/` counts as version 0. Table `formularversion`.
 */
export class Formularversion extends Model<
  InferAttributes<Formularversion>,
  InferCreationAttributes<Formularversion>
> {
  declare id: CreationOptional<string>;
  /** The form id, the file stem in `forms/` (e.g. `stammdaten`). */
  declare formId: string;
  /** 1, 2, ... per form. */
  declare version: number;
  declare schema: Record<string, unknown>;
  declare uiSchema: CreationOptional<Record<string, unknown> | null>;
  declare notiz: CreationOptional<string | null>;
  /** The login (`sub`) that saved it. */
  declare subjekt: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Formularversion` class to `sequelize`. */
export function initFormularversion(sequelize: Sequelize): typeof Formularversion {
  class BoundFormularversion extends Formularversion {}
  BoundFormularversion.init(
    {
      id: uuidPrimaryKey(none('no person behind it')),
      formId: { type: DataTypes.STRING(64), allowNull: false, privacy: none() },
      version: { type: DataTypes.INTEGER, allowNull: false, privacy: none() },
      schema: jsonText('schema', false, none('form definition')),
      uiSchema: jsonText('uiSchema', true, none('form layout')),
      notiz: { type: DataTypes.TEXT, allowNull: true, privacy: direct(drop(), 'free text') },
      subjekt: {
        type: DataTypes.STRING(255),
        allowNull: false,
        privacy: direct(drop(), 'login data'),
      },
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Formularversion',
      tableName: 'formularversion',
      indexes: [
        {
          name: 'formularversion_form_version_uq',
          unique: true,
          fields: ['formId', 'version'],
        },
      ],
    },
  );
  return BoundFormularversion;
}
