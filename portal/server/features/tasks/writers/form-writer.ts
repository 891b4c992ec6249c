/**
 * What every form writer receives and returns. A writer turns one validated form submission into
 * rows of the domain tables, inside the completion's transaction, and returns the ids and
 * decisions the process gets (never the form data itself, DESIGN.md).
 */
import type { Transaction } from 'sequelize';
import type { Database } from '../../../../../domain/index.js';
import type { EngineTask } from '../../../engine-client/task-client.js';
import type { Principal } from '../../../http/principal.js';

/** Form data as validated by ajv. */
export type FormData = Record<string, unknown>;

/** The submission and where it belongs. */
export interface WriteContext {
  db: Database;
  task: EngineTask;
  principal: Principal;
  data: FormData;
  transaction: Transaction;
  now: Date;
  /** The task's case (its `case:<caseId>` group, else its `caseId` variable), if any. */
  caseId: string | null;
  /** Process variables the task sees, of those the writer asked for (`needs`). */
  variables: Record<string, unknown>;
  /**
   * What an earlier completion of the same task wrote (its audit event's `written`), when a
   * completion is retried after the engine did not answer: the writer updates those rows
   * instead of adding new ones.
   */
  previous: Record<string, unknown> | undefined;
}

/** What a writer did. */
export interface Written {
  /** Tables touched, for the audit event. */
  tables: string[];
  /** Ids of the rows written (kept in the audit event for a retried completion). */
  ids?: Record<string, unknown>;
  /** Ids and decisions for the process. */
  processVariables?: Record<string, unknown>;
}

/** A writer for one form. */
export interface FormWriter {
  /** Process variables the writer needs (read from the engine before the transaction). */
  needs?: string[];
  write(context: WriteContext): Promise<Written>;
}

/** An object field of the form data, or `{}`. */
export const obj = (value: unknown): FormData =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as FormData) : {};

/** An array field of the form data, or `[]`. */
export const list = (value: unknown): FormData[] =>
  Array.isArray(value) ? value.map((item) => obj(item)) : [];

/** Only keys the form sent: an omitted optional field leaves the stored value alone. */
export const given = (record: FormData): FormData =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));

/** A number as a DECIMAL column takes it, or null. */
export const decimalOrNull = (value: unknown): string | null =>
  typeof value === 'number' ? String(value) : null;

/** Drops null and undefined, so prefilled data leaves unknown fields to the person. */
export const present = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined));
