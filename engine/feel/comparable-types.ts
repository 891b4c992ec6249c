/**
 * Makes feelin compare like Zeebe's FEEL: `"150" >= 100` is `null` (with a NOT_COMPARABLE
 * warning), not `true`. feelin evaluates `<`, `<=`, `>`, `>=` and `between` as membership in a
 * range and lets JavaScript coerce a string to a number; feel-scala refuses to compare values of
 * different types, so on Zeebe such a condition raises an incident instead of taking a flow.
 * feelin offers no hook for this, so its exported FeelRange is wrapped once, here.
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelRange, FeelTime } from 'feelin';
import { describe } from './functions/define-function.js';
import type { FunctionSession } from './function-session.js';

/** The session of the evaluation in progress; evaluation is synchronous, so one suffices. */
let current: FunctionSession | null = null;
let installed = false;

/** feelin's type name of a value, as its ranges record it in `valueType`. */
function feelTypeOf(value: unknown): string | null {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (value instanceof FeelDateTime) return 'date time';
  if (value instanceof FeelDate) return 'date';
  if (value instanceof FeelTime) return 'time';
  if (value instanceof FeelDuration) return 'duration';
  return null;
}

function install(): void {
  if (installed) return;
  installed = true;
  const prototype = FeelRange.prototype as unknown as {
    includes(
      this: FeelRange & { valueType: string | null; start: unknown; end: unknown },
      value: unknown,
    ): boolean | null;
  };
  const includes = prototype.includes;
  prototype.includes = function includesSameType(value) {
    const type = feelTypeOf(value);
    if (this.valueType !== null && type !== null && type !== this.valueType) {
      const bound = this.start ?? this.end;
      current?.warn(
        'NOT_COMPARABLE',
        `Can't compare '${describe(value)}' with '${describe(bound)}'`,
      );
      return null;
    }
    return includes.call(this, value);
  };
}

/** Runs one evaluation with Zeebe's comparison rules, reporting into its session. */
export function withComparableTypes<T>(session: FunctionSession, evaluation: () => T): T {
  install();
  const previous = current;
  current = session;
  try {
    return evaluation();
  } finally {
    current = previous;
  }
}
