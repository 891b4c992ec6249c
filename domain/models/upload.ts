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

export const uploadArten = ['LADEVORGAENGE_CSV', 'LADEVORGAENGE_OCPI', 'DOKUMENT'] as const;
export type UploadArt = (typeof uploadArten)[number];
export const uploadStatus = ['EMPFANGEN', 'IN_VERARBEITUNG', 'VERARBEITET', 'ABGELEHNT'] as const;
export type UploadStatus = (typeof uploadStatus)[number];

const count = () => ({ type: DataTypes.INTEGER, allowNull: true, privacy: none('aggregate') });

/** A file uploaded for a case (sessions or a document) and its processing outcome. Table `upload`. */
export class Upload extends Model<InferAttributes<Upload>, InferCreationAttributes<Upload>> {
  declare id: CreationOptional<string>;
  declare foerderfallId: string;
  declare berichtszeitraumId: CreationOptional<string | null>;
  /** Who uploaded it. */
  declare personId: CreationOptional<string | null>;
  declare art: UploadArt;
  declare dateiname: string;
  declare mimeType: string;
  declare groesseBytes: number;
  declare sha256: string;
  /** Key in the object storage, under `uploads/`. */
  declare speicherSchluessel: string;
  declare status: UploadStatus;
  declare zeilenGesamt: CreationOptional<number | null>;
  declare zeilenUebernommen: CreationOptional<number | null>;
  declare zeilenAbgelehnt: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Upload` class to `sequelize`. */
export function initUpload(sequelize: Sequelize): typeof Upload {
  class BoundUpload extends Upload {}
  BoundUpload.init(
    {
      id: uuidPrimaryKey(),
      foerderfallId: uuidReference(false),
      berichtszeitraumId: uuidReference(true),
      personId: uuidReference(true),
      art: enumString('art', uploadArten, false, none()),
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
        privacy: direct(drop(), 'a hash of a document identifies the document'),
      },
      speicherSchluessel: {
        type: DataTypes.STRING(512),
        allowNull: false,
        privacy: direct(drop()),
      },
      status: enumString('status', uploadStatus, false, none()),
      zeilenGesamt: count(),
      zeilenUebernommen: count(),
      zeilenAbgelehnt: count(),
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Upload',
      tableName: 'upload',
      indexes: [
        { name: 'upload_foerderfall_idx', fields: ['foerderfallId'] },
        { name: 'upload_berichtszeitraum_idx', fields: ['berichtszeitraumId'] },
        { name: 'upload_person_idx', fields: ['personId'] },
      ],
    },
  );
  return BoundUpload;
}
