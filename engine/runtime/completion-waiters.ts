import type { EngineRecord } from '../core/records.js';

interface Waiter {
  resolve: (record: EngineRecord) => void;
  reject: (error: Error) => void;
}

/** Callers waiting for a process instance to end (create-with-result). */
export class CompletionWaiters {
  private readonly waiting = new Map<number, Waiter[]>();

  /** Resolves with the instance's ELEMENT_COMPLETED or ELEMENT_TERMINATED record. */
  wait(processInstanceKey: number, signal?: AbortSignal): Promise<EngineRecord> {
    return new Promise<EngineRecord>((resolve, reject) => {
      const entry = { resolve, reject };
      this.waiting.set(processInstanceKey, [
        ...(this.waiting.get(processInstanceKey) ?? []),
        entry,
      ]);
      signal?.addEventListener('abort', () => {
        const rest = this.waiting.get(processInstanceKey)?.filter((w) => w !== entry) ?? [];
        if (rest.length) this.waiting.set(processInstanceKey, rest);
        else this.waiting.delete(processInstanceKey);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      });
    });
  }

  /** Hands an instance's final record to its waiters. */
  settle(record: EngineRecord): void {
    const waiting = this.waiting.get(record.key);
    if (!waiting) return;
    this.waiting.delete(record.key);
    for (const waiter of waiting) waiter.resolve(record);
  }

  /** Rejects every waiter (the engine is closing). */
  rejectAll(error: Error): void {
    for (const waiting of this.waiting.values()) for (const waiter of waiting) waiter.reject(error);
    this.waiting.clear();
  }
}
