/**
 * Camunda's extra FEEL functions that feelin 8 lacks or implements narrower, as one table per
 * evaluation. Names follow docs.camunda.io "FEEL built-in functions" (Camunda 8.8; `to json` and
 * `from json` from the 8.9 docs). Each function returns `null` with a warning on bad input, as
 * FEEL does; only `assert` and a missing clock or random source fail the evaluation.
 */
import type { FunctionSession } from '../function-session.js';
import { booleanFunctions } from './boolean-functions.js';
import { contextFunctions } from './context-functions.js';
import { conversionFunctions } from './conversion-functions.js';
import type { FunctionTable } from './define-function.js';
import { listFunctions } from './list-functions.js';
import { randomFunctions } from './random-functions.js';
import { stringFunctions } from './string-functions.js';
import { temporalFunctions } from './temporal-functions.js';

/** All extra functions bound to one evaluation's session. */
export function camundaFunctions(session: FunctionSession): FunctionTable {
  return {
    ...booleanFunctions(session),
    ...stringFunctions(session),
    ...listFunctions(session),
    ...contextFunctions(session),
    ...conversionFunctions(session),
    ...temporalFunctions(session),
    ...randomFunctions(session),
  };
}
