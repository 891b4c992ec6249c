import type { EngineCommand } from '../core/commands/engine-command.js';
import { EngineError } from '../core/engine-error.js';
import { correlateBuffered } from '../core/commands/message-commands.js';
import { behaviorOf } from '../core/elements/behaviors.js';
import type { ExpressionLanguage } from '../core/expression/expression-language.js';
import { processCommand } from '../core/process-command.js';
import { ProcessingContext } from '../core/processing-context.js';
import type { EngineRecord } from '../core/records.js';
import type { TimeLanguage } from '../core/time/time-language.js';
import type { EngineStore } from '../state/engine-store.js';
import type { Clock } from './clock.js';

interface Pending {
  command: EngineCommand;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Receives the records of every committed batch (after the commit, before answers go out). */
export type CommitListener = (records: readonly EngineRecord[]) => void;

/** The most commands processed in one transaction. */
const MAX_BATCH = 500;

/**
 * Serialises commands: they queue up while a batch runs, and each batch of commands with all
 * their follow-ups commits in ONE transaction, after which the callers are answered. A
 * refused command is rolled back to its savepoint and leaves only its COMMAND_REJECTION.
 * Batching is what makes durability cheap: one fsync covers every command of the batch.
 */
export class CommandLoop {
  private queue: Pending[] = [];
  private scheduled = false;
  private closed = false;
  private readonly listeners = new Set<CommitListener>();
  private idleWaiters: (() => void)[] = [];
  private readonly keys: { next: () => number };

  constructor(
    private readonly store: EngineStore,
    private readonly clock: Clock,
    private readonly feel: ExpressionLanguage,
    private readonly time: TimeLanguage,
    private readonly onBug: (error: unknown, command: EngineCommand) => void,
  ) {
    this.keys = { next: () => store.nextKey() };
  }

  /** Queues a command; resolves with its answer once its batch is committed. */
  submit<T = unknown>(command: EngineCommand): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the engine is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ command, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.run());
      }
    });
  }

  /** Listens to committed records. */
  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when no command is queued. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops accepting commands; queued ones are still processed. */
  close(): void {
    this.closed = true;
  }

  private run(): void {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.processBatch(batch);
    }
    this.scheduled = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }

  private processBatch(batch: Pending[]): void {
    const db = this.store.db;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    const records: EngineRecord[] = [];
    db.exec('BEGIN');
    try {
      for (const pending of batch) {
        const now = this.clock.now();
        const position = this.store.counters.nextPosition;
        db.exec('SAVEPOINT command');
        const ctx = new ProcessingContext(
          this.store.state,
          now,
          this.keys,
          this.feel,
          this.time,
          behaviorOf,
          correlateBuffered,
        );
        try {
          const value = processCommand(ctx, pending.command);
          this.store.state.flush();
          db.exec('RELEASE command');
          records.push(...ctx.written);
          outcomes.push({ ok: true, value });
        } catch (error) {
          this.store.state.discard();
          db.exec('ROLLBACK TO command');
          db.exec('RELEASE command');
          this.store.counters.nextPosition = position;
          if (error instanceof EngineError) {
            records.push(
              this.store.state.append({
                key: -1,
                recordType: 'COMMAND_REJECTION',
                valueType: valueTypeOf(pending.command),
                intent: pending.command.type,
                timestamp: now,
                value: { command: pending.command.type },
                rejectionType: error.code,
                rejectionReason: error.message,
              }),
            );
          } else {
            this.onBug(error, pending.command);
          }
          outcomes.push({ ok: false, value: error });
        }
      }
      this.store.saveCounters();
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const listener of this.listeners) listener(records);
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.value);
    });
  }
}

function valueTypeOf(command: EngineCommand): EngineRecord['valueType'] {
  switch (command.type) {
    case 'DEPLOY':
      return 'DEPLOYMENT';
    case 'CREATE_PROCESS_INSTANCE':
      return 'PROCESS_INSTANCE_CREATION';
    case 'CANCEL_PROCESS_INSTANCE':
      return 'PROCESS_INSTANCE';
    case 'ACTIVATE_JOBS':
      return 'JOB_BATCH';
    case 'PUBLISH_MESSAGE':
    case 'EXPIRE_MESSAGE':
      return 'MESSAGE';
    case 'CORRELATE_MESSAGE':
      return 'MESSAGE_CORRELATION';
    case 'TRIGGER_TIMER':
      return 'TIMER';
    case 'SET_VARIABLES':
      return 'VARIABLE_DOCUMENT';
    case 'RESOLVE_INCIDENT':
      return 'INCIDENT';
    case 'BROADCAST_SIGNAL':
      return 'SIGNAL';
    case 'ASSIGN_USER_TASK':
    case 'COMPLETE_USER_TASK':
      return 'USER_TASK';
    default:
      return 'JOB';
  }
}
