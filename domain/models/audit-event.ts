import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { direct, drop, none } from '../privacy/column-privacy.js';
import { enumString, jsonText, uuidPrimaryKey } from './column-types.js';

export const akteurTypen = ['PERSON', 'SYSTEM', 'WORKER'] as const;
export type AkteurTyp = (typeof akteurTypen)[number];

const auditData = () => direct(drop(), 'audit data');

/** An audit event was about to be changed: the log is append-only. */
export class AuditEventImmutableError extends Error {
  readonly code = 'AUDIT_EVENT_IMMUTABLE';
  constructor() {
    super('audit events are append-only: write a new event instead of changing one');
    this.name = 'AuditEventImmutableError';
  }
}

const refuseChange = (): never => {
  throw new AuditEventImmutableError();
};

/**
 * One entry of the audit log: who did what to which object when, with the state before and
 * after. Append-only, so it has no `updatedAt`, and no foreign keys: the trail outlives the rows
 * it describes. Table `audit_event`.
 */
export class AuditEvent extends Model<
  InferAttributes<AuditEvent>,
  InferCreationAttributes<AuditEvent>
> {
  declare id: CreationOptional<string>;
  declare akteurTyp: AkteurTyp;
  /** Person id, worker name or `system`. */
  declare akteurId: CreationOptional<string | null>;
  /** What happened, e.g. `foerderfall.read`, `foerderfall.update`. */
  declare aktion: string;
  declare objektTyp: string;
  declare objektId: CreationOptional<string | null>;
  /** The case the event belongs to, for the per-case audit view. */
  declare foerderfallId: CreationOptional<string | null>;
  declare vorher: CreationOptional<Record<string, unknown> | null>;
  declare nachher: CreationOptional<Record<string, unknown> | null>;
  /** Request or job id that ties events of one action together. */
  declare korrelationId: CreationOptional<string | null>;
  /** When it happened (UTC). */
  declare createdAt: CreationOptional<Date>;
}

/** Binds a fresh `AuditEvent` class to `sequelize`. */
export function initAuditEvent(sequelize: Sequelize): typeof AuditEvent {
  class BoundAuditEvent extends AuditEvent {}
  BoundAuditEvent.init(
    {
      id: uuidPrimaryKey(),
      akteurTyp: enumString('akteurTyp', akteurTypen, false, none()),
      akteurId: { type: DataTypes.STRING(255), allowNull: true, privacy: auditData() },
      aktion: { type: DataTypes.STRING(64), allowNull: false, privacy: none() },
      objektTyp: { type: DataTypes.STRING(64), allowNull: false, privacy: none() },
      objektId: { type: DataTypes.STRING(64), allowNull: true, privacy: auditData() },
      foerderfallId: { type: DataTypes.UUID, allowNull: true, privacy: auditData() },
      vorher: jsonText('vorher', true, auditData()),
      nachher: jsonText('nachher', true, auditData()),
      korrelationId: { type: DataTypes.STRING(64), allowNull: true, privacy: auditData() },
      createdAt: { type: DataTypes.DATE, allowNull: false, privacy: auditData() },
    },
    {
      sequelize,
      modelName: 'AuditEvent',
      tableName: 'audit_event',
      updatedAt: false,
      // Retention may delete old events; nothing may rewrite one.
      hooks: {
        beforeUpdate: refuseChange,
        beforeBulkUpdate: refuseChange,
        beforeUpsert: refuseChange,
      },
      indexes: [
        { name: 'audit_event_objekt_idx', fields: ['objektTyp', 'objektId'] },
        { name: 'audit_event_foerderfall_idx', fields: ['foerderfallId', 'createdAt'] },
        { name: 'audit_event_created_at_idx', fields: ['createdAt'] },
      ],
    },
  );
  return BoundAuditEvent;
}
