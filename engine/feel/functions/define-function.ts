/**
 * How our functions are handed to feelin: as context entries whose parameter names are declared
 * in `$args` (feelin would otherwise parse them from the function source, which breaks on
 * transpiled code). A name starting with `...` collects the remaining arguments.
 */

// feelin invokes functions with arbitrary FEEL values
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FeelImplementation = (...args: any[]) => unknown;

export type DeclaredFunction = FeelImplementation & { $args: string[] };

/** A table of functions by their FEEL name (names may contain spaces: `get or else`). */
export type FunctionTable = Record<string, DeclaredFunction>;

/** Declares a function with its FEEL parameter names, for positional and named invocation. */
export function defineFunction(
  parameterNames: string[],
  implementation: FeelImplementation,
): DeclaredFunction {
  return Object.assign(implementation, { $args: parameterNames });
}

/** Whether a value is a FEEL context (a plain object, not a list, temporal or function). */
export function isContext(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Describes a value in a warning the way feelin does: strings quoted, lists and contexts short. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return `[${value.length} items]`;
  if (isContext(value)) return '{...}';
  return String(value);
}
