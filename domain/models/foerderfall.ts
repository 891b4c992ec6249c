import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, generalise, none, quasi } from '../privacy/column-privacy.js';
import { enumString, money, timestamps, uuidPrimaryKey, uuidReference } from './column-types.js';

export const foerderfallStatus = [
  'IMPORTIERT',
  'EINGELADEN',
  'REGISTRIERT',
  'STAMMDATEN_VOLLSTAENDIG',
  'IN_BETRIEB',
  'BERICHTSPFLICHTIG',
  'ABGESCHLOSSEN',
  'WIDERRUFEN',
] as const;
export type FoerderfallStatus = (typeof foerderfallStatus)[number];
/** Antragsstatus as KfW reports it in the hand-over file. */
export const kfwAntragsstatus = ['ZUGESAGT', 'AUSGEZAHLT'] as const;
export type KfwAntragsstatus = (typeof kfwAntragsstatus)[number];

const month = () => quasi(generalise('date-to-month'));
const amount = () => quasi(generalise('amount-band'));

/**
 * A funding case: one per KfW application. Its UUID is the `caseId` of every process; the
 * Antragsnummer is unique only within its programme. Table `foerderfall`.
 */
export class Foerderfall extends Model<
  InferAttributes<Foerderfall>,
  InferCreationAttributes<Foerderfall>
> {
  declare id: CreationOptional<string>;
  declare programmId: string;
  declare zuwendungsempfaengerId: string;
  /** The import run that created the case (null when created otherwise). */
  declare importlaufId: CreationOptional<string | null>;
  declare antragsnummer: string;
  declare zusagenummer: CreationOptional<string | null>;
  /** Issued by the platform once master data and location pass the automatic checks. */
  declare reportingId: CreationOptional<string | null>;
  declare reportingIdVergebenAm: CreationOptional<Date | null>;
  declare antragsdatum: string;
  declare zusagedatum: CreationOptional<string | null>;
  declare kfwAntragsstatus: CreationOptional<KfwAntragsstatus | null>;
  declare anzahlLadepunkteBeantragt: number;
  declare foerderfaehigeKosten: CreationOptional<string | null>;
  declare zuschussZugesagt: CreationOptional<string | null>;
  declare zuschussAusgezahlt: CreationOptional<string | null>;
  declare auszahlungsdatum: CreationOptional<string | null>;
  declare fristNachweis: CreationOptional<string | null>;
  declare deMinimis: CreationOptional<boolean | null>;
  declare status: FoerderfallStatus;
  declare ersteInbetriebnahme: CreationOptional<string | null>;
  /** First commissioning plus the programme's purpose-binding years. */
  declare zweckbindungEnde: CreationOptional<string | null>;
  /** Key of the case's `foerderfall` process instance (int64 as text); set once, when started. */
  declare prozessInstanzKey: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Foerderfall` class to `sequelize`. */
export function initFoerderfall(sequelize: Sequelize): typeof Foerderfall {
  class BoundFoerderfall extends Foerderfall {}
  BoundFoerderfall.init(
    {
      id: uuidPrimaryKey(),
      programmId: uuidReference(false, none('reference data')),
      zuwendungsempfaengerId: uuidReference(false),
      importlaufId: uuidReference(true),
      antragsnummer: { type: DataTypes.STRING(64), allowNull: false, privacy: direct(drop()) },
      zusagenummer: { type: DataTypes.STRING(64), allowNull: true, privacy: direct(drop()) },
      reportingId: { type: DataTypes.STRING(32), allowNull: true, privacy: direct(drop()) },
      reportingIdVergebenAm: { type: DataTypes.DATE, allowNull: true, privacy: month() },
      antragsdatum: { type: DataTypes.DATEONLY, allowNull: false, privacy: month() },
      zusagedatum: { type: DataTypes.DATEONLY, allowNull: true, privacy: month() },
      kfwAntragsstatus: enumString('kfwAntragsstatus', kfwAntragsstatus, true, none()),
      anzahlLadepunkteBeantragt: {
        type: DataTypes.INTEGER,
        allowNull: false,
        privacy: quasi(generalise('count-band')),
        validate: { min: { args: [1], msg: 'anzahlLadepunkteBeantragt must be at least 1' } },
      },
      foerderfaehigeKosten: money('foerderfaehigeKosten', true, amount()),
      zuschussZugesagt: money('zuschussZugesagt', true, amount()),
      zuschussAusgezahlt: money('zuschussAusgezahlt', true, amount()),
      auszahlungsdatum: { type: DataTypes.DATEONLY, allowNull: true, privacy: month() },
      fristNachweis: { type: DataTypes.DATEONLY, allowNull: true, privacy: month() },
      deMinimis: { type: DataTypes.BOOLEAN, allowNull: true, privacy: none() },
      status: enumString('status', foerderfallStatus, false, none()),
      ersteInbetriebnahme: { type: DataTypes.DATEONLY, allowNull: true, privacy: month() },
      zweckbindungEnde: { type: DataTypes.DATEONLY, allowNull: true, privacy: month() },
      prozessInstanzKey: {
        type: DataTypes.STRING(32),
        allowNull: true,
        privacy: direct(drop(), "the engine's instance holds the real case id"),
      },
      ...timestamps(),
    },
    {
      sequelize,
      modelName: 'Foerderfall',
      tableName: 'foerderfall',
      indexes: [
        {
          name: 'foerderfall_programm_antragsnummer_uq',
          unique: true,
          fields: ['programmId', 'antragsnummer'],
        },
        { name: 'foerderfall_reporting_id_uq', unique: true, fields: ['reportingId'] },
        { name: 'foerderfall_zuwendungsempfaenger_idx', fields: ['zuwendungsempfaengerId'] },
        { name: 'foerderfall_importlauf_idx', fields: ['importlaufId'] },
        { name: 'foerderfall_status_idx', fields: ['status'] },
        {
          name: 'foerderfall_prozess_instanz_key_uq',
          unique: true,
          fields: ['prozessInstanzKey'],
        },
      ],
    },
  );
  return BoundFoerderfall;
}
