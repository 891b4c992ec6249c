/**
 * JSON and form bodies with size limits; parser failures become stable problem codes
 * (MALFORMED_JSON, PAYLOAD_TOO_LARGE) instead of Express's default HTML pages.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { MalformedJsonError, PayloadTooLargeError } from './portal-errors.js';

/** Parser for `application/json` bodies of at most `limitBytes`. */
export function jsonBody(limitBytes: number): RequestHandler {
  return express.json({ limit: limitBytes, strict: true, type: 'application/json' });
}

/** Parser for the identity pages' HTML forms. */
export function formBody(limitBytes: number): RequestHandler {
  return express.urlencoded({ limit: limitBytes, extended: false, parameterLimit: 50 });
}

/** Maps body-parser errors to the portal's errors. */
export function bodyErrors(limitBytes: number): ErrorRequestHandler {
  return (error: { type?: string; message?: string }, _req, _res, next) => {
    if (error?.type === 'entity.too.large') next(new PayloadTooLargeError(limitBytes));
    else if (error?.type === 'entity.parse.failed')
      next(new MalformedJsonError(error.message ?? 'parse error'));
    else next(error);
  };
}
