/** FEEL words and built-in functions the models use; everything else read is a variable. */
const FEEL_WORDS = new Set([
  'and',
  'or',
  'not',
  'null',
  'true',
  'false',
  'date',
  'time',
  'duration',
]);

/**
 * The variable names the FEEL expressions of a model read: every attribute value and element
 * body that starts with `=`, without string literals, FEEL words and built-in functions.
 * A lexical scan is enough for the simple expressions process owners write here; it would need
 * the FEEL parser (feelin's lezer grammar) for paths, filters or contexts.
 *
 * @example
 *   feelIdentifiers('<x a="=decision = &quot;rework&quot;" />'); // ['decision']
 */
export function feelIdentifiers(xml: string): string[] {
  const expressions = [
    ...[...xml.matchAll(/="(=[^"]*)"/g)].map((match) => match[1] ?? ''),
    ...[...xml.matchAll(/>(=[^<]*)</g)].map((match) => match[1] ?? ''),
  ].map((expression) =>
    expression
      .replace(/&quot;/g, '"')
      .replace(/&gt;/g, '>')
      .replace(/&lt;/g, '<'),
  );
  const names = expressions.flatMap((expression) =>
    [
      ...expression
        .slice(1)
        .replace(/"[^"]*"/g, '')
        .matchAll(/[A-Za-z_][A-Za-z0-9_]*/g),
    ].map((match) => match[0]),
  );
  return [...new Set(names.filter((name) => !FEEL_WORDS.has(name)))].sort();
}
