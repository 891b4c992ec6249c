/**
 * The `now` command line: the platform's only composition root. Each subcommand loads the
 * configuration once, builds what it needs and closes it again.
 *
 * @example
 *   npx now --help
 *   npx now seed demo
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, type Config } from './config.js';
import { registerSeedCommands } from './commands/seed.js';
import { registerStartCommand } from './commands/start.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerBenchCommand } from './commands/bench.js';
import { registerEngineCommand } from './commands/engine.js';
import { registerSnapshotCommand } from './commands/snapshot.js';
import { registerImportCommand } from './commands/import.js';
import { registerExportCommand } from './commands/export.js';

/** Loads the configuration lazily, so `--help` works with a broken environment. */
export type ConfigLoader = () => Config;

export function buildProgram(env: Record<string, string | undefined> = process.env): Command {
  let cached: Config | undefined;
  const config: ConfigLoader = () => (cached ??= loadConfig(env));
  const program = new Command('now')
    .description('Funding platform: BPMN processes, workers and portal for EV charging grants')
    .exitOverride()
    .showHelpAfterError();
  registerStartCommand(program, config);
  registerMigrateCommand(program, config);
  registerEngineCommand(program, config);
  registerSeedCommands(program, config);
  registerSnapshotCommand(program, config);
  registerImportCommand(program, config);
  registerExportCommand(program, config);
  registerBenchCommand(program);
  return program;
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 78; // EX_CONFIG
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    return 1;
  }
}
