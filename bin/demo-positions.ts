/**
 * Starts the demo process instances of `domain/seed/demo-positions.ts` and drives them through
 * the real models to their position, the way people and workers would: every case starts its
 * `foerderfall` instance (the invitation goes out); registered cases get `applicant-registered`;
 * cases waiting for review have their master-data and location tasks completed (the data is in
 * the demo tables already) so the automatic checks run and the review task opens; reporting cases
 * get a `berichtszeitraum` instance for their open period, which opens the report task. The
 * embedded engine serves neither start instructions nor instance modification, and Camunda 8
 * would not need them for this either: the models run as they do for real cases.
 */
import type { Camunda8 } from '@camunda8/sdk';
import type { Zeebe } from '@camunda8/sdk';
import type { Database } from '../domain/index.js';
import { MESSAGES, PROCESS_IDS } from '../domain/index.js';
import { planDemoPositions, type DemoPosition } from '../domain/seed/demo-positions.js';

type Rest = ReturnType<Camunda8['getCamundaRestClient']>;

/** How many cases each position gets. */
export interface DemoPositionOptions {
  perPosition: number;
  /** Cases linked to demo logins, placed first. */
  preferCaseIds: readonly string[];
  /** Longest wait for one step of a case. @default 120000 */
  stepTimeoutMs?: number;
  /** Told when a case could not be moved to its position (the rest carry on). */
  onError?: (error: unknown) => void;
}

/** Cases per position that were started. */
export type DemoPositionCounts = Record<DemoPosition, number>;

/** The started instances; `settled` resolves when the review cases reached their review. */
export interface StartedDemoPositions {
  counts: DemoPositionCounts;
  settled: Promise<void>;
  /** Stops waiting (at shutdown); resolves when the background steps have stopped. */
  stop(): Promise<void>;
}

/**
 * Starts the instances one after the other (SQLite is one writer) and returns; the steps that
 * wait for workers (the review cases' two tasks) run in the background.
 */
export async function startDemoPositions(
  deps: { db: Database; zeebe: Zeebe.ZeebeGrpcClient; rest: Rest },
  options: DemoPositionOptions,
): Promise<StartedDemoPositions> {
  const plan = await planDemoPositions(deps.db, options);
  const timeout = options.stepTimeoutMs ?? 120_000;
  const counts: DemoPositionCounts = { registration: 0, 'master-data': 0, review: 0, report: 0 };
  let stopped = false;

  /** Completes the open user task `elementId` of the instance once it has appeared. */
  async function completeWhenOpen(processInstanceKey: string, elementId: string) {
    const until = Date.now() + timeout;
    while (!stopped) {
      const found = await deps.rest.searchUserTasks({
        filter: { processInstanceKey, elementId, state: 'CREATED' },
        page: { from: 0, limit: 1 },
      } as never);
      const task = found.items[0];
      if (task) {
        await deps.rest.completeUserTask({ userTaskKey: task.userTaskKey, variables: {} });
        return;
      }
      if (Date.now() > until)
        throw new Error(`demo instance ${processInstanceKey}: ${elementId} did not open in time`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  const toReview: string[] = [];
  for (const { caseId, position, periodId } of plan) {
    if (position === 'report') {
      await deps.zeebe.createProcessInstance({
        bpmnProcessId: PROCESS_IDS.berichtszeitraum,
        variables: { caseId, periodId } as never,
      });
      counts.report += 1;
      continue;
    }
    const created = await deps.zeebe.createProcessInstance({
      bpmnProcessId: PROCESS_IDS.foerderfall,
      variables: { caseId } as never,
    });
    const instance = String(created.processInstanceKey);
    await deps.db.models.Foerderfall.update(
      { prozessInstanzKey: instance },
      { where: { id: caseId } },
    );
    if (position !== 'registration') {
      // Buffered until the instance waits for it, as when a person redeems the invitation early.
      await deps.zeebe.publishMessage({
        name: MESSAGES.applicantRegistered.name,
        correlationKey: caseId,
        messageId: `${MESSAGES.applicantRegistered.name}:demo:${caseId}`,
        timeToLive: 3_600_000,
        variables: { caseId } as never,
      });
    }
    if (position === 'review') toReview.push(instance);
    counts[position] += 1;
  }

  // The master data and locations of these cases are in the demo tables already: their tasks
  // are completed as submitted, and the automatic checks lead to the officer's review.
  const settled = Promise.all(
    toReview.map(async (instance) => {
      try {
        await completeWhenOpen(instance, 'Task_CompleteMasterData');
        await completeWhenOpen(instance, 'Task_DescribeLocation');
      } catch (error) {
        if (!stopped) options.onError?.(error);
      }
    }),
  ).then(() => undefined);
  return {
    counts,
    settled,
    async stop() {
      stopped = true;
      await settled;
    },
  };
}

/** The cases linked to the person records of these logins (the demo applicant's cases). */
export async function casesOfLogins(db: Database, emails: readonly string[]): Promise<string[]> {
  const m = db.models;
  const accounts = await m.Konto.findAll({ where: { email: [...emails] }, attributes: ['id'] });
  if (accounts.length === 0) return [];
  const people = await m.Person.findAll({
    where: { oidcSubject: accounts.map((a) => a.id) },
    attributes: ['id'],
  });
  if (people.length === 0) return [];
  const links = await m.PersonFoerderfall.findAll({
    where: { personId: people.map((p) => p.id) },
    attributes: ['foerderfallId'],
  });
  return [...new Set(links.map((l) => l.foerderfallId))];
}
