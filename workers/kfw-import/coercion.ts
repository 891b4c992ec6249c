/**
 * The result of turning one cell into a typed value: the value, or a row problem's code and
 * German message. Coercers never throw for bad input: a bad cell is an expected outcome.
 */
import type { CellInput } from './cell-value.js';

/** A cell that could not be used, with a stable code and a message for KfW's staff. */
export interface CellProblem {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
}

/** A usable cell value. */
export interface CellOk<T> {
  readonly ok: true;
  readonly value: T;
}

/** Either a typed value or a problem. */
export type Coerced<T> = CellOk<T> | CellProblem;

/** A coercer of one cell. `null` in the value means the cell was empty. */
export type Coercer<T> = (cell: CellInput) => Coerced<T | null>;

/** The typed value. */
export function ok<T>(value: T): CellOk<T> {
  return { ok: true, value };
}

/** A problem with a stable code (upper snake case) and a German message. */
export function problem(code: string, message: string): CellProblem {
  return { ok: false, code, message };
}
