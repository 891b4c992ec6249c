/** A failed API call, carrying the server's problem details (code and field errors). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field errors of a `REQUEST_INVALID` problem: JSON pointers into the request. */
    readonly fieldErrors: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
