import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, none } from '../privacy/column-privacy.js';
import { timestamps, uuidPrimaryKey, uuidReference } from './column-types.js';

/**
 * One rejected row of an import: of a KfW import run or of an uploaded sessions file (exactly
 * one of the two). Table `importfehler`.
 */
export class Importfehler extends Model<
  InferAttributes<Importfehler>,
  InferCreationAttributes<Importfehler>
> {
  declare id: CreationOptional<string>;
  declare importlaufId: CreationOptional<string | null>;
  declare uploadId: CreationOptional<string | null>;
  /** Row number as the user sees it in the file (1-based, header included). */
  declare zeile: number;
  /** Column header, or null when the whole row is wrong. */
  declare spalte: CreationOptional<string | null>;
  declare wert: CreationOptional<string | null>;
  /** Stable error code, e.g. `PLZ_INVALID`. */
  declare code: string;
  declare meldung: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Importfehler` class to `sequelize`. */
export function initImportfehler(sequelize: Sequelize): typeof Importfehler {
  class BoundImportfehler extends Importfehler {}
  BoundImportfehler.init(
    {
      id: uuidPrimaryKey(none()),
      importlaufId: uuidReference(true),
      uploadId: uuidReference(true),
      zeile: { type: DataTypes.INTEGER, allowNull: false, privacy: none(), validate: { min: 1 } },
      spalte: { type: DataTypes.STRING(128), allowNull: true, privacy: none() },
      wert: {
        type: DataTypes.TEXT,
        allowNull: true,
        privacy: direct(drop(), 'the raw cell value'),
      },
      code: { type: DataTypes.STRING(64), allowNull: false, privacy: none() },
      meldung: {
        type: DataTypes.TEXT,
        allowNull: false,
        privacy: direct(drop(), 'messages may quote the offending value'),
      },
      ...timestamps(none()),
    },
    {
      sequelize,
      modelName: 'Importfehler',
      tableName: 'importfehler',
      indexes: [
        { name: 'importfehler_importlauf_idx', fields: ['importlaufId'] },
        { name: 'importfehler_upload_idx', fields: ['uploadId'] },
      ],
      validate: {
        belongsToExactlyOneSource(this: Importfehler) {
          if ((this.importlaufId == null) === (this.uploadId == null)) {
            throw new Error('importfehler needs exactly one of importlaufId and uploadId');
          }
        },
      },
    },
  );
  return BoundImportfehler;
}
