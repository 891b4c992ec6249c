import { DataTypes } from 'sequelize';
import type { DomainMigration } from './domain-migration.js';
import { createTable, enumText, id, index, text, timestamp } from './migration-columns.js';

/** The audit log: append-only, no foreign keys (the trail outlives what it describes). */
export const createAuditEvent: DomainMigration = {
  name: 'm0004-create-audit-event',
  async up(qi) {
    // Before/after snapshots can be large: LONGTEXT on MySQL (SQLite's TEXT has no limit).
    const json = qi.sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.TEXT('long');
    await createTable(qi, 'audit_event', {
      id: id(),
      akteurTyp: enumText(),
      akteurId: text(255),
      aktion: text(64, false),
      objektTyp: text(64, false),
      objektId: text(64),
      foerderfallId: { type: DataTypes.UUID, allowNull: true },
      vorher: { type: json, allowNull: true },
      nachher: { type: json, allowNull: true },
      korrelationId: text(64),
      createdAt: timestamp(),
    });
    await index(qi, 'audit_event', 'audit_event_objekt_idx', ['objektTyp', 'objektId']);
    await index(qi, 'audit_event', 'audit_event_foerderfall_idx', ['foerderfallId', 'createdAt']);
    await index(qi, 'audit_event', 'audit_event_created_at_idx', ['createdAt']);
  },
  async down(qi) {
    await qi.dropTable('audit_event');
  },
};
