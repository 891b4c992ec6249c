/**
 * The record vocabulary, Zeebe's: every state change is an EVENT record with a value type and
 * an intent; a refused command leaves a COMMAND_REJECTION. Records are append-only and
 * numbered by `position`.
 */

/** Zeebe's value types that this engine writes. */
export type ValueType =
  | 'DEPLOYMENT'
  | 'PROCESS'
  | 'PROCESS_INSTANCE'
  | 'PROCESS_INSTANCE_CREATION'
  | 'PROCESS_INSTANCE_RESULT'
  | 'JOB'
  | 'JOB_BATCH'
  | 'INCIDENT'
  | 'MESSAGE'
  | 'MESSAGE_CORRELATION'
  | 'MESSAGE_SUBSCRIPTION'
  | 'PROCESS_MESSAGE_SUBSCRIPTION'
  | 'MESSAGE_START_EVENT_SUBSCRIPTION'
  | 'TIMER'
  | 'VARIABLE'
  | 'VARIABLE_DOCUMENT'
  | 'USER_TASK'
  | 'ERROR'
  | 'ESCALATION'
  | 'SIGNAL'
  | 'SIGNAL_SUBSCRIPTION';

/** EVENT for a state change; COMMAND_REJECTION for a refused command. */
export type RecordType = 'EVENT' | 'COMMAND_REJECTION';

/** One record of the log. */
export interface EngineRecord {
  readonly position: number;
  readonly key: number;
  readonly recordType: RecordType;
  readonly valueType: ValueType;
  readonly intent: string;
  /** Engine time (epoch ms) when the record was written. */
  readonly timestamp: number;
  readonly value: Readonly<Record<string, unknown>>;
  readonly rejectionType?: string;
  readonly rejectionReason?: string;
}

/** A record before the log gives it a position. */
export type RecordDraft = Omit<EngineRecord, 'position'>;

/** The tenant every record belongs to (multi-tenancy is not supported). */
export const DEFAULT_TENANT = '<default>';
