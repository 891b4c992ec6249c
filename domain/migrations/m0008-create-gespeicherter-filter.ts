import { DataTypes } from 'sequelize';
import type { DomainMigration } from './domain-migration.js';
import { createTable, id, index, text, timestamps } from './migration-columns.js';

/** `gespeicherter_filter`: task-list filters a person saved under a name. */
export const createGespeicherterFilter: DomainMigration = {
  name: 'm0008-create-gespeicherter-filter',
  async up(qi) {
    await createTable(qi, 'gespeicherter_filter', {
      id: id(),
      subjekt: text(255, false),
      name: text(80, false),
      kriterien: { type: DataTypes.TEXT, allowNull: false },
      ...timestamps(),
    });
    await index(
      qi,
      'gespeicherter_filter',
      'gespeicherter_filter_subjekt_name_uq',
      ['subjekt', 'name'],
      true,
    );
  },
  async down(qi) {
    await qi.dropTable('gespeicherter_filter');
  },
};
