/**
 * Evaluation of a FEEL expression as Zeebe 8.8 does it, over feelin.
 *
 * What counts as a failure (the engine raises an incident): a syntax error, a failed
 * `assert(...)`, a missing injected clock or random source, and feelin throwing. Everything else
 * is null-friendly as in Camunda 8 ("FEEL error handling": a missing variable, a missing context
 * entry, a bad function call or a type mismatch yield `null`, with a warning). Whether `null` is
 * acceptable is the caller's question: see typed-evaluation.ts, which fails like Zeebe's
 * ExpressionProcessor when the result does not have the type the element needs. An output
 * mapping whose source variable does not exist therefore maps `null`, as in Zeebe 8.8.
 */
import { evaluate as evaluateFeel, SyntaxError as FeelSyntaxError } from 'feelin';
import { withComparableTypes } from './comparable-types.js';
import { FEEL_DIALECT, findSyntaxProblem } from './expression.js';
import { FunctionSession } from './function-session.js';
import { camundaFunctionsFor } from './functions/camunda-functions.js';
import { toJsonValue } from './to-json-value.js';
import type {
  EvaluateOptions,
  FeelFailureCode,
  FeelResult,
  FeelWarning,
  JsonValue,
  Variables,
} from './types.js';

/** The raw feelin value of an evaluation, before conversion to JSON. */
export type RawResult =
  | { readonly ok: true; readonly raw: unknown; readonly warnings: FeelWarning[] }
  | {
      readonly ok: false;
      readonly code: FeelFailureCode;
      readonly message: string;
      readonly warnings: FeelWarning[];
    };

const SIMPLE_NAME = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/;
const KEYWORDS = new Set([
  'true',
  'false',
  'null',
  'function',
  'if',
  'then',
  'else',
  'for',
  'in',
  'return',
  'some',
  'every',
  'satisfies',
  'and',
  'or',
  'between',
  'instance',
  'of',
  'not',
]);

/** Appends the warnings the way Zeebe's ExpressionProcessor does in incident messages. */
export function withWarnings(message: string, warnings: readonly FeelWarning[]): string {
  if (warnings.length === 0) return message;
  return `${message} The evaluation reported the following warnings:\n${warnings.map((w) => `[${w.type}] ${w.message}`).join('\n')}`;
}

/** feelin's warning, worded as Zeebe words the most common one. */
function toWarning(warning: { type: string; message: string }): FeelWarning {
  const missing =
    warning.type === 'NO_VARIABLE_FOUND'
      ? /^Variable '(.*)' not found$/.exec(warning.message)
      : null;
  return {
    type: warning.type,
    message: missing ? `No variable found with name '${missing[1]}'` : warning.message,
  };
}

/**
 * The variables whose names occur in the source. FEEL reads a variable only by writing its name,
 * so the rest cannot change the result; leaving them out spares feelin copying every variable
 * of the scope (it deep-copies its context) and parsing against all their names.
 */
function referencedVariables(source: string, variables: Variables): Record<string, unknown> {
  const referenced: Record<string, unknown> = {};
  for (const name of Object.keys(variables))
    if (source.includes(name)) referenced[name] = variables[name];
  return referenced;
}

/** Evaluates and returns feelin's value; the typed helpers need it to tell a date from a string. */
export function evaluateRaw(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions = {},
): RawResult {
  // `=caseId`, `=periodIds`: the most common expression, answered without parsing
  const name = SIMPLE_NAME.exec(source)?.[1];
  if (name !== undefined && !KEYWORDS.has(name) && Object.hasOwn(variables, name)) {
    return { ok: true, raw: variables[name] ?? null, warnings: [] };
  }
  const session = new FunctionSession(options);
  // variables shadow functions of the same name, as they shadow feelin's built-ins
  const context = {
    ...camundaFunctionsFor(source, session),
    ...referencedVariables(source, variables),
  };
  let result: { value: unknown; warnings: { type: string; message: string }[] };
  try {
    result = withComparableTypes(session, () => evaluateFeel(source, context, FEEL_DIALECT));
  } catch (error) {
    if (error instanceof FeelSyntaxError) {
      const problem = findSyntaxProblem(source) ?? error.message;
      return {
        ok: false,
        code: 'FEEL_SYNTAX_ERROR',
        message: `failed to parse expression '${source}': ${problem}`,
        warnings: [],
      };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      code: 'FEEL_EVALUATION_ERROR',
      message: `failed to evaluate expression '${source}': ${reason}`,
      warnings: [],
    };
  }
  const warnings = [...result.warnings.map(toWarning), ...session.warnings];
  const failure = session.failure;
  if (failure === null) return { ok: true, raw: result.value, warnings };
  const prefix =
    failure.code === 'FEEL_ASSERTION_FAILED'
      ? `Assertion failure on evaluate the expression '${source}': ${failure.message}`
      : `failed to evaluate expression '${source}': ${failure.message}`;
  return { ok: false, code: failure.code, message: withWarnings(prefix, warnings), warnings };
}

/**
 * Evaluates an expression (without its leading `=`) against the variables in scope and returns
 * the JSON value Zeebe would store. Never throws.
 *
 * @example
 * evaluate('"case:" + caseId', { caseId: 'c-1' }); // { ok: true, value: 'case:c-1', warnings: [] }
 * evaluate('now()', {}, { now: clock.now() }); // { ok: true, value: '2026-11-24T10:00Z', ... }
 */
export function evaluate(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions = {},
): FeelResult<JsonValue> {
  const result = evaluateRaw(source, variables, options);
  if (!result.ok) return result;
  const warnings = [...result.warnings];
  const value = toJsonValue(result.raw, warnings);
  return { ok: true, value, warnings };
}
