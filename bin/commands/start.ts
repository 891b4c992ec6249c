import type { Command } from 'commander';
import type { ConfigLoader } from '../cli.js';

/**
 * `now start`: the whole platform on this machine with embedded defaults. Today it prepares the
 * database (migrations, programmes, demo data); engine, workers and portal join as they land.
 */
export function registerStartCommand(program: Command, config: ConfigLoader): void {
  program
    .command('start')
    .description('run the platform with embedded defaults (database, demo data)')
    .action(async () => {
      const cfg = config();
      const { openDatabase, migrateUp, seedDemo } = await import('../../domain/index.js');
      const db = await openDatabase(cfg.databaseUrl);
      try {
        const applied = await migrateUp(db);
        console.log(`database: ${redact(cfg.databaseUrl)} (${applied.length} migrations applied)`);
        if (cfg.allowDemo) {
          const report = await seedDemo(db, {});
          console.log(`demo data: ${report.created ? 'created' : 'present'}`);
        }
      } finally {
        await db.close();
      }
    });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
