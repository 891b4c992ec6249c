/** Camunda's boolean extensions: `is defined`, `get or else`, `assert`. */
import type { FunctionSession } from '../function-session.js';
import { defineFunction, type FunctionTable } from './define-function.js';

export function booleanFunctions(session: FunctionSession): FunctionTable {
  return {
    // since Camunda 8.2 `is defined(null)` is false (feel-scala breaking change)
    'is defined': defineFunction(['value'], (value) => value !== null && value !== undefined),
    'get or else': defineFunction(
      ['value', 'default'],
      (value, fallback) => value ?? fallback ?? null,
    ),
    assert: defineFunction(['value', 'condition', 'cause'], (value, condition, cause) => {
      if (condition === true) return value ?? null;
      const message = typeof cause === 'string' ? cause : 'The condition is not fulfilled';
      session.warn('ASSERT_FAILURE', message);
      return session.fail('FEEL_ASSERTION_FAILED', message);
    }),
  };
}
