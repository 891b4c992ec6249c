/** Stable codes of business failures; the gateway maps them to gRPC and HTTP status. */
export type EngineErrorCode =
  'NOT_FOUND' | 'INVALID_ARGUMENT' | 'FAILED_PRECONDITION' | 'ALREADY_EXISTS';

/**
 * A command was refused (Zeebe's command rejection). Raised before any state change, so the
 * command leaves nothing behind but its COMMAND_REJECTION record.
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineError';
    this.code = code;
  }
}

/** Refuses a command because what it names does not exist. */
export function notFound(message: string): EngineError {
  return new EngineError('NOT_FOUND', message);
}
/** Refuses a command whose arguments are invalid. */
export function invalidArgument(message: string): EngineError {
  return new EngineError('INVALID_ARGUMENT', message);
}
/** Refuses a command that does not fit the current state. */
export function failedPrecondition(message: string): EngineError {
  return new EngineError('FAILED_PRECONDITION', message);
}
/** Refuses a command that would create a duplicate. */
export function alreadyExists(message: string): EngineError {
  return new EngineError('ALREADY_EXISTS', message);
}
