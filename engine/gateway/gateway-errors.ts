import { status } from '@grpc/grpc-js';

/** Stable codes of business failures, shared by the engine's typed errors and the gateway's own. */
export type BusinessErrorCode =
  'NOT_FOUND' | 'INVALID_ARGUMENT' | 'FAILED_PRECONDITION' | 'ALREADY_EXISTS';

/**
 * A request the gateway refuses before it reaches the engine: a malformed field (variables that
 * are not a JSON object, a key that is not an int64, an unknown tenant). Names the field.
 */
export class GatewayRequestError extends Error {
  readonly code: BusinessErrorCode;
  /** The request field at fault, as the proto names it (`variables`, `tenantId`, ...). */
  readonly field: string;

  constructor(
    code: BusinessErrorCode,
    field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GatewayRequestError';
    this.code = code;
    this.field = field;
  }
}

/** An RPC (or an option of one) that the engine does not offer yet; answered with UNIMPLEMENTED. */
export class UnsupportedRpcError extends Error {
  readonly code = 'UNIMPLEMENTED' as const;

  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedRpcError';
  }
}

/**
 * A failure that is not a business error and carries its own status: a create-with-result that
 * timed out (DEADLINE_EXCEEDED), a call cut short by shutdown (UNAVAILABLE). Clients may retry these.
 */
export class TransientRpcError extends Error {
  readonly status: status;

  constructor(grpcStatus: status.DEADLINE_EXCEEDED | status.UNAVAILABLE, message: string) {
    super(message);
    this.name = 'TransientRpcError';
    this.status = grpcStatus;
  }
}

const businessStatus: Record<BusinessErrorCode | 'UNIMPLEMENTED', status> = {
  NOT_FOUND: status.NOT_FOUND,
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  FAILED_PRECONDITION: status.FAILED_PRECONDITION,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  UNIMPLEMENTED: status.UNIMPLEMENTED,
};

/**
 * The longest status message the gateway sends. grpc-js carries it in the `grpc-message`
 * trailer; a trailer of tens of KB is more than HTTP/2 header limits allow, the client never
 * gets an answer and the connection is left stuck. A deployment listing thousands of problems
 * is cut here with a note of how much was left out.
 */
export const MAX_DETAILS_CHARACTERS = 4000;

/** Cuts a status message to MAX_DETAILS_CHARACTERS. */
export function boundedDetails(details: string): string {
  if (details.length <= MAX_DETAILS_CHARACTERS) return details;
  const omitted = details.length - MAX_DETAILS_CHARACTERS;
  return `${details.slice(0, MAX_DETAILS_CHARACTERS)}\n… (${omitted.toLocaleString('en-US')} more characters left out)`;
}

/** A gRPC error as grpc-js sends it. */
export interface GrpcError {
  code: status;
  details: string;
}

/**
 * Maps any thrown value to the status Zeebe's gateway would send. Errors with a stable business
 * `code` keep their meaning; everything else is INTERNAL, never UNAVAILABLE, DEADLINE_EXCEEDED
 * or RESOURCE_EXHAUSTED, which clients retry without end.
 */
export function toGrpcError(error: unknown): GrpcError {
  const answer = unboundedGrpcError(error);
  return { code: answer.code, details: boundedDetails(answer.details) };
}

function unboundedGrpcError(error: unknown): GrpcError {
  if (error instanceof TransientRpcError) return { code: error.status, details: error.message };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code in businessStatus) {
      return { code: businessStatus[code as keyof typeof businessStatus], details: error.message };
    }
    return {
      code: status.INTERNAL,
      details: `Unexpected error in the embedded engine: ${error.message}`,
    };
  }
  return {
    code: status.INTERNAL,
    details: `Unexpected error in the embedded engine: ${String(error)}`,
  };
}
