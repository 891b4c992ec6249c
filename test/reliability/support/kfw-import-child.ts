/**
 * A KfW import in a process of its own, for the crash suite to kill: imports the file given on
 * the command line into the database given on the command line, printing `progress <rows>` after
 * every committed batch and `done <json>` at the end.
 *
 * Usage: node --import tsx test/reliability/support/kfw-import-child.ts <databaseUrl> <file> [staleRunAfterMs]
 */
import { openDatabase } from '../../../domain/database/open-database.js';
import { importKfwFile } from '../../../workers/kfw-import/import-file.js';

const [databaseUrl, file, staleRunAfterMs] = process.argv.slice(2);
if (!databaseUrl || !file) throw new Error('usage: kfw-import-child <databaseUrl> <file>');
const db = await openDatabase(databaseUrl);
try {
  const outcome = await importKfwFile(db, file, {
    batchSize: 250,
    ...(staleRunAfterMs ? { staleRunAfterMs: Number(staleRunAfterMs) } : {}),
    onProgress: (progress) => {
      process.stdout.write(`progress ${progress.rowsDone}\n`);
    },
  });
  process.stdout.write(
    `done ${JSON.stringify(outcome.kind === 'rejected' ? { kind: outcome.kind } : { kind: outcome.kind, summary: outcome.summary })}\n`,
  );
} finally {
  await db.close();
}
