/**
 * Camunda's extra FEEL functions that feelin 8 lacks or implements narrower, as one table per
 * evaluation. Names follow docs.camunda.io "FEEL built-in functions" (Camunda 8.8; `to json` and
 * `from json` from the 8.9 docs). Each function returns `null` with a warning on bad input, as
 * FEEL does; only `assert` and a missing clock or random source fail the evaluation.
 */
import { FunctionSession } from '../function-session.js';
import { booleanFunctions } from './boolean-functions.js';
import { contextFunctions } from './context-functions.js';
import { conversionFunctions } from './conversion-functions.js';
import type { FunctionTable } from './define-function.js';
import { listFunctions } from './list-functions.js';
import { randomFunctions } from './random-functions.js';
import { stringFunctions } from './string-functions.js';
import { temporalFunctions } from './temporal-functions.js';

const FACTORIES = [
  booleanFunctions,
  stringFunctions,
  listFunctions,
  contextFunctions,
  conversionFunctions,
  temporalFunctions,
  randomFunctions,
];

/** Each factory with the names it defines, learnt once from a throwaway session. */
const NAMED_FACTORIES = FACTORIES.map((factory) => ({
  factory,
  names: Object.keys(factory(new FunctionSession({}))),
}));

/** All extra functions bound to one evaluation's session. */
export function camundaFunctions(session: FunctionSession): FunctionTable {
  return Object.assign({}, ...FACTORIES.map((factory) => factory(session))) as FunctionTable;
}

/**
 * The extra functions `source` can call, bound to the session. A FEEL expression can only call
 * a function by writing its name, so the others are left out: feelin's parser slows down with
 * every name in its context, and most expressions call none of ours.
 */
export function camundaFunctionsFor(source: string, session: FunctionSession): FunctionTable {
  const table: FunctionTable = {};
  for (const { factory, names } of NAMED_FACTORIES) {
    const used = names.filter((name) => source.includes(name));
    if (used.length === 0) continue;
    const functions = factory(session);
    for (const name of used) table[name] = functions[name]!;
  }
  return table;
}
