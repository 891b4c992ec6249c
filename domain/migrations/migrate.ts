/**
 * Runs the domain migrations with umzug; applied names are kept in the `SequelizeMeta` table.
 *
 * @example
 *   const applied = await migrateUp(db); // [] when the schema is up to date
 */
import { SequelizeStorage, Umzug } from 'umzug';
import { DataTypes, type Sequelize } from 'sequelize';
import type { DomainMigration } from './domain-migration.js';
import { withMigrationLock } from './migration-lock.js';
import { createMasterData } from './m0001-create-master-data.js';
import { createCasesAndLocations } from './m0002-create-cases-and-locations.js';
import { createReporting } from './m0003-create-reporting.js';
import { createAuditEvent } from './m0004-create-audit-event.js';
import { insertProgrammes } from './m0005-insert-programmes.js';
import { createPortalIdentity } from './m0006-create-portal-identity.js';
import { createEntwurf } from './m0007-create-entwurf.js';
import { createGespeicherterFilter } from './m0008-create-gespeicherter-filter.js';
import { addImportOutcomeAndInstanceKey } from './m0009-add-import-outcome-and-instance-key.js';
import { createProcessAndFormVersions } from './m0010-create-process-and-form-versions.js';
import { createPruefbefundAndAbschlussbestaetigung } from './m0011-create-pruefbefund-and-abschlussbestaetigung.js';

/** Every migration in the order it runs. Append only; never edit or reorder a shipped one. */
export const migrations: readonly DomainMigration[] = [
  createMasterData,
  createCasesAndLocations,
  createReporting,
  createAuditEvent,
  insertProgrammes,
  createPortalIdentity,
  createEntwurf,
  createGespeicherterFilter,
  addImportOutcomeAndInstanceKey,
  createProcessAndFormVersions,
  createPruefbefundAndAbschlussbestaetigung,
];

/** The table umzug records applied migrations in. */
export const migrationTable = 'SequelizeMeta';

/**
 * The SequelizeMeta model umzug would define itself, but in utf8mb4 like every other table
 * (umzug's own model asks for the 3-byte `utf8`).
 */
function metaModel(sequelize: Sequelize) {
  return (
    sequelize.models[migrationTable] ??
    sequelize.define(
      migrationTable,
      { name: { type: DataTypes.STRING(255), allowNull: false, primaryKey: true } },
      {
        tableName: migrationTable,
        timestamps: false,
        charset: 'utf8mb4',
        collate: 'utf8mb4_unicode_ci',
      },
    )
  );
}

function migrator(sequelize: Sequelize): Umzug<ReturnType<Sequelize['getQueryInterface']>> {
  return new Umzug({
    migrations: migrations.map((migration) => ({
      name: migration.name,
      up: ({ context }) => migration.up(context),
      down: ({ context }) => migration.down(context),
    })),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ model: metaModel(sequelize) }),
    logger: undefined,
  });
}

/** Applies every pending migration; returns the names applied now (empty when up to date). */
export async function migrateUpSequelize(sequelize: Sequelize): Promise<string[]> {
  const applied = await withMigrationLock(sequelize, () => migrator(sequelize).up());
  return applied.map((migration) => migration.name);
}

/** Reverts migrations down to (and including) `to`, or all of them. For tests and repairs. */
export async function migrateDownSequelize(
  sequelize: Sequelize,
  to: string | 0 = 0,
): Promise<string[]> {
  const reverted = await withMigrationLock(sequelize, () => migrator(sequelize).down({ to }));
  return reverted.map((migration) => migration.name);
}

/** Names of the migrations already applied to this database. */
export async function appliedMigrations(sequelize: Sequelize): Promise<string[]> {
  const executed = await migrator(sequelize).executed();
  return executed.map((migration) => migration.name);
}
