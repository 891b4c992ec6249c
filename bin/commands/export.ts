import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { ConfigLoader } from '../cli.js';

/**
 * `now export kfw --out FILE`: the way back to KfW, per Antragsnummer and programme the
 * Reporting-ID, status, first commissioning and charging points in operation, as xlsx or CSV
 * (chosen by the file's extension). Written to a temporary file beside `FILE` and renamed when
 * complete, so a half-written export never carries the final name.
 */
export function registerExportCommand(program: Command, config: ConfigLoader): void {
  const exportCommand = program.command('export').description('write exports of the domain data');
  const kfw = exportCommand
    .command('kfw')
    .description(
      'the feedback file for KfW: Reporting-ID, status, commissioning, points in operation',
    )
    .requiredOption('--out <file>', 'where to write it: .xlsx or .csv')
    .showHelpAfterError(false);
  kfw.action(async (flags: { out: string }) => {
    const out = path.resolve(flags.out);
    const extension = path.extname(out).toLowerCase();
    if (extension !== '.xlsx' && extension !== '.csv') {
      kfw.error(`--out ${flags.out}: the file name must end in .xlsx or .csv`, {
        exitCode: 2,
        code: 'now.export.format',
      });
    }
    const cfg = config();
    const { openDatabase, writeKfwExport } = await import('../../domain/index.js');
    const db = await openDatabase(cfg.databaseUrl);
    const partial = `${out}.partial`;
    try {
      const { rows } = await writeKfwExport(
        db.sequelize,
        { format: extension === '.xlsx' ? 'xlsx' : 'csv' },
        createWriteStream(partial),
      );
      await rename(partial, out);
      console.log(`KfW export: ${rows} applications written to ${out}`);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    } finally {
      await db.close();
    }
  });
}
