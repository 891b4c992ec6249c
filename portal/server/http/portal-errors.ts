/**
 * The portal's failure modes, one class per mode with a stable `code`. Services throw these;
 * only `http/problem-details.ts` knows which HTTP status each code becomes.
 */

/** A problem with one field of a request or form: where (JSON pointer) and what. */
export interface FieldProblem {
  /** JSON pointer, e.g. `/body/email` or `/query/limit`. */
  readonly path: string;
  readonly message: string;
}

/** Base of every expected failure; `code` is stable and documented. */
export abstract class PortalError extends Error {
  abstract readonly code: string;
}

/** No valid session or bearer token was presented. */
export class NotAuthenticatedError extends PortalError {
  readonly code = 'NOT_AUTHENTICATED';
  constructor(message = 'Anmeldung erforderlich') {
    super(message);
    this.name = 'NotAuthenticatedError';
  }
}

/** The caller is known but lacks the role for this action. */
export class ForbiddenError extends PortalError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'Keine Berechtigung für diese Aktion') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/**
 * The thing does not exist, or the caller may not know that it exists (an applicant asking for
 * someone else's case gets this, never FORBIDDEN).
 */
export class NotFoundError extends PortalError {
  readonly code = 'NOT_FOUND';
  constructor(readonly what: string) {
    super(`${what} nicht gefunden`);
    this.name = 'NotFoundError';
  }
}

/** The request does not match the route's schema; `problems` names every bad field. */
export class RequestInvalidError extends PortalError {
  readonly code = 'REQUEST_INVALID';
  constructor(readonly problems: FieldProblem[]) {
    super(`Ungültige Anfrage: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'RequestInvalidError';
  }
}

/** A cookie-authenticated request that changes state came from another origin. */
export class CrossOriginRequestError extends PortalError {
  readonly code = 'CROSS_ORIGIN_REQUEST';
  constructor() {
    super('Anfrage von fremdem Ursprung abgelehnt');
    this.name = 'CrossOriginRequestError';
  }
}

/** Too many requests from this address or user. */
export class RateLimitedError extends PortalError {
  readonly code = 'RATE_LIMITED';
  constructor() {
    super('Zu viele Anfragen, bitte später erneut versuchen');
    this.name = 'RateLimitedError';
  }
}

/** The body is larger than the configured limit. */
export class PayloadTooLargeError extends PortalError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  constructor(readonly limitBytes: number) {
    super(`Anfrage zu groß (höchstens ${limitBytes} Bytes)`);
    this.name = 'PayloadTooLargeError';
  }
}

/** The body is not valid JSON. */
export class MalformedJsonError extends PortalError {
  readonly code = 'MALFORMED_JSON';
  constructor(detail: string) {
    super(`Kein gültiges JSON: ${detail}`);
    this.name = 'MalformedJsonError';
  }
}

/** The request conflicts with the current state (e.g. an invitation already redeemed). */
export class ConflictError extends PortalError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** A dependency (database, engine, identity provider) is not reachable. */
export class DependencyUnavailableError extends PortalError {
  readonly code = 'DEPENDENCY_UNAVAILABLE';
  constructor(
    readonly dependency: string,
    options?: { cause?: unknown },
  ) {
    super(`${dependency} nicht erreichbar`, options);
    this.name = 'DependencyUnavailableError';
  }
}

/**
 * A submitted document (a BPMN model, a form schema) has problems; `problems` names each one by
 * where it is (`/elements/<element id>`, a JSON pointer into the schema).
 */
export class ProblemsError extends PortalError {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[],
  ) {
    super(`${message}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'ProblemsError';
  }
}
