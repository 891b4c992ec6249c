import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, none } from '../privacy/column-privacy.js';
import { enumString, timestamps, uuidPrimaryKey } from './column-types.js';

export const importquellen = ['KFW_DATEI', 'DEMO'] as const;
export type Importquelle = (typeof importquellen)[number];
/**
 * `ABGELEHNT`: the file was rejected whole, nothing of it stored; `FEHLGESCHLAGEN`: the run broke
 * off (rows stored until then stay; a new delivery of the file resumes it).
 */
export const importlaufStatus = ['LAEUFT', 'ABGESCHLOSSEN', 'FEHLGESCHLAGEN', 'ABGELEHNT'] as const;
export type ImportlaufStatus = (typeof importlaufStatus)[number];

/** One run of the KfW import over one file, with its row counts. Table `importlauf`. */
export class Importlauf extends Model<
  InferAttributes<Importlauf>,
  InferCreationAttributes<Importlauf>
> {
  declare id: CreationOptional<string>;
  declare quelle: Importquelle;
  declare dateiname: string;
  /** SHA-256 of the file (hex), to recognise a file that was imported before. */
  declare dateiHash: string;
  declare speicherSchluessel: CreationOptional<string | null>;
  declare status: ImportlaufStatus;
  declare zeilenGesamt: CreationOptional<number>;
  declare neu: CreationOptional<number>;
  declare aktualisiert: CreationOptional<number>;
  declare unveraendert: CreationOptional<number>;
  declare abgelehnt: CreationOptional<number>;
  declare gestartetAm: Date;
  declare beendetAm: CreationOptional<Date | null>;
  /** Who started the run: a person id, or null for the system. */
  declare gestartetVon: CreationOptional<string | null>;
  /** Stable code of a whole-file rejection or of the damage that broke a run off (`KFW_SHEET_MISSING`). */
  declare fehlercode: CreationOptional<string | null>;
  /** Why the run was rejected or broke off, for an operator. */
  declare fehlermeldung: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

// A factory, not a shared object: Sequelize writes the field name into each attribute definition.
const count = () => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  defaultValue: 0,
  privacy: none('aggregate'),
});

/** Binds a fresh `Importlauf` class to `sequelize`. */
export function initImportlauf(sequelize: Sequelize): typeof Importlauf {
  class BoundImportlauf extends Importlauf {}
  BoundImportlauf.init(
    {
      id: uuidPrimaryKey(),
      quelle: enumString('quelle', importquellen, false, none()),
      dateiname: { type: DataTypes.STRING(255), allowNull: false, privacy: none() },
      dateiHash: {
        type: DataTypes.CHAR(64),
        allowNull: false,
        // the hash of a file full of personal data would confirm a guessed copy of that file
        privacy: direct(drop(), 'fingerprint of a file with personal data'),
      },
      speicherSchluessel: { type: DataTypes.STRING(512), allowNull: true, privacy: none() },
      status: enumString('status', importlaufStatus, false, none()),
      zeilenGesamt: count(),
      neu: count(),
      aktualisiert: count(),
      unveraendert: count(),
      abgelehnt: count(),
      gestartetAm: { type: DataTypes.DATE, allowNull: false, privacy: none() },
      beendetAm: { type: DataTypes.DATE, allowNull: true, privacy: none() },
      gestartetVon: {
        type: DataTypes.STRING(255),
        allowNull: true,
        privacy: direct(drop(), 'login data'),
      },
      fehlercode: { type: DataTypes.STRING(64), allowNull: true, privacy: none() },
      fehlermeldung: {
        type: DataTypes.TEXT,
        allowNull: true,
        privacy: direct(drop(), 'a database error may quote a value of a row'),
      },
      ...timestamps(none()),
    },
    {
      sequelize,
      modelName: 'Importlauf',
      tableName: 'importlauf',
      indexes: [{ name: 'importlauf_datei_hash_idx', fields: ['dateiHash'] }],
    },
  );
  return BoundImportlauf;
}
