import type { DomainMigration } from './domain-migration.js';
import { index, text } from './migration-columns.js';
import { DataTypes } from 'sequelize';

/**
 * `importlauf.fehlercode` and `importlauf.fehlermeldung`: why a run was rejected or broke off,
 * kept on the run so operators (and `now import`) can read it. `foerderfall.prozessInstanzKey`:
 * the key of the case's `foerderfall` instance (int64 as text), so a re-delivered import job
 * starts nothing twice.
 */
export const addImportOutcomeAndInstanceKey: DomainMigration = {
  name: 'm0009-add-import-outcome-and-instance-key',
  async up(qi) {
    await qi.addColumn('importlauf', 'fehlercode', text(64));
    await qi.addColumn('importlauf', 'fehlermeldung', { type: DataTypes.TEXT, allowNull: true });
    await qi.addColumn('foerderfall', 'prozessInstanzKey', text(32));
    await index(
      qi,
      'foerderfall',
      'foerderfall_prozess_instanz_key_uq',
      ['prozessInstanzKey'],
      true,
    );
  },
  async down(qi) {
    await qi.removeIndex('foerderfall', 'foerderfall_prozess_instanz_key_uq');
    await qi.removeColumn('foerderfall', 'prozessInstanzKey');
    await qi.removeColumn('importlauf', 'fehlermeldung');
    await qi.removeColumn('importlauf', 'fehlercode');
  },
};
