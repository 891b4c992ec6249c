import path from 'node:path';
import type { Command } from 'commander';
import type { ConfigLoader } from '../cli.js';
import { createLogger } from '../logger.js';

const portOption = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${value}`);
  return port;
};

interface EngineFlags {
  port?: number;
  restPort?: number;
  managementPort?: number;
  data?: string;
  host: string;
  controlledClock?: boolean;
}

/** `now engine`: the embedded engine alone (gRPC gateway, REST API, management port). */
export function registerEngineCommand(program: Command, config: ConfigLoader): void {
  program
    .command('engine')
    .description('run the embedded Zeebe-compatible engine (gRPC, REST API v2, health and metrics)')
    .option('--port <port>', 'gRPC gateway port (ENGINE_PORT)', portOption)
    .option('--rest-port <port>', 'REST API port (ENGINE_REST_PORT)', portOption)
    .option('--management-port <port>', 'health and metrics port (MANAGEMENT_PORT)', portOption)
    .option('--data <file>', 'engine state file (default $DATA_DIR/engine.sqlite)')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option(
      '--controlled-clock',
      'allow PUT /v2/clock (ENGINE_CONTROLLED_CLOCK); refused in production',
    )
    .action(async (flags: EngineFlags) => {
      const cfg = config();
      const controlledClock = flags.controlledClock ?? cfg.engine.controlledClock;
      if (controlledClock && cfg.nodeEnv === 'production') {
        throw new Error('--controlled-clock is refused with NODE_ENV=production');
      }
      const logger = createLogger(cfg, 'engine');
      const { runEmbeddedEngine, untilStopped } = await import('../embedded-engine.js');
      const stopped = untilStopped();
      const running = await runEmbeddedEngine(
        {
          file: path.resolve(flags.data ?? path.join(cfg.dataDir, 'engine.sqlite')),
          host: flags.host,
          port: flags.port ?? cfg.engine.port,
          restPort: flags.restPort ?? cfg.engine.restPort,
          managementPort: flags.managementPort ?? cfg.engine.managementPort,
          controlledClock,
        },
        logger,
      );
      console.log(
        [
          `engine gRPC gateway: ${running.grpcAddress}  (ZEEBE_GRPC_ADDRESS=${running.grpcAddress} CAMUNDA_AUTH_STRATEGY=NONE)`,
          `engine REST API:     ${running.restAddress}  (ZEEBE_REST_ADDRESS=${running.restAddress})`,
          `health and metrics:  ${running.managementUrl}/health  ${running.managementUrl}/metrics`,
          controlledClock ? 'controlled clock: PUT /v2/clock enabled' : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
      const signal = await stopped;
      logger.info({ signal }, 'stopping engine');
      await running.close();
    });
}
