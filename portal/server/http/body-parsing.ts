/**
 * JSON and form bodies with size limits; parser failures become stable problem codes
 * (MALFORMED_JSON, PAYLOAD_TOO_LARGE) instead of Express's default HTML pages. JSON bodies with
 * a `__proto__`, `constructor` or `prototype` key at any depth, or nested deeper than
 * {@link MAX_JSON_DEPTH}, are refused with REQUEST_INVALID naming the path.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { MalformedJsonError, PayloadTooLargeError, RequestInvalidError } from './portal-errors.js';

/** Keys that could reach an object's prototype once a body is merged or spread somewhere. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting of a JSON body; the portal's forms are a few levels deep. */
export const MAX_JSON_DEPTH = 32;

/** Parser for `application/json` bodies of at most `limitBytes`, with the key and depth check. */
export function jsonBody(limitBytes: number): RequestHandler {
  const parse = express.json({ limit: limitBytes, strict: true, type: 'application/json' });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (error) {
        next(error);
        return;
      }
      const problem = unsafeJson(req.body as unknown);
      next(problem ? new RequestInvalidError([problem]) : undefined);
    });
  };
}

/**
 * The first forbidden key or too deep nesting in a parsed body, as a field problem under
 * `/body`. Hand-written: secure-json-parse flags `__proto__` but only `constructor.prototype`
 * (not a bare `constructor`) and names no path; this walk is iterative, so a body nested
 * thousands of levels deep cannot overflow the stack.
 */
export function unsafeJson(body: unknown): { path: string; message: string } | null {
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '/body', depth: 0 },
  ];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      return { path, message: `Das JSON ist tiefer als ${MAX_JSON_DEPTH} Ebenen verschachtelt.` };
    }
    for (const key of Object.keys(value)) {
      const child = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key)) {
        return { path: child, message: `Der Schlüssel „${key}“ ist nicht erlaubt.` };
      }
      pending.push({
        value: (value as Record<string, unknown>)[key],
        path: child,
        depth: depth + 1,
      });
    }
  }
  return null;
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
