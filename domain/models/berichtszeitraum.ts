import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { generalise, none, quasi } from '../privacy/column-privacy.js';
import { enumString, timestamps, uuidPrimaryKey, uuidReference } from './column-types.js';

export const berichtszeitraumStatus = [
  'OFFEN',
  'ENTWURF',
  'EINGEREICHT',
  'NACHFORDERUNG',
  'GEPRUEFT',
  'UEBERFAELLIG',
] as const;
export type BerichtszeitraumStatus = (typeof berichtszeitraumStatus)[number];

const month = () => quasi(generalise('date-to-month'));

/** A reporting period of a case (`periodId`). Table `berichtszeitraum`. */
export class Berichtszeitraum extends Model<
  InferAttributes<Berichtszeitraum>,
  InferCreationAttributes<Berichtszeitraum>
> {
  declare id: CreationOptional<string>;
  declare foerderfallId: string;
  declare von: string;
  declare bis: string;
  declare frist: string;
  declare status: BerichtszeitraumStatus;
  declare eingereichtAm: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Berichtszeitraum` class to `sequelize`. */
export function initBerichtszeitraum(sequelize: Sequelize): typeof Berichtszeitraum {
  class BoundBerichtszeitraum extends Berichtszeitraum {}
  BoundBerichtszeitraum.init(
    {
      id: uuidPrimaryKey(),
      foerderfallId: uuidReference(false),
      von: { type: DataTypes.DATEONLY, allowNull: false, privacy: month() },
      bis: { type: DataTypes.DATEONLY, allowNull: false, privacy: month() },
      frist: { type: DataTypes.DATEONLY, allowNull: false, privacy: month() },
      status: enumString('status', berichtszeitraumStatus, false, none()),
      eingereichtAm: { type: DataTypes.DATE, allowNull: true, privacy: month() },
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Berichtszeitraum',
      tableName: 'berichtszeitraum',
      indexes: [
        {
          name: 'berichtszeitraum_foerderfall_von_uq',
          unique: true,
          fields: ['foerderfallId', 'von'],
        },
        { name: 'berichtszeitraum_status_frist_idx', fields: ['status', 'frist'] },
      ],
      validate: {
        endsAfterItStarts(this: Berichtszeitraum) {
          if (this.bis < this.von) throw new Error('berichtszeitraum.bis must not be before von');
        },
      },
    },
  );
  return BoundBerichtszeitraum;
}
