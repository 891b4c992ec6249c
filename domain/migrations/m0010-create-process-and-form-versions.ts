import { DataTypes } from 'sequelize';
import type { DomainMigration } from './domain-migration.js';
import { createTable, id, index, integer, text, timestamps } from './migration-columns.js';

/**
 * `prozessversion_notiz`: the note a process owner wrote when deploying a process version (who,
 * when, what changed, the engine's resulting key and version). `formularversion`: form versions
 * saved in the portal; the newest one of a form is what new tasks render and what completion
 * validates against (the files in `forms/` are version 0).
 */
export const createProcessAndFormVersions: DomainMigration = {
  name: 'm0010-create-process-and-form-versions',
  async up(qi) {
    await createTable(qi, 'prozessversion_notiz', {
      id: id(),
      prozessId: text(255, false),
      prozessDefinitionKey: text(32, false),
      version: integer(false),
      notiz: { type: DataTypes.TEXT, allowNull: false },
      subjekt: text(255, false),
      ...timestamps(),
    });
    await index(
      qi,
      'prozessversion_notiz',
      'prozessversion_notiz_key_uq',
      ['prozessDefinitionKey'],
      true,
    );
    await index(qi, 'prozessversion_notiz', 'prozessversion_notiz_prozess_idx', ['prozessId']);
    await createTable(qi, 'formularversion', {
      id: id(),
      formId: text(64, false),
      version: integer(false),
      schema: { type: DataTypes.TEXT, allowNull: false },
      uiSchema: { type: DataTypes.TEXT, allowNull: true },
      notiz: { type: DataTypes.TEXT, allowNull: true },
      subjekt: text(255, false),
      ...timestamps(),
    });
    await index(
      qi,
      'formularversion',
      'formularversion_form_version_uq',
      ['formId', 'version'],
      true,
    );
  },
  async down(qi) {
    await qi.dropTable('formularversion');
    await qi.dropTable('prozessversion_notiz');
  },
};
