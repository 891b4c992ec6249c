/**
 * Turns a schema mismatch of a job's variables or headers into one message an operator can act
 * on: which job, which element, which variable, what is wrong.
 */
import type { z } from 'zod';

/** Where the bad value came from. */
export type InputSource = 'variable' | 'header';

/** The input of a job did not match its handler's schema. */
export class JobInputError extends Error {
  readonly code = 'JOB_INPUT_INVALID';
  constructor(
    readonly jobType: string,
    readonly elementId: string,
    readonly source: InputSource,
    /** The variable or header name (with a nested path, e.g. `findings[0].code`). */
    readonly field: string,
    reason: string,
  ) {
    super(
      `Ungültige Eingabe für Job ${jobType} (Element ${elementId}): ${source === 'variable' ? 'Variable' : 'Header'} „${field}“: ${reason}`,
    );
    this.name = 'JobInputError';
  }
}

/** Parses `value` with `schema`; throws a {@link JobInputError} naming the first bad field. */
export function parseJobInput<T>(
  schema: z.ZodType<T>,
  value: unknown,
  where: { jobType: string; elementId: string; source: InputSource },
): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? pathText(issue.path) : '?';
  const reason = issue ? reasonOf(issue, value) : 'ungültig';
  throw new JobInputError(where.jobType, where.elementId, where.source, field, reason);
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function reasonOf(issue: z.core.$ZodIssue, value: unknown): string {
  // zod's default text for a missing key is "expected string, received undefined"; say "fehlt".
  let current: unknown = value;
  for (const part of issue.path) {
    current =
      current !== null && typeof current === 'object'
        ? (current as Record<PropertyKey, unknown>)[part as PropertyKey]
        : undefined;
  }
  if (current === undefined) return 'fehlt';
  return `${issue.message} (Wert: ${preview(current)})`;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
