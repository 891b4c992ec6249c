import { isIP } from 'node:net';

/** Why the gateway cannot start as configured. */
export type GatewayConfigErrorCode = 'INSECURE_BIND' | 'BIND_FAILED' | 'ALREADY_STARTED';

/** The gateway's configuration cannot be served (unsafe address, port taken, started twice). */
export class GatewayConfigError extends Error {
  readonly code: GatewayConfigErrorCode;

  constructor(code: GatewayConfigErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GatewayConfigError';
    this.code = code;
  }
}

/** True for addresses only this machine can reach: `localhost`, 127.0.0.0/8 and ::1. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}
