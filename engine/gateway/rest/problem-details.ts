import type { ServerResponse } from 'node:http';

/** Stable codes of the problems the REST API answers with (the `title` of the problem). */
export type RestProblemCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'FAILED_PRECONDITION'
  | 'ALREADY_EXISTS'
  | 'UNAUTHORIZED'
  | 'NOT_SUPPORTED'
  | 'CLOCK_NOT_CONTROLLED'
  | 'PAYLOAD_TOO_LARGE'
  | 'METHOD_NOT_ALLOWED'
  | 'DEADLINE_EXCEEDED'
  | 'INTERNAL';

const STATUS: Record<RestProblemCode, number> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  FAILED_PRECONDITION: 409,
  ALREADY_EXISTS: 409,
  UNAUTHORIZED: 401,
  NOT_SUPPORTED: 400,
  CLOCK_NOT_CONTROLLED: 403,
  PAYLOAD_TOO_LARGE: 413,
  METHOD_NOT_ALLOWED: 405,
  DEADLINE_EXCEEDED: 504,
  INTERNAL: 500,
};

/**
 * A request the REST API refuses, answered as an RFC 9457 problem. `field` names the request
 * field at fault (`filter.state`, `page.limit`, `resources[1]`), when there is one.
 */
export class RestProblem extends Error {
  readonly code: RestProblemCode;
  readonly field: string | undefined;

  constructor(
    code: RestProblemCode,
    detail: string,
    options?: { field?: string; cause?: unknown },
  ) {
    super(detail, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RestProblem';
    this.code = code;
    this.field = options?.field;
  }

  /** The HTTP status of this problem. */
  get status(): number {
    return STATUS[this.code];
  }
}

/** A refused request field: `INVALID_ARGUMENT` naming the field. */
export function invalidField(field: string, detail: string): RestProblem {
  return new RestProblem('INVALID_ARGUMENT', `${field}: ${detail}`, { field });
}

/** A request field or operator this engine does not serve (yet), though Camunda 8.8 does. */
export function notSupported(field: string, detail: string): RestProblem {
  return new RestProblem('NOT_SUPPORTED', `${field}: ${detail}`, { field });
}

/** The problem document as Camunda 8.8 sends it (`type`, `title`, `status`, `detail`, `instance`). */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
}

const ENGINE_CODES = new Set([
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'FAILED_PRECONDITION',
  'ALREADY_EXISTS',
]);

/**
 * Maps anything thrown while serving a request to a problem. Errors carrying one of the engine's
 * stable business codes keep their meaning (a DeploymentError is INVALID_ARGUMENT); anything
 * else is a 500 whose detail does not leak internals beyond the message.
 */
export function toProblem(error: unknown, instance: string): ProblemDocument {
  if (error instanceof RestProblem)
    return document(error.code, error.status, error.message, instance);
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string' && ENGINE_CODES.has(code)) {
    const problemCode = code as RestProblemCode;
    return document(problemCode, STATUS[problemCode], error.message, instance);
  }
  const message = error instanceof Error ? error.message : String(error);
  return document('INTERNAL', 500, `Unexpected error in the embedded engine: ${message}`, instance);
}

function document(
  code: RestProblemCode,
  status: number,
  detail: string,
  instance: string,
): ProblemDocument {
  return { type: 'about:blank', title: code, status, detail, instance };
}

/** Writes a problem as `application/problem+json`. */
export function sendProblem(
  res: ServerResponse,
  problem: ProblemDocument,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(problem);
  res.writeHead(problem.status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}
