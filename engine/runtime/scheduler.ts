import type Database from 'better-sqlite3';
import type { EngineCommand } from '../core/commands/engine-command.js';
import type { Clock } from './clock.js';
import type { CommandLoop } from './command-loop.js';

/** Longest single wait; the scheduler re-checks at least this often. */
const MAX_WAIT_MS = 60_000;

/**
 * Turns passing time into commands: due timers, job deadlines, ended back-offs and expired
 * messages, read from the indexed state tables. Driven by the injected clock: with the system
 * clock it sleeps until the next due instant; a controlled clock wakes it when moved.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  /** Due work whose command failed (a bug, logged by the loop): not retried, so it cannot spin. */
  private readonly failed = new Set<string>();
  private again = false;
  private started = false;
  private readonly inFlight = new Set<string>();
  private readonly nextDue: Database.Statement;
  private readonly due: {
    statement: Database.Statement;
    command: (key: number) => EngineCommand;
    id: string;
  }[];
  private unsubscribe: (() => void) | undefined;

  constructor(
    db: Database.Database,
    private readonly clock: Clock,
    private readonly loop: CommandLoop,
  ) {
    this.nextDue = db.prepare(`SELECT MIN(t) AS t FROM (
      SELECT MIN(due_date) AS t FROM timers
      UNION ALL SELECT MIN(deadline) FROM jobs WHERE state = 'ACTIVATED'
      UNION ALL SELECT MIN(recur_at) FROM jobs WHERE state = 'BACKOFF'
      UNION ALL SELECT MIN(deadline) FROM messages)`);
    this.due = [
      {
        id: 'timer',
        statement: db.prepare(
          'SELECT key FROM timers WHERE due_date <= ? ORDER BY due_date, key LIMIT 1000',
        ),
        command: (key) => ({ type: 'TRIGGER_TIMER', timerKey: key }),
      },
      {
        id: 'timeout',
        statement: db.prepare(
          "SELECT key FROM jobs WHERE state = 'ACTIVATED' AND deadline <= ? ORDER BY deadline LIMIT 1000",
        ),
        command: (key) => ({ type: 'TIME_OUT_JOB', jobKey: key }),
      },
      {
        id: 'recur',
        statement: db.prepare(
          "SELECT key FROM jobs WHERE state = 'BACKOFF' AND recur_at <= ? ORDER BY recur_at LIMIT 1000",
        ),
        command: (key) => ({ type: 'RECUR_JOB', jobKey: key }),
      },
      {
        id: 'expire',
        statement: db.prepare(
          'SELECT key FROM messages WHERE deadline <= ? ORDER BY deadline LIMIT 1000',
        ),
        command: (key) => ({ type: 'EXPIRE_MESSAGE', messageKey: key }),
      },
    ];
  }

  /** Starts watching the clock and the state. */
  start(): void {
    this.started = true;
    this.unsubscribe = this.clock.onChange(() => void this.wake());
    void this.wake();
  }

  /** Stops all timers. */
  close(): void {
    this.started = false;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Issues commands for everything due now and re-arms the wait for the next due instant.
   * Resolves when the issued commands are processed.
   */
  wake(): Promise<void> {
    if (!this.started) return Promise.resolve();
    if (this.current) {
      // a pass is under way: make it look again before it ends, and let the caller await it
      this.again = true;
      return this.current;
    }
    this.current = this.run().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        const now = this.clock.now();
        const submitted: Promise<unknown>[] = [];
        for (const source of this.due) {
          for (const { key } of source.statement.all(now) as { key: number }[]) {
            const id = `${source.id}:${key}`;
            if (this.inFlight.has(id) || this.failed.has(id)) continue;
            this.inFlight.add(id);
            submitted.push(
              this.loop
                .submit(source.command(key))
                .catch(() => void this.failed.add(id))
                .finally(() => this.inFlight.delete(id)),
            );
          }
        }
        if (submitted.length === 0) break;
        await Promise.all(submitted);
      }
    } while (this.again && this.started);
    this.arm();
  }

  /** Re-arms after new state may have introduced an earlier due instant. */
  arm(): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const { t } = this.nextDue.get() as { t: number | null };
    if (t === null) return;
    // after a failure the due instant may be one that never clears: check again a second later
    const wait = Math.max(
      this.failed.size > 0 ? 1000 : 0,
      Math.min(MAX_WAIT_MS, t - this.clock.now()),
    );
    // A controlled clock only moves when told to (and then wakes us): waiting in real time is pointless.
    if (this.clock.controlled && wait > 0) return;
    this.timer = setTimeout(() => void this.wake(), wait);
    this.timer.unref();
  }
}
