import { EventEmitter } from 'node:events';

/**
 * "Jobs of type X may have become activatable": announced after each commit that created,
 * timed out, recurred or freed jobs, so the gateway can answer long polls and push streams
 * without polling the database.
 */
export class JobAvailability {
  private readonly events = new EventEmitter();
  private readonly waits = new Set<() => void>();
  private closed = false;

  constructor() {
    this.events.setMaxListeners(0);
  }

  /** Calls `listener` whenever jobs of the type may be activatable. */
  onType(type: string, listener: () => void): () => void {
    this.events.on(`jobs:${type}`, listener);
    return () => this.events.off(`jobs:${type}`, listener);
  }

  /** Calls `listener` with the type whenever jobs of any type may be activatable. */
  onAny(listener: (type: string) => void): () => void {
    this.events.on('jobs', listener);
    return () => this.events.off('jobs', listener);
  }

  /** Resolves true on the next announcement for the type, false after the timeout, an abort or close. */
  waitFor(type: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        off();
        signal?.removeEventListener('abort', abort);
        this.waits.delete(abort);
        resolve(value);
      };
      const abort = () => done(false);
      const off = this.onType(type, () => done(true));
      const timer = setTimeout(abort, timeoutMs);
      this.waits.add(abort);
      signal?.addEventListener('abort', abort);
    });
  }

  /** Announces the job types of a commit. */
  announce(types: Iterable<string>): void {
    if (this.closed) return;
    for (const type of types) {
      this.events.emit(`jobs:${type}`);
      this.events.emit('jobs', type);
    }
  }

  /** Ends every pending wait and drops all listeners. */
  close(): void {
    this.closed = true;
    for (const end of [...this.waits]) end();
    this.events.removeAllListeners();
  }
}
