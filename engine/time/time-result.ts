/** Results of the ISO 8601 timer parsers: a value, or a failure naming the bad text. */

/** Stable codes of the ways a timer definition can be invalid. */
export type TimeErrorCode =
  'INVALID_TIME_DATE' | 'INVALID_DURATION' | 'INVALID_CYCLE' | 'INVALID_CRON' | 'INVALID_TIME_ZONE';

export type TimeResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: TimeErrorCode; readonly message: string };

export const success = <T>(value: T): TimeResult<T> => ({ ok: true, value });

export const failure = <T>(code: TimeErrorCode, message: string): TimeResult<T> => ({
  ok: false,
  code,
  message,
});
