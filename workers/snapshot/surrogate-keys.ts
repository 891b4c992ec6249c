/**
 * Fresh random surrogate keys for one snapshot. The same real key always gets the same
 * surrogate within the snapshot (so foreign keys still join), surrogates come from the
 * cryptographic random generator (never from the real id), and the map lives only in memory
 * for the duration of one snapshot: it is never written anywhere and is dropped afterwards.
 */
import { randomUUID } from 'node:crypto';

/** The per-snapshot key map. */
export class SurrogateKeys {
  private readonly map = new Map<string, string>();

  /** The surrogate of `real` (created on first use); null stays null. */
  of(real: unknown): string | null {
    if (real === null || real === undefined) return null;
    const key = String(real);
    let surrogate = this.map.get(key);
    if (!surrogate) {
      surrogate = randomUUID();
      this.map.set(key, surrogate);
    }
    return surrogate;
  }

  /** A surrogate for a key nothing refers to: not remembered, so it costs no memory. */
  fresh(): string {
    return randomUUID();
  }

  /** Number of keys remembered (for progress and memory figures). */
  get size(): number {
    return this.map.size;
  }

  /** Forgets every mapping. */
  clear(): void {
    this.map.clear();
  }
}
