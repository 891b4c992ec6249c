/**
 * The ledger the crash suite's workers write their side effects to, and the idempotency that
 * absorbs a job delivered again: a step's effect is keyed by (process instance, step), so a
 * second delivery of the same step finds its effect and only completes the job.
 *
 * Three tallies, each keyed by `<processInstanceKey>:<step>`:
 * - `effects`: times the effect was performed (must be 1: the idempotency guarantees it);
 * - `deliveries`: times a job of that step reached a worker (more than 1 = a re-delivery);
 * - `acknowledged`: times the engine acknowledged the step's completion (must be at most 1: an
 *   acknowledged completion that a crash lost would be delivered and acknowledged again).
 */

/** The ledger. */
export class SideEffectLedger {
  readonly effects = new Map<string, number>();
  readonly deliveries = new Map<string, number>();
  readonly acknowledged = new Map<string, number>();

  /** Records a delivery; performs the effect unless it was performed before. Returns whether it did. */
  perform(processInstanceKey: string, step: string): boolean {
    const key = `${processInstanceKey}:${step}`;
    this.deliveries.set(key, (this.deliveries.get(key) ?? 0) + 1);
    if (this.effects.has(key)) return false;
    this.effects.set(key, 1);
    return true;
  }

  /** Records that the engine acknowledged the completion. */
  acknowledge(processInstanceKey: string, step: string): void {
    const key = `${processInstanceKey}:${step}`;
    this.acknowledged.set(key, (this.acknowledged.get(key) ?? 0) + 1);
  }

  /** Deliveries beyond the first, summed over every step: re-deliveries the idempotency absorbed. */
  get redeliveries(): number {
    let extra = 0;
    for (const count of this.deliveries.values()) extra += count - 1;
    return extra;
  }

  /** Keys whose completion the engine acknowledged more than once. */
  acknowledgedTwice(): string[] {
    return [...this.acknowledged].filter(([, count]) => count > 1).map(([key]) => key);
  }
}
