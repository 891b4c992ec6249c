/**
 * The expression language the core and the model validation depend on. It mirrors the API of
 * the FEEL adapter in `engine/feel/`, kept as a port so the core stays testable in isolation.
 * Sources follow Zeebe's convention: a value starting with `=` is a FEEL expression, anything
 * else a static value.
 */

/** Result of an evaluation: a value, or the reason it failed (an incident message). */
export type EvaluationResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Ambient inputs to FEEL functions that would otherwise be impure (`now()`, `uuid()`). */
export interface EvaluationEnvironment {
  /** Engine time in epoch milliseconds. */
  readonly now: number;
  /** Deterministic pseudo random source in [0, 1). */
  readonly random: () => number;
}

/** FEEL as the engine needs it. */
export interface ExpressionLanguage {
  /** True when `source` is an expression (`=...`) rather than a static value. */
  isExpression(source: string): boolean;
  /** Undefined when the expression parses; otherwise the syntax problem. */
  syntaxError(source: string): string | undefined;
  /** Evaluates an expression (with or without leading `=`) against variables. */
  evaluate(
    source: string,
    variables: Record<string, unknown>,
    env: EvaluationEnvironment,
  ): EvaluationResult;
}
