/** Where the engine gets its time from. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** True for a clock that moves only when told to. */
  readonly controlled: boolean;
  /** Called when the time jumps (a controlled clock was moved); real clocks never call it. */
  onChange(listener: () => void): () => void;
}

/** The machine's clock. */
export const systemClock: Clock = {
  controlled: false,
  now: () => Date.now(),
  onChange: () => () => undefined,
};

/**
 * A clock that only moves when told to: for tests, and for `PUT /v2/clock` with a controlled
 * clock. Moving it wakes the scheduler, so due timers fire at once.
 */
export class ControlledClock implements Clock {
  readonly controlled = true;
  private listeners = new Set<() => void>();

  constructor(private time: number = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.time;
  }

  /** Pins the clock to an instant (epoch ms). */
  set(time: number): void {
    this.time = time;
    for (const listener of this.listeners) listener();
  }

  /** Moves the clock forward. */
  advance(ms: number): void {
    this.set(this.time + ms);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
