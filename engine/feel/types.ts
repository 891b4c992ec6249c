/**
 * Shared result and option types of the FEEL adapter. Expected failures are values, never throws:
 * the engine turns a failed result into an incident that names the expression.
 */

/** A JSON value as Zeebe stores variables. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A diagnostic reported while evaluating; `type` uses feelin's and Zeebe's vocabulary. */
export interface FeelWarning {
  /** e.g. `NO_VARIABLE_FOUND`, `INVALID_TYPE`, `ASSERT_FAILURE`, `NOT_SERIALIZABLE` */
  readonly type: string;
  readonly message: string;
}

/** Stable codes of the ways an expression can fail. */
export type FeelFailureCode =
  /** the expression does not parse */
  | 'FEEL_SYNTAX_ERROR'
  /** `assert(...)` failed */
  | 'FEEL_ASSERTION_FAILED'
  /** the result does not have the type the caller needs (Zeebe: EXTRACT_VALUE_ERROR) */
  | 'FEEL_UNEXPECTED_TYPE'
  /** the result has the right type but an unusable format (e.g. an invalid duration string) */
  | 'FEEL_INVALID_FORMAT'
  /** `now()`, `today()`, `uuid()` or `random number()` was called without an injected source */
  | 'FEEL_MISSING_SOURCE'
  /** feelin itself threw; kept as data so a bad expression never crashes the engine */
  | 'FEEL_EVALUATION_ERROR';

/** The outcome of an evaluation: a value with its warnings, or a failure with a message. */
export type FeelResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly FeelWarning[] }
  | {
      readonly ok: false;
      readonly code: FeelFailureCode;
      /** Zeebe-style message, including the evaluation warnings */
      readonly message: string;
      readonly warnings: readonly FeelWarning[];
    };

/** Sources of non-determinism, injected so that the engine core stays replayable. */
export interface EvaluateOptions {
  /**
   * The engine clock for `now()` and `today()` (a Date or epoch milliseconds). Without it those
   * functions fail the evaluation instead of reading the system clock.
   */
  readonly now?: Date | number;
  /**
   * A source of uniformly distributed numbers in [0, 1) for `random number()` and `uuid()`.
   * Without it those functions fail the evaluation.
   */
  readonly random?: () => number;
}

/** Variables visible to an expression: the flattened scope chain, innermost first wins. */
export type Variables = Readonly<Record<string, unknown>>;
