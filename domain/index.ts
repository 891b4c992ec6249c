/**
 * The funding domain's data layer: models, migrations, demo data and the personal-data
 * classification of every column. Imports nothing of ours.
 *
 * @example
 *   import { openDatabase, migrateUp, seedDemo } from '../domain/index.js';
 *   const db = await openDatabase('sqlite:///srv/now/var/platform.sqlite');
 *   await migrateUp(db);
 *   await seedDemo(db, { cases: 50 });
 *   const fall = await db.models.Foerderfall.findOne({ where: { antragsnummer } });
 *   await db.close();
 */
import type { Database } from './database/open-database.js';
import {
  appliedMigrations,
  migrateDownSequelize,
  migrateUpSequelize,
} from './migrations/migrate.js';

export {
  openDatabase,
  DatabaseOpenError,
  type Database,
  type OpenDatabaseOptions,
} from './database/open-database.js';
export { DatabaseUrlError, parseDatabaseUrl, redactUrl } from './database/database-url.js';
export {
  seedDemo,
  SeedOptionsError,
  type SeedDemoOptions,
  type SeedDemoReport,
} from './seed/seed-demo.js';
export { migrations, migrationTable } from './migrations/migrate.js';
export { programmIds } from './migrations/m0005-insert-programmes.js';
export { initModels, type DomainModels } from './models/domain-models.js';
export {
  writeKfwExport,
  KfwExportFormatError,
  KFW_EXPORT_HEADERS,
  type KfwExportOptions,
} from './exports/kfw-export.js';
export * from './privacy/column-privacy.js';
export {
  importMessageExcerpt,
  importValueExcerpt,
  IMPORT_MESSAGE_CHARACTERS,
  IMPORT_VALUE_EXCERPT_CHARACTERS,
} from './models/importfehler-excerpt.js';
export {
  findUnclassifiedColumns,
  listColumns,
  type ClassifiedColumn,
} from './privacy/find-unclassified-columns.js';

export * from './models/programm.js';
export * from './models/zuwendungsempfaenger.js';
export * from './models/person.js';
export * from './models/person-foerderfall.js';
export * from './models/betreiber.js';
export * from './models/importlauf.js';
export * from './models/importfehler.js';
export * from './models/foerderfall.js';
export * from './models/standort.js';
export * from './models/ladesaeulengruppe.js';
export * from './models/ladepunkt.js';
export * from './models/berichtszeitraum.js';
export * from './models/nutzungsbericht.js';
export * from './models/ladevorgang.js';
export * from './models/upload.js';
export * from './models/dokument.js';
export * from './models/audit-event.js';
export * from './models/konto.js';
export * from './models/konto-token.js';
export * from './models/sitzung.js';
export * from './models/einladung.js';
export * from './models/entwurf.js';
export * from './models/gespeicherter-filter.js';
export * from './models/prozessversion-notiz.js';
export * from './models/formularversion.js';
export * from './models/bundesland.js';

/** Applies every pending migration (schema and programmes); returns the names applied now. */
export function migrateUp(db: Database): Promise<string[]> {
  return migrateUpSequelize(db.sequelize);
}

/** Reverts migrations down to `to` (a migration name) or all of them. */
export function migrateDown(db: Database, to: string | 0 = 0): Promise<string[]> {
  return migrateDownSequelize(db.sequelize, to);
}

/** Names of the migrations applied to this database. */
export function listAppliedMigrations(db: Database): Promise<string[]> {
  return appliedMigrations(db.sequelize);
}

export * from './contract.js';
export * from './rules/index.js';
