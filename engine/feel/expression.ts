/**
 * Expression detection and the deploy-time syntax check. Zeebe treats a BPMN property that
 * starts with `=` as a FEEL expression and anything else as a static value.
 */
import { parseExpression as parseFeel } from 'feelin';
import { FunctionSession } from './function-session.js';
import { camundaFunctionsFor } from './functions/camunda-functions.js';

/**
 * The parser must know our multi-word function names (`get or else`) to read them; the
 * functions are never called here, so a throwaway session will do.
 */
const PARSE_SESSION = new FunctionSession({});

/** FEEL dialect of lezer-feel that accepts Camunda's extensions (backtick names). */
export const FEEL_DIALECT = 'camunda';

/** Whether a BPMN property value is an expression (`=...`) rather than a static value. */
export function isExpression(text: string | null | undefined): text is string {
  return typeof text === 'string' && text.trimStart().startsWith('=');
}

/** The expression text without its leading `=` (and the blanks before it). */
export function expressionSource(text: string): string {
  return text.trimStart().replace(/^=/, '');
}

/** The outcome of the syntax check. */
export type ParseResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'FEEL_SYNTAX_ERROR'; readonly message: string };

/**
 * Checks the syntax of an expression (without the leading `=`) without evaluating it, for the
 * deploy-time validation. The message names the expression and the position of the problem.
 */
export function parseExpression(source: string): ParseResult {
  const problem = findSyntaxProblem(source);
  return problem === null
    ? { ok: true }
    : {
        ok: false,
        code: 'FEEL_SYNTAX_ERROR',
        message: `failed to parse expression '${source}': ${problem}`,
      };
}

/** Describes the first syntax error in `source`, or `null` when it parses. */
export function findSyntaxProblem(source: string): string | null {
  if (source.trim() === '') return 'the expression is empty';
  let problem: string | null = null;
  parseFeel(source, camundaFunctionsFor(source, PARSE_SESSION), FEEL_DIALECT).iterate({
    enter(node) {
      if (problem !== null) return false;
      if (!node.type.isError) return undefined;
      const within = node.node.parent?.name ?? 'Expression';
      problem =
        node.from === node.to
          ? `incomplete <${within}> at position ${node.from}`
          : `unexpected '${source.slice(node.from, node.to)}' in <${within}> at position ${node.from}`;
      return false;
    },
  });
  return problem;
}
