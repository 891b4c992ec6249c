import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

/** The process's logger (pino, JSON lines on stdout), built once from the configuration. */
export function createLogger(config: Pick<Config, 'logLevel'>, name: string): Logger {
  return pino({ name, level: config.logLevel });
}
