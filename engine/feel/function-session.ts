/**
 * The per-evaluation state our extra functions report into. feelin turns an exception inside a
 * function into `null`, so a function that must fail the whole evaluation (`assert`) or that
 * wants to explain a `null` result records it here instead.
 */
import type { EvaluateOptions, FeelFailureCode, FeelWarning } from './types.js';

export class FunctionSession {
  readonly warnings: FeelWarning[] = [];
  private failureValue: { code: FeelFailureCode; message: string } | null = null;

  constructor(readonly options: EvaluateOptions) {}

  /** Explains why a function returned `null`; shown in an incident message if one follows. */
  warn(type: string, message: string): null {
    this.warnings.push({ type, message });
    return null;
  }

  /** Fails the evaluation; the first failure wins. Returns `null` for the function to return. */
  fail(code: FeelFailureCode, message: string): null {
    this.failureValue ??= { code, message };
    return null;
  }

  get failure(): { code: FeelFailureCode; message: string } | null {
    return this.failureValue;
  }
}
