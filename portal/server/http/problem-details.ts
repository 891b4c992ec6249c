/**
 * Errors as RFC 9457 problem details (`application/problem+json`) with a stable `code`. The one
 * place where error codes become HTTP statuses.
 */
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { PortalError, ProblemsError, RequestInvalidError } from './portal-errors.js';

/** HTTP status of every stable error code; unknown codes are 400 (a client mistake). */
export const statusOfCode: Readonly<Record<string, number>> = {
  NOT_AUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_ORIGIN_REQUEST: 403,
  NOT_FOUND: 404,
  REQUEST_INVALID: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  DEPENDENCY_UNAVAILABLE: 503,
  INVITATION_INVALID: 404,
  INVITATION_REDEEMED: 409,
  ACCOUNT_EXISTS: 409,
  TASK_NOT_OPEN: 409,
  TASK_ASSIGNED: 409,
  FILTER_NAME_TAKEN: 409,
  MODEL_INVALID: 422,
  DEPLOYMENT_REJECTED: 422,
  FORM_SCHEMA_INVALID: 422,
  PROGRAMME_CODE_TAKEN: 409,
  INCIDENT_NOT_ACTIVE: 409,
  INSTANCE_NOT_ACTIVE: 409,
  FORM_VERSION_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  INTERNAL: 500,
};

/** The body of a problem response. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}

/** Builds the problem document for an error (unexpected errors reveal nothing). */
export function problemOf(error: unknown, instance?: string): ProblemDocument {
  if (error instanceof PortalError) {
    const status = statusOfCode[error.code] ?? 400;
    return {
      type: `urn:now:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
      title: error.code,
      status,
      code: error.code,
      detail: error.message,
      instance,
      ...(error instanceof RequestInvalidError || error instanceof ProblemsError
        ? { errors: error.problems }
        : {}),
    };
  }
  return {
    type: 'urn:now:problem:internal',
    title: 'INTERNAL',
    status: 500,
    code: 'INTERNAL',
    detail: 'Interner Fehler',
    instance,
  };
}

/** Sends `problem` as `application/problem+json`. */
export function sendProblem(res: Response, problem: ProblemDocument): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** Express error handler: problem details for every error; unexpected ones are logged. */
export function problemDetailsHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem = problemOf(error, req.originalUrl);
    if (problem.status >= 500) logger.error({ err: error, url: req.originalUrl }, 'request failed');
    sendProblem(res, problem);
  };
}
