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
export const importlaufStatus = ['LAEUFT', 'ABGESCHLOSSEN', 'FEHLGESCHLAGEN'] as const;
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
      id: uuidPrimaryKey(none('a technical run, no person behind it')),
      quelle: enumString('quelle', importquellen, false, none()),
      dateiname: { type: DataTypes.STRING(255), allowNull: false, privacy: none() },
      dateiHash: { type: DataTypes.CHAR(64), allowNull: false, privacy: none() },
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
