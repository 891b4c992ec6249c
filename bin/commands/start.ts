import type { Command } from 'commander';
import type { ConfigLoader } from '../cli.js';
import type { PlatformParts } from '../platform.js';
import { createLogger } from '../logger.js';

/** Registers `now start` (everything), `now portal` and `now workers` (one part each). */
export function registerStartCommand(program: Command, config: ConfigLoader): void {
  const run = async (name: string, parts: PlatformParts) => {
    const cfg = config();
    const logger = createLogger(cfg, name);
    const { startPlatform } = await import('../platform.js');
    const { untilStopped } = await import('../embedded-engine.js');
    // Listen before starting: a stop asked for during start-up takes effect once it is done.
    const stopped = untilStopped();
    const platform = await startPlatform(cfg, logger, parts);
    console.log(platform.lines.join('\n'));
    const signal = await stopped;
    logger.info({ signal }, 'stopping');
    await platform.close();
  };
  program
    .command('start')
    .description('run the whole platform on this machine: engine, workers, portal, demo data')
    .action(() => run('now', { engine: true, workers: true, portal: true, demo: true }));
  program
    .command('portal')
    .description(
      'run the portal against the engine that ZEEBE_GRPC_ADDRESS/ZEEBE_REST_ADDRESS name',
    )
    .action(() => run('portal', { engine: false, workers: false, portal: true, demo: false }));
  program
    .command('workers')
    .description('run every job worker against the engine that ZEEBE_GRPC_ADDRESS names')
    .action(() => run('workers', { engine: false, workers: true, portal: false, demo: false }));
}
