import { DataTypes } from 'sequelize';
import type { DomainMigration } from './domain-migration.js';
import { createTable, id, index, text, timestamps } from './migration-columns.js';

/** `entwurf`: the autosaved draft of a user task's form, per person and task. */
export const createEntwurf: DomainMigration = {
  name: 'm0007-create-entwurf',
  async up(qi) {
    await createTable(qi, 'entwurf', {
      id: id(),
      userTaskKey: text(32, false),
      subjekt: text(255, false),
      formId: text(64, false),
      daten: { type: DataTypes.TEXT, allowNull: false },
      ...timestamps(),
    });
    await index(qi, 'entwurf', 'entwurf_task_subjekt_uq', ['userTaskKey', 'subjekt'], true);
  },
  async down(qi) {
    await qi.dropTable('entwurf');
  },
};
