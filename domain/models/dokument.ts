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

export const dokumentArten = [
  'RECHNUNG',
  'FOTO',
  'INBETRIEBNAHMEPROTOKOLL',
  'OEKOSTROMNACHWEIS',
  'ZUWENDUNGSBESCHEID',
  'SONSTIGES',
] as const;
export type DokumentArt = (typeof dokumentArten)[number];

/** A document filed with a case (invoice, photo, proof of green power ...). Table `dokument`. */
export class Dokument extends Model<InferAttributes<Dokument>, InferCreationAttributes<Dokument>> {
  declare id: CreationOptional<string>;
  declare foerderfallId: string;
  declare standortId: CreationOptional<string | null>;
  declare uploadId: CreationOptional<string | null>;
  declare art: DokumentArt;
  declare titel: string;
  declare dateiname: string;
  declare mimeType: string;
  declare groesseBytes: number;
  declare sha256: string;
  declare speicherSchluessel: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Dokument` class to `sequelize`. */
export function initDokument(sequelize: Sequelize): typeof Dokument {
  class BoundDokument extends Dokument {}
  BoundDokument.init(
    {
      id: uuidPrimaryKey(),
      foerderfallId: uuidReference(false),
      standortId: uuidReference(true),
      uploadId: uuidReference(true),
      art: enumString('art', dokumentArten, false, none()),
      titel: {
        type: DataTypes.STRING(255),
        allowNull: false,
        privacy: direct(drop(), 'free text'),
      },
      dateiname: {
        type: DataTypes.STRING(255),
        allowNull: false,
        privacy: direct(drop(), 'free text'),
      },
      mimeType: { type: DataTypes.STRING(128), allowNull: false, privacy: none() },
      groesseBytes: {
        type: DataTypes.INTEGER,
        allowNull: false,
        privacy: none(),
        validate: { min: 0 },
      },
      sha256: {
        type: DataTypes.CHAR(64),
        allowNull: false,
        privacy: direct(drop(), 'identifies the document'),
      },
      speicherSchluessel: {
        type: DataTypes.STRING(512),
        allowNull: false,
        privacy: direct(drop(), 'documents are never part of a snapshot'),
      },
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Dokument',
      tableName: 'dokument',
      indexes: [
        { name: 'dokument_foerderfall_idx', fields: ['foerderfallId'] },
        { name: 'dokument_standort_idx', fields: ['standortId'] },
        { name: 'dokument_upload_idx', fields: ['uploadId'] },
      ],
    },
  );
  return BoundDokument;
}
