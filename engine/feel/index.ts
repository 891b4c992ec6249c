/**
 * The engine's FEEL adapter: Zeebe 8.8 expression semantics over feelin, with Camunda's extra
 * built-in functions, deterministic `now()`/`uuid()` from injected sources, and results as the
 * JSON values Zeebe stores. See README.md for what is supported.
 *
 * @example
 * import { isExpression, expressionSource, parseExpression, evaluate, evaluateBoolean } from '../feel/index.js';
 *
 * const property = '="case:" + caseId';
 * if (isExpression(property)) {
 *   const source = expressionSource(property); // '"case:" + caseId'
 *   parseExpression(source); // { ok: true } - at deploy
 *   evaluate(source, { caseId: 'c-1' }); // { ok: true, value: 'case:c-1', warnings: [] }
 * }
 * evaluateBoolean('decision = "approve"', {}); // { ok: false, code: 'FEEL_UNEXPECTED_TYPE', message: "Expected result ..." }
 */
export { isExpression, expressionSource, parseExpression, type ParseResult } from './expression.js';
export { evaluate, withWarnings } from './evaluate.js';
export {
  evaluateBoolean,
  evaluateString,
  evaluateNumber,
  evaluateInteger,
  evaluateList,
  evaluateStringList,
  evaluateContext,
  evaluateCorrelationKey,
  evaluateDateTime,
  evaluateInterval,
  evaluateCycle,
  type DateTimeValue,
} from './typed-evaluation.js';
export { resultTypeOf, type ResultType } from './result-type.js';
export type {
  EvaluateOptions,
  FeelFailureCode,
  FeelResult,
  FeelWarning,
  JsonValue,
  Variables,
} from './types.js';
export { feelExpressionLanguage, type ExpressionEnvironment } from './expression-language.js';
