import {
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { none } from '../privacy/column-privacy.js';
import { enumString, timestamps, uuidPrimaryKey, uuidReference } from './column-types.js';

export const personRollen = [
  'ANTRAGSTELLER',
  'BEVOLLMAECHTIGTER',
  'ANSPRECHPARTNER',
  'DIENSTLEISTER',
] as const;
export type PersonRolle = (typeof personRollen)[number];

/** Links a person to a Förderfall in a role. Table `person_foerderfall`. */
export class PersonFoerderfall extends Model<
  InferAttributes<PersonFoerderfall>,
  InferCreationAttributes<PersonFoerderfall>
> {
  declare id: CreationOptional<string>;
  declare personId: string;
  declare foerderfallId: string;
  declare rolle: PersonRolle;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `PersonFoerderfall` class to `sequelize`. */
export function initPersonFoerderfall(sequelize: Sequelize): typeof PersonFoerderfall {
  class BoundPersonFoerderfall extends PersonFoerderfall {}
  BoundPersonFoerderfall.init(
    {
      id: uuidPrimaryKey(),
      personId: uuidReference(false),
      foerderfallId: uuidReference(false),
      rolle: enumString('rolle', personRollen, false, none()),
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'PersonFoerderfall',
      tableName: 'person_foerderfall',
      indexes: [
        {
          name: 'person_foerderfall_person_fall_rolle_uq',
          unique: true,
          fields: ['personId', 'foerderfallId', 'rolle'],
        },
        { name: 'person_foerderfall_foerderfall_idx', fields: ['foerderfallId'] },
      ],
    },
  );
  return BoundPersonFoerderfall;
}
