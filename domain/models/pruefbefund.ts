import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, generalise, none, quasi } from '../privacy/column-privacy.js';
import { timestamps, uuidPrimaryKey, uuidReference } from './column-types.js';

/**
 * An officer's finding on one field of a case's data, from a review form (`pruefung`,
 * `bericht-pruefung`, ...): which field, which code, why. Open (`erledigtAm` null) until a later
 * approval of the same case and period resolves it. Table `pruefbefund`.
 */
export class Pruefbefund extends Model<
  InferAttributes<Pruefbefund>,
  InferCreationAttributes<Pruefbefund>
> {
  declare id: CreationOptional<string>;
  declare foerderfallId: string;
  /** The reporting period the review was about, when it was one period's report. */
  declare berichtszeitraumId: CreationOptional<string | null>;
  /** The usage report the review was about, when the task carries one (`reportId`). */
  declare nutzungsberichtId: CreationOptional<string | null>;
  /** The review task the finding came from (engine key). */
  declare userTaskKey: string;
  declare formId: string;
  /** The review's decision, e.g. `rework`. */
  declare entscheidung: string;
  /** The finding's place in the form's list (a retried completion updates by it). */
  declare position: number;
  /** JSON pointer-like path of the field, e.g. `ladesaeulengruppen/0/kwProLadepunkt`. */
  declare feld: string;
  declare code: string;
  declare begruendung: string;
  /** The officer's login subject. */
  declare prueferSubjekt: string;
  declare festgestelltAm: Date;
  declare erledigtAm: CreationOptional<Date | null>;
  /** The approving review task that resolved the finding. */
  declare erledigtDurchUserTaskKey: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const month = () => quasi(generalise('date-to-month'));

/** Binds a fresh `Pruefbefund` class to `sequelize`. */
export function initPruefbefund(sequelize: Sequelize): typeof Pruefbefund {
  class BoundPruefbefund extends Pruefbefund {}
  BoundPruefbefund.init(
    {
      id: uuidPrimaryKey(),
      foerderfallId: uuidReference(false),
      berichtszeitraumId: uuidReference(true),
      nutzungsberichtId: uuidReference(true),
      userTaskKey: { type: DataTypes.STRING(32), allowNull: false, privacy: none('engine key') },
      formId: { type: DataTypes.STRING(64), allowNull: false, privacy: none() },
      entscheidung: { type: DataTypes.STRING(32), allowNull: false, privacy: none() },
      position: { type: DataTypes.INTEGER, allowNull: false, privacy: none() },
      feld: { type: DataTypes.STRING(255), allowNull: false, privacy: none('a form field path') },
      code: { type: DataTypes.STRING(64), allowNull: false, privacy: none('a finding code') },
      begruendung: {
        type: DataTypes.TEXT,
        allowNull: false,
        privacy: direct(drop(), 'free text, may name people'),
      },
      prueferSubjekt: {
        type: DataTypes.STRING(255),
        allowNull: false,
        privacy: direct(drop(), 'login data'),
      },
      festgestelltAm: { type: DataTypes.DATE, allowNull: false, privacy: month() },
      erledigtAm: { type: DataTypes.DATE, allowNull: true, privacy: month() },
      erledigtDurchUserTaskKey: {
        type: DataTypes.STRING(32),
        allowNull: true,
        privacy: none('engine key'),
      },
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Pruefbefund',
      tableName: 'pruefbefund',
      indexes: [
        { name: 'pruefbefund_task_position_uq', unique: true, fields: ['userTaskKey', 'position'] },
        { name: 'pruefbefund_foerderfall_idx', fields: ['foerderfallId', 'erledigtAm'] },
        { name: 'pruefbefund_berichtszeitraum_idx', fields: ['berichtszeitraumId'] },
        { name: 'pruefbefund_nutzungsbericht_idx', fields: ['nutzungsberichtId'] },
      ],
    },
  );
  return BoundPruefbefund;
}
