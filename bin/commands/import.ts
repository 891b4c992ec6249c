import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { ConfigLoader } from '../cli.js';

interface ImportFlags {
  timeout: number;
}

/**
 * `now import FILE`: hands a KfW file to the running platform the way KfW's delivery does (it
 * is placed in the storage inbox `kfw-inbox/` under the same STORAGE_URL, so the platform's
 * inbox trigger starts the `kfw-import` process), waits until the import run of that file
 * (found by its SHA-256 in the domain table `importlauf`) has finished, and prints
 * `new: N, updated: N, unchanged: N, rejected: N` and then each rejected row. Exits with 1 when
 * the file was rejected whole. The same file again imports nothing and says so.
 */
export function registerImportCommand(program: Command, config: ConfigLoader): void {
  const command = program
    .command('import')
    .description('import a KfW file through the running platform and print its summary')
    .argument('<file>', 'the KfW workbook (.xlsx)')
    .option('--timeout <seconds>', 'give up after this long', (v) => Number.parseInt(v, 10), 1800)
    .showHelpAfterError(false);
  command.action(async (file: string, flags: ImportFlags) => {
    const cfg = config();
    const fail = (message: string): never =>
      command.error(message, { exitCode: 1, code: 'now.import.failed' });
    const source = path.resolve(file);
    const info = await stat(source).catch(() => undefined);
    if (!info?.isFile()) return fail(`${file}: no such file`);

    const { openDatabase, redactUrl } = await import('../../domain/index.js');
    const { openObjectStore } = await import('../../workers/storage/index.js');
    const { DEFAULT_ZIP_LIMITS } = await import('../../workers/kfw-import/zip-guard.js');
    const { FileTooLargeError } = await import('../../workers/kfw-import/kfw-file-errors.js');
    const { sha256OfFile } = await import('../../workers/kfw-import/file-hash.js');
    const { KFW_PREFIXES } = await import('../../workers/kfw-import/settle-file.js');
    const watch = await import('../../workers/kfw-import/watch-import-run.js');

    if (info.size > DEFAULT_ZIP_LIMITS.maxFileBytes) {
      // the worker would refuse it before reading; saying so here saves the upload
      const error = new FileTooLargeError(info.size, DEFAULT_ZIP_LIMITS.maxFileBytes);
      return fail(`file rejected whole (${error.code}): ${error.message}`);
    }
    const hash = await sha256OfFile(source);
    const db = await openDatabase(cfg.databaseUrl);
    const storage = openObjectStore(
      cfg.storageUrl,
      cfg.s3Endpoint ? { endpoint: cfg.s3Endpoint } : {},
    );
    try {
      const earlier = await watch.completedImportRun(db, hash).catch((error: unknown) => {
        throw new Error(
          `cannot read import runs from ${redactUrl(cfg.databaseUrl)}: ` +
            `${(error as Error).message} (has the platform been started with this DATA_DIR?)`,
        );
      });
      if (earlier) {
        console.log(
          `already imported: this file was imported on ${earlier.gestartetAm.toISOString()} ` +
            `(run ${earlier.id}); nothing imported again`,
        );
        await printRun(earlier, watch.rejectedRowsOf(db, earlier.id));
        return;
      }
      const marker = await watch.importRunMarker(db, hash);
      const key = `${KFW_PREFIXES.inbox}${path.basename(source)}`;
      await storage.put(key, createReadStream(source));
      console.log(`placed ${key} in ${storage.location}; waiting for the import`);
      const outcome = await watch.waitForImportRun(db, hash, marker, {
        timeoutMs: flags.timeout * 1000,
        onWaiting(waitedMs) {
          console.log(
            `  no import run yet after ${Math.round(waitedMs / 1000)} s: is the platform running with this STORAGE_URL?`,
          );
        },
        onChange(run) {
          const done = run.neu + run.aktualisiert + run.unveraendert + run.abgelehnt;
          if (run.status === 'FEHLGESCHLAGEN') {
            console.log(`  run broke off, the job will retry: ${run.fehlermeldung ?? ''}`);
          } else {
            console.log(`  ${done} of ${run.zeilenGesamt} rows`);
          }
        },
      });
      if (outcome.kind === 'rejected') {
        const { run } = outcome;
        return fail(
          `file rejected whole (${run.fehlercode ?? 'KFW_FILE_REJECTED'}): ${run.fehlermeldung ?? ''}` +
            (run.speicherSchluessel ? `\nthe file is kept as ${run.speicherSchluessel}` : ''),
        );
      }
      await printRun(outcome.run, watch.rejectedRowsOf(db, outcome.run.id));
    } finally {
      await storage.close();
      await db.close();
    }
  });
}

async function printRun(
  run: { neu: number; aktualisiert: number; unveraendert: number; abgelehnt: number },
  rejected: AsyncIterable<{ row: number; column: string | null; message: string }>,
): Promise<void> {
  console.log(
    `new: ${run.neu}, updated: ${run.aktualisiert}, unchanged: ${run.unveraendert}, rejected: ${run.abgelehnt}`,
  );
  for await (const line of rejected) {
    console.log(
      line.column
        ? `row ${line.row}, column ${line.column}: ${line.message}`
        : `row ${line.row}: ${line.message}`,
    );
  }
}
