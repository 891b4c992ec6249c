/** Why the REST API cannot start as configured. */
export type RestApiConfigErrorCode = 'INSECURE_BIND' | 'BIND_FAILED' | 'CLOCK_NOT_CONTROLLABLE';

/** The REST API's configuration cannot be served (unsafe address, port taken, clock fixed). */
export class RestApiConfigError extends Error {
  readonly code: RestApiConfigErrorCode;

  constructor(code: RestApiConfigErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RestApiConfigError';
    this.code = code;
  }
}
