/**
 * JSON text to an object, with the syntax error's line and column for the editor. `JSON.parse`
 * no longer names the position in current engines, so `jsonc-parser` (the parser of VS Code)
 * reports errors with their offset; comments and trailing commas are refused as in JSON.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** The outcome: the object, or a message naming where the text is wrong. */
export type Parsed =
  { ok: true; value: Record<string, unknown> | null } | { ok: false; message: string };

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Parses `text`; empty text is `null` when `allowEmpty`. Only objects are accepted. */
export function parseJsonObject(text: string, allowEmpty: boolean): Parsed {
  if (!text.trim()) return allowEmpty ? { ok: true, value: null } : { ok: false, message: '{}' };
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
  });
  const first = errors[0];
  if (first) {
    const { line, column } = lineColumn(text, first.offset);
    return { ok: false, message: `${printParseErrorCode(first.error)} (${line}:${column})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: 'object' };
  return { ok: true, value: value as Record<string, unknown> };
}
