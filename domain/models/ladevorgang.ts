import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { aggregate, drop, none, quasi, sensitive } from '../privacy/column-privacy.js';
import { decimal, enumString, timestamps, uuidPrimaryKey, uuidReference } from './column-types.js';

/** Stop reasons of OCPP 1.6 (`StopTransaction.reason`), the vocabulary backends export. */
export const beendigungsgruende = [
  'EmergencyStop',
  'EVDisconnected',
  'HardReset',
  'Local',
  'Other',
  'PowerLoss',
  'Reboot',
  'Remote',
  'SoftReset',
  'UnlockCommand',
  'DeAuthorized',
] as const;
export type Beendigungsgrund = (typeof beendigungsgruende)[number];

const perMonth = 'sessions and kWh per location and month';
const presence =
  'reveals presence and working hours at private homes and single-user points; only public points may be published row by row';

/**
 * One uploaded charging session. No user token is ever stored. Duplicates on (point, start)
 * are rejected by a unique index. Table `ladevorgang`.
 */
export class Ladevorgang extends Model<
  InferAttributes<Ladevorgang>,
  InferCreationAttributes<Ladevorgang>
> {
  declare id: CreationOptional<string>;
  declare ladepunktId: string;
  declare uploadId: CreationOptional<string | null>;
  declare beginn: Date;
  declare ende: Date;
  /** UTC offset of the source's timestamps in minutes (ISO 8601 `+02:00` is 120). */
  declare utcOffsetMinuten: CreationOptional<number | null>;
  declare energieKwh: string;
  declare zaehlerstandBeginnWh: CreationOptional<number | null>;
  declare zaehlerstandEndeWh: CreationOptional<number | null>;
  declare maxKw: CreationOptional<string | null>;
  declare beendigungsgrund: CreationOptional<Beendigungsgrund | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `Ladevorgang` class to `sequelize`. */
export function initLadevorgang(sequelize: Sequelize): typeof Ladevorgang {
  class BoundLadevorgang extends Ladevorgang {}
  BoundLadevorgang.init(
    {
      id: uuidPrimaryKey(),
      ladepunktId: uuidReference(false),
      uploadId: uuidReference(true),
      beginn: {
        type: DataTypes.DATE,
        allowNull: false,
        privacy: sensitive(aggregate(perMonth), presence),
      },
      ende: {
        type: DataTypes.DATE,
        allowNull: false,
        privacy: sensitive(aggregate(perMonth), presence),
      },
      utcOffsetMinuten: { type: DataTypes.SMALLINT, allowNull: true, privacy: none() },
      energieKwh: decimal('energieKwh', 10, 3, false, sensitive(aggregate(perMonth), presence)),
      zaehlerstandBeginnWh: { type: DataTypes.BIGINT, allowNull: true, privacy: sensitive(drop()) },
      zaehlerstandEndeWh: { type: DataTypes.BIGINT, allowNull: true, privacy: sensitive(drop()) },
      maxKw: decimal('maxKw', 7, 2, true, sensitive(aggregate('maximum per location and month'))),
      beendigungsgrund: enumString('beendigungsgrund', beendigungsgruende, true, none()),
      ...timestamps(quasi(drop(), 'upload time')),
    },
    {
      sequelize,
      modelName: 'Ladevorgang',
      tableName: 'ladevorgang',
      indexes: [
        {
          name: 'ladevorgang_ladepunkt_beginn_uq',
          unique: true,
          fields: ['ladepunktId', 'beginn'],
        },
        { name: 'ladevorgang_upload_idx', fields: ['uploadId'] },
      ],
      validate: {
        endsAfterItStarts(this: Ladevorgang) {
          if (this.ende.getTime() <= this.beginn.getTime()) {
            throw new Error('ladevorgang.ende must be after beginn');
          }
        },
      },
    },
  );
  return BoundLadevorgang;
}
