/**
 * The FEEL adapter in the shape of the core's `ExpressionLanguage` port
 * (engine/core/expression/expression-language.ts), so that wiring it in is one import. Sources
 * may carry their leading `=`. Typed needs (conditions, correlation keys, ...) are better served
 * by the typed helpers in typed-evaluation.ts, which give Zeebe's incident messages.
 */
import { evaluate } from './evaluate.js';
import { expressionSource, isExpression, parseExpression } from './expression.js';
import type { FeelResult, JsonValue } from './types.js';

/** The clock and random source of the command being processed. */
export interface ExpressionEnvironment {
  readonly now: number;
  readonly random: () => number;
}

const bodyOf = (source: string): string =>
  isExpression(source) ? expressionSource(source) : source;

export const feelExpressionLanguage = {
  /** True when `source` is an expression (`=...`) rather than a static value. */
  isExpression: (source: string): boolean => isExpression(source),
  /** `undefined` when the expression parses; otherwise the message naming the expression. */
  syntaxError(source: string): string | undefined {
    const parsed = parseExpression(bodyOf(source));
    return parsed.ok ? undefined : parsed.message;
  },
  /** Evaluates with or without the leading `=`; never throws. */
  evaluate(
    source: string,
    variables: Readonly<Record<string, unknown>>,
    env: ExpressionEnvironment,
  ): FeelResult<JsonValue> {
    return evaluate(bodyOf(source), variables, { now: env.now, random: env.random });
  },
};
