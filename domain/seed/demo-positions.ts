/**
 * Which demo cases get a running process instance, and where it is to stand, so every demo user
 * finds something of their own after `now start`: cases waiting for registration (invited),
 * for the master data (registered), for an officer's review (master data complete), and for a
 * usage report (reporting, with an open period). Up to `perPosition` cases each, the cases linked
 * to a demo login first. Pure reading: the composition root starts the instances.
 *
 * @example
 *   const plan = await planDemoPositions(db, { perPosition: 3, preferCaseIds: linked });
 */
import { Op } from 'sequelize';
import type { Database } from '../database/open-database.js';
import type { FoerderfallStatus } from '../models/foerderfall.js';

/** Where a demo case's process stands. */
export const demoPositions = ['registration', 'master-data', 'review', 'report'] as const;
export type DemoPosition = (typeof demoPositions)[number];

/** One case and its position. */
export interface PlannedPosition {
  caseId: string;
  position: DemoPosition;
  /** For `report`: the open reporting period the report is due for. */
  periodId?: string;
}

const statusOf: Record<DemoPosition, FoerderfallStatus> = {
  registration: 'EINGELADEN',
  'master-data': 'REGISTRIERT',
  review: 'STAMMDATEN_VOLLSTAENDIG',
  report: 'BERICHTSPFLICHTIG',
};

/** Reporting periods that still wait for a report. */
const openPeriods = ['OFFEN', 'UEBERFAELLIG', 'NACHFORDERUNG'] as const;

/** The plan: cases without a case instance yet, in a stable order. */
export async function planDemoPositions(
  db: Database,
  options: { perPosition: number; preferCaseIds?: readonly string[] },
): Promise<PlannedPosition[]> {
  const preferred = new Set(options.preferCaseIds ?? []);
  const plan: PlannedPosition[] = [];
  for (const position of demoPositions) {
    const cases = await db.models.Foerderfall.findAll({
      where: { status: statusOf[position], prozessInstanzKey: null },
      attributes: ['id', 'antragsnummer'],
      order: [
        ['antragsnummer', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    const ordered = [
      ...cases.filter((c) => preferred.has(c.id)),
      ...cases.filter((c) => !preferred.has(c.id)),
    ];
    let taken = 0;
    for (const fall of ordered) {
      if (taken >= options.perPosition) break;
      if (position !== 'report') {
        plan.push({ caseId: fall.id, position });
        taken += 1;
        continue;
      }
      const period = await db.models.Berichtszeitraum.findOne({
        where: { foerderfallId: fall.id, status: { [Op.in]: [...openPeriods] } },
        order: [['von', 'ASC']],
        attributes: ['id'],
      });
      if (!period) continue;
      plan.push({ caseId: fall.id, position, periodId: period.id });
      taken += 1;
    }
  }
  return plan;
}
