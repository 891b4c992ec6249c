import {
  CASE_STATUSES,
  JOB_SPECS,
  JOB_TYPES,
  MESSAGES,
  type CaseStatus,
  type JobType,
  type PeriodStatus,
} from '../../../domain/contract.js';
import { DAY, type ProcessEngine } from './process-engine.js';

/** A job as a test answer sees it: what the activated job carried. */
export interface JobSeen {
  readonly type: JobType;
  readonly bpmnProcessId: string;
  readonly processInstanceKey: string;
  readonly elementId: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** A job a worker completed, with the variables it returned. */
export interface HandledJob extends JobSeen {
  readonly output: Readonly<Record<string, unknown>>;
}

/** What a worker returns for a job; only the outputs its JOB_SPECS entry names are allowed. */
export type JobAnswer = (
  job: JobSeen,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** Dates of a reporting period as the `period-status` worker returns them. */
export interface PeriodDates {
  /** ISO 8601 */
  readonly periodEnd: string;
  /** ISO 8601 */
  readonly periodDeadline: string;
}

/** Options of the scenario workers. */
export interface ScenarioWorkerOptions {
  /** How many reporting periods `plan-periods` creates per case. @default 1 */
  readonly periodsPerCase?: number;
  /** Length of a reporting period. @default 365 days */
  readonly periodLength?: number;
  /** From a period's end to its report deadline. @default 60 days */
  readonly reportWindow?: number;
}

/** A job answer broke the contract (an output JOB_SPECS does not name, a missing input). */
export class ContractBreachError extends Error {
  readonly code = 'SCENARIO_CONTRACT_BREACH';
  constructor(type: JobType, elementId: string, detail: string) {
    super(`job ${type} at ${elementId}: ${detail}`);
    this.name = 'ContractBreachError';
  }
}

const ID_PREFIX: Record<string, string> = {
  case: '0c',
  period: '0e',
  importRun: '1a',
  report: '2b',
  upload: 'b1',
  changeNotice: 'c4',
  revocation: 'd0',
  reportingId: 'e0',
  snapshot: '5a',
};

/**
 * Test workers for every job type of the contract, connected through the real SDK
 * (`createWorker`, long polling). Each answers what the real worker would return (ids and
 * decisions only, the outputs of JOB_SPECS) and keeps what the real one would write to the
 * domain tables (case and period statuses, Reporting-IDs, period dates), so scenarios can
 * assert it. Answers can be replaced per job type.
 */
export class ScenarioWorkers {
  /** Every job completed, in order. */
  readonly handled: HandledJob[] = [];
  /** The status each case was given (domain table `foerderfall.status`). */
  readonly caseStatus = new Map<string, CaseStatus>();
  /** The status each period was given. */
  readonly periodStatus = new Map<string, PeriodStatus>();
  /** Reporting-IDs issued per case; issued once, kept on every later job (as the real worker). */
  readonly reportingIds = new Map<string, string>();
  /** Dates of the periods `plan-periods` created. */
  readonly periods = new Map<string, PeriodDates>();
  private readonly answers = new Map<JobType, JobAnswer>();
  private readonly workers: { close(): Promise<unknown> }[] = [];
  private counter = 0;

  constructor(
    private readonly engine: ProcessEngine,
    private readonly options: ScenarioWorkerOptions = {},
  ) {
    for (const [type, answer] of Object.entries(this.defaultAnswers()))
      this.answers.set(type as JobType, answer);
  }

  /** A fresh id, recognisable in failures by its prefix (`case`, `period`, ...). */
  newId(kind: keyof typeof ID_PREFIX): string {
    this.counter += 1;
    const tail = this.counter.toString(16).padStart(12, '0');
    return `${ID_PREFIX[kind]}000000-0000-4000-8000-${tail}`;
  }

  /** Creates one reporting period as `plan-periods` would, ending `endsIn` ms from now. */
  planPeriod(endsIn: number = this.options.periodLength ?? 365 * DAY): string {
    const id = this.newId('period');
    const end = this.engine.now() + endsIn;
    this.periods.set(id, {
      periodEnd: new Date(end).toISOString(),
      periodDeadline: new Date(end + (this.options.reportWindow ?? 60 * DAY)).toISOString(),
    });
    return id;
  }

  /** Replaces the answer of one job type. */
  answer(type: JobType, answer: JobAnswer): this {
    this.answers.set(type, answer);
    return this;
  }

  /** The completed jobs of one type (optionally of one element). */
  of(type: JobType, elementId?: string): HandledJob[] {
    return this.handled.filter(
      (job) => job.type === type && (elementId === undefined || job.elementId === elementId),
    );
  }

  /** The `template` headers of the notify jobs of a process instance, in order. */
  notifications(processInstanceKey: string): string[] {
    return this.of(JOB_TYPES.notify)
      .filter((job) => job.processInstanceKey === processInstanceKey)
      .map((job) => job.headers['template'] ?? '');
  }

  /** Opens one SDK worker per job type of the contract. */
  start(): this {
    for (const type of Object.values(JOB_TYPES)) {
      this.workers.push(
        this.engine.zeebe.createWorker({
          taskType: type,
          id: `scenario-${type}`,
          timeout: 60_000,
          taskHandler: async (job) => {
            const seen: JobSeen = {
              type,
              bpmnProcessId: job.bpmnProcessId,
              processInstanceKey: job.processInstanceKey,
              elementId: job.elementId,
              headers: job.customHeaders as Record<string, string>,
              variables: job.variables as Record<string, unknown>,
            };
            try {
              const output = await this.run(seen);
              const acknowledged = await job.complete(output as never);
              // recorded once the engine took the completion, so a scenario waiting for this
              // job continues from the state after it
              this.handled.push({ ...seen, output });
              this.engine.recheck();
              return acknowledged;
            } catch (error) {
              // no retries: the incident ends the scenario's wait with this message
              return await job.fail({ errorMessage: String(error), retries: 0 });
            }
          },
        }),
      );
    }
    return this;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }

  private async run(job: JobSeen): Promise<Record<string, unknown>> {
    const spec = JOB_SPECS[job.type];
    for (const input of spec.inputs)
      if (job.variables[input] === undefined)
        throw new ContractBreachError(
          job.type,
          job.elementId,
          `input variable ${input} is missing`,
        );
    for (const header of spec.headers)
      if (job.headers[header] === undefined)
        throw new ContractBreachError(job.type, job.elementId, `task header ${header} is missing`);
    const output = await this.answers.get(job.type)!(job);
    const allowed = new Set<string>(spec.outputs);
    for (const name of Object.keys(output))
      if (!allowed.has(name))
        throw new ContractBreachError(
          job.type,
          job.elementId,
          `returns ${name}, which JOB_SPECS does not list as an output`,
        );
    return output;
  }

  /** What the real workers return, and the domain rows they would write. */
  private defaultAnswers(): Record<JobType, JobAnswer> {
    const str = (job: JobSeen, name: string) => String(job.variables[name]);
    return {
      'kfw-import': () => ({ importRunId: this.newId('importRun'), rejectedCount: 0 }),
      'sessions-import': () => ({ rejectedCount: 0 }),
      'case-validate': () => ({ valid: true, findings: [] }),
      'report-validate': () => ({ valid: true, findings: [] }),
      'plan-periods': () => {
        const length = this.options.periodLength ?? 365 * DAY;
        const count = this.options.periodsPerCase ?? 1;
        // consecutive periods from today, as the programme's yearly rhythm gives them
        return {
          periodIds: Array.from({ length: count }, (_, i) => this.planPeriod((i + 1) * length)),
        };
      },
      notify: () => ({}),
      'issue-reporting-id': (job) => {
        const caseId = str(job, 'caseId');
        if (!this.reportingIds.has(caseId))
          this.reportingIds.set(caseId, this.newId('reportingId'));
        return {};
      },
      snapshot: (job) => ({
        snapshotId: (job.variables['snapshotId'] as string | undefined) ?? this.newId('snapshot'),
        suppressedCount: 0,
      }),
      'case-status': (job) => {
        this.caseStatus.set(str(job, 'caseId'), job.headers['status'] as CaseStatus);
        return {};
      },
      'period-status': (job) => {
        const periodId = str(job, 'periodId');
        const dates = this.periods.get(periodId);
        if (!dates) throw new Error(`period ${periodId} was never planned`);
        this.periodStatus.set(periodId, job.headers['status'] as PeriodStatus);
        return { ...dates };
      },
      'change-notice-apply': () => ({}),
      'case-revoke': async (job) => {
        const caseId = str(job, 'caseId');
        this.caseStatus.set(caseId, CASE_STATUSES.widerrufen);
        // as the real worker: tell the case instance, which stops its reporting
        await this.engine.zeebe.publishMessage({
          name: MESSAGES.caseRevoked.name,
          correlationKey: caseId,
          variables: {},
          timeToLive: 0,
        });
        return {};
      },
    };
  }
}
