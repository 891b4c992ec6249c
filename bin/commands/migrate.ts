import type { Command } from 'commander';
import type { ConfigLoader } from '../cli.js';

/** `now migrate`: applies pending migrations (programmes included) to DATABASE_URL. */
export function registerMigrateCommand(program: Command, config: ConfigLoader): void {
  program
    .command('migrate')
    .description('apply pending database migrations (creates the schema and the programmes)')
    .action(async () => {
      const { openDatabase, migrateUp } = await import('../../domain/index.js');
      const db = await openDatabase(config().databaseUrl);
      try {
        const applied = await migrateUp(db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
      } finally {
        await db.close();
      }
    });
}
