import { ControlledClock, type Clock } from '../../index.js';

/** What `PUT /v2/clock` and `POST /v2/clock/reset` do to the engine's clock. */
export interface ClockControl {
  /** Pins the engine's time to an instant (epoch ms); due timers fire at once. */
  pin(epochMs: number): void;
  /** Lets the engine's time run with the machine's clock again. */
  reset(): void;
}

/**
 * The engine's clock when the controlled clock is enabled (`ENGINE_CONTROLLED_CLOCK=true`):
 * the machine's time until pinned, then the pinned instant until pinned again or reset, as
 * Camunda 8's controlled clock behaves. While pinned it reports itself `controlled`, so the
 * scheduler waits to be woken instead of sleeping in real time; every change wakes it.
 *
 * @example
 *   const clock = new PinnableClock();
 *   const engine = await Engine.open({ file, clock });
 *   await startRestApi({ engine, controlledClock: true });
 */
export class PinnableClock implements Clock, ClockControl {
  private pinned: number | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly systemNow: () => number = Date.now) {}

  get controlled(): boolean {
    return this.pinned !== undefined;
  }

  now(): number {
    return this.pinned ?? this.systemNow();
  }

  pin(epochMs: number): void {
    this.pinned = epochMs;
    this.changed();
  }

  reset(): void {
    this.pinned = undefined;
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * The control over an engine's clock, or undefined for a clock that cannot be moved (the
 * system clock). The engine's own ControlledClock (tests) can be pinned but never runs by
 * itself: reset pins it to the machine's current time.
 */
export function clockControlOf(clock: Clock): ClockControl | undefined {
  if (clock instanceof PinnableClock) return clock;
  if (clock instanceof ControlledClock)
    return { pin: (ms) => clock.set(ms), reset: () => clock.set(Date.now()) };
  return undefined;
}
