import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RecordSummary } from './gateway-engine.js';
import type { DispatchObserver } from './job-dispatcher.js';

/**
 * The engine's Prometheus metrics, in a registry of their own (never prom-client's global one,
 * so two engines in one process, as in tests, do not collide).
 *
 * @example
 * const metrics = new GatewayMetrics(() => engine.jobBacklog());
 * engine.onRecords((records) => metrics.countRecords(records));
 * await metrics.registry.metrics(); // Prometheus text format
 */
export class GatewayMetrics implements DispatchObserver {
  readonly registry = new Registry();
  readonly #instancesStarted: Counter;
  readonly #instancesCompleted: Counter;
  readonly #jobsActivated: Counter<'type'>;
  readonly #jobsCompleted: Counter;
  readonly #jobsFailed: Counter;
  readonly #activationLatency: Histogram<'type'>;

  /** @param backlog activatable jobs per type, read at each scrape (no gauge values without it). */
  constructor(backlog?: () => Map<string, number>) {
    const registers = [this.registry];
    this.#instancesStarted = new Counter({
      name: 'engine_process_instances_started_total',
      help: 'Process instances started (by any means: gateway, message, timer, call activity)',
      registers,
    });
    this.#instancesCompleted = new Counter({
      name: 'engine_process_instances_completed_total',
      help: 'Process instances completed',
      registers,
    });
    this.#jobsActivated = new Counter({
      name: 'engine_jobs_activated_total',
      help: 'Jobs handed to workers, by polling or streaming',
      labelNames: ['type'],
      registers,
    });
    this.#jobsCompleted = new Counter({
      name: 'engine_jobs_completed_total',
      help: 'Jobs completed by workers',
      registers,
    });
    this.#jobsFailed = new Counter({
      name: 'engine_jobs_failed_total',
      help: 'Jobs failed by workers',
      registers,
    });
    this.#activationLatency = new Histogram({
      name: 'engine_job_activation_latency_seconds',
      help: 'Time from jobs of a type becoming activatable to their hand-over to a waiting worker',
      labelNames: ['type'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    new Gauge({
      name: 'engine_job_backlog',
      help: 'Activatable jobs waiting for a worker, by type',
      labelNames: ['type'],
      registers,
      collect() {
        this.reset();
        for (const [type, count] of backlog?.() ?? []) this.set({ type }, count);
      },
    });
  }

  /** Counts process instances started and completed from a batch of committed records. */
  countRecords(records: readonly RecordSummary[]): void {
    for (const record of records) {
      if (record.valueType !== 'PROCESS_INSTANCE' || record.value['bpmnElementType'] !== 'PROCESS')
        continue;
      if (record.intent === 'ELEMENT_ACTIVATED') this.#instancesStarted.inc();
      else if (record.intent === 'ELEMENT_COMPLETED') this.#instancesCompleted.inc();
    }
  }

  /** Counts activated jobs and their activation latency. */
  jobsActivated(type: string, count: number, latencyMs: number): void {
    this.#jobsActivated.inc({ type }, count);
    this.#activationLatency.observe({ type }, latencyMs / 1000);
  }

  /** Counts a completed job. */
  jobCompleted(): void {
    this.#jobsCompleted.inc();
  }

  /** Counts a failed job. */
  jobFailed(): void {
    this.#jobsFailed.inc();
  }
}
