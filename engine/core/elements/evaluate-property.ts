import type { ProcessingContext } from '../processing-context.js';

/** The result of reading an element property that may be static or a FEEL expression. */
export type PropertyResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads a property: the static text, or the expression's value. */
export function evaluateProperty(
  ctx: ProcessingContext,
  source: string | undefined,
  variables: () => Record<string, unknown>,
): PropertyResult<unknown> {
  if (source === undefined) return { ok: true, value: undefined };
  if (!ctx.feel.isExpression(source)) return { ok: true, value: source };
  return ctx.feel.evaluate(source, variables(), ctx.env);
}

/** Reads a property that must be a string (job type, assignee, message name, ...). */
export function evaluateString(
  ctx: ProcessingContext,
  what: string,
  source: string | undefined,
  variables: () => Record<string, unknown>,
): PropertyResult<string | undefined> {
  const result = evaluateProperty(ctx, source, variables);
  if (!result.ok || result.value === undefined || result.value === null)
    return result.ok ? { ok: true, value: undefined } : result;
  if (typeof result.value === 'string') return { ok: true, value: result.value };
  if (typeof result.value === 'number') return { ok: true, value: String(result.value) };
  return {
    ok: false,
    message: `Expected result of the expression '${source}' (${what}) to be 'STRING', but was ${JSON.stringify(result.value)}`,
  };
}

/** Reads a property that must be a list of strings; a static value is comma-separated. */
export function evaluateStringList(
  ctx: ProcessingContext,
  what: string,
  source: string | undefined,
  variables: () => Record<string, unknown>,
): PropertyResult<string[]> {
  if (source === undefined) return { ok: true, value: [] };
  if (!ctx.feel.isExpression(source)) {
    return {
      ok: true,
      value: source
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    };
  }
  const result = ctx.feel.evaluate(source, variables(), ctx.env);
  if (!result.ok) return result;
  if (result.value === null) return { ok: true, value: [] };
  // Zeebe wants a list here; a single string is refused (write =["case:" + caseId])
  if (Array.isArray(result.value) && result.value.every((v) => typeof v === 'string'))
    return { ok: true, value: result.value };
  return {
    ok: false,
    message: `Expected result of the expression '${source}' (${what}) to be a list of strings, but was ${JSON.stringify(result.value)}`,
  };
}

/** Reads a property that must be a number (retries, priority). */
export function evaluateNumber(
  ctx: ProcessingContext,
  what: string,
  source: string | undefined,
  variables: () => Record<string, unknown>,
): PropertyResult<number | undefined> {
  const result = evaluateProperty(ctx, source, variables);
  if (!result.ok) return result;
  if (result.value === undefined || result.value === null) return { ok: true, value: undefined };
  const value = typeof result.value === 'string' ? Number(result.value) : result.value;
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  return {
    ok: false,
    message: `Expected result of the expression '${source}' (${what}) to be 'NUMBER', but was ${JSON.stringify(result.value)}`,
  };
}
