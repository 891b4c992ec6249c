import { evaluate, parseExpression } from 'feelin';
import type {
  EvaluationEnvironment,
  EvaluationResult,
  ExpressionLanguage,
} from './expression-language.js';

/**
 * FEEL through `feelin` with the handful of Camunda extras the core relies on. The full set of
 * Camunda functions lives in `engine/feel/`; this adapter keeps the engine running on the same
 * port until that module is wired in.
 */
export const feelinExpressionLanguage: ExpressionLanguage = {
  isExpression: (source) => source.trimStart().startsWith('='),
  syntaxError(source) {
    const body = stripEquals(source);
    try {
      const tree = parseExpression(body, {}, undefined);
      let error: string | undefined;
      tree.iterate({
        enter(node) {
          if (node.type.isError && !error)
            error = `syntax error at position ${node.from} in '${body}'`;
        },
      });
      return error;
    } catch (cause) {
      return cause instanceof Error ? cause.message : String(cause);
    }
  },
  evaluate(
    source: string,
    variables: Record<string, unknown>,
    env: EvaluationEnvironment,
  ): EvaluationResult {
    const body = stripEquals(source);
    try {
      const { value } = evaluate(body, { ...camundaExtras(env), ...variables });
      return { ok: true, value: toPlain(value) };
    } catch (cause) {
      return {
        ok: false,
        message: `failed to evaluate expression '${body}': ${cause instanceof Error ? cause.message : String(cause)}`,
      };
    }
  },
};

function stripEquals(source: string): string {
  const trimmed = source.trimStart();
  return trimmed.startsWith('=') ? trimmed.slice(1) : trimmed;
}

function camundaExtras(_env: EvaluationEnvironment): Record<string, unknown> {
  return {
    'is defined': (value: unknown) => value !== undefined && value !== null,
    'get or else': (value: unknown, fallback: unknown) =>
      value === undefined || value === null ? fallback : value,
    trim: (text: unknown) => (typeof text === 'string' ? text.trim() : null),
    'to json': (value: unknown) => JSON.stringify(value ?? null),
  };
}

/** Converts feelin's temporal objects to ISO strings and drops functions. */
function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const temporal = value as { iso?: unknown };
    if (typeof temporal.iso === 'string' && value.constructor?.name.startsWith('Feel'))
      return temporal.iso;
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  if (typeof value === 'function') return null;
  return value;
}
