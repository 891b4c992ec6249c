import type { Command } from 'commander';
import type { ConfigLoader } from '../cli.js';

/** `now seed demo`: a realistic, idempotent demo data set (refused in production). */
export function registerSeedCommands(program: Command, config: ConfigLoader): void {
  const seed = program.command('seed').description('fill the database with generated data');
  seed
    .command('demo')
    .description(
      'about 200 Förderfälle, 300 Standorte, 800 Ladesäulengruppen, 50,000 Ladevorgänge (idempotent)',
    )
    .option('--cases <n>', 'number of Förderfälle', (v) => Number.parseInt(v, 10), 200)
    .action(async (options: { cases: number }) => {
      const cfg = config();
      if (!cfg.allowDemo) throw new Error('now seed demo is refused with NODE_ENV=production');
      const { openDatabase, migrateUp, seedDemo } = await import('../../domain/index.js');
      const db = await openDatabase(cfg.databaseUrl);
      try {
        await migrateUp(db);
        const report = await seedDemo(db, { cases: options.cases });
        console.log(
          report.created
            ? `demo data created: ${formatCounts(report.counts)}`
            : `demo data already present, nothing changed: ${formatCounts(report.counts)}`,
        );
      } finally {
        await db.close();
      }
    });
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
}
