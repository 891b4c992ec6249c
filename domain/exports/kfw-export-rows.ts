/**
 * The lines of the KfW export, a page of cases at a time: programme by programme (in KfW's
 * programme number order), Antragsnummer ascending, each page found by keyset (the last
 * Antragsnummer of the page before), so a large export never uses OFFSET scans. The figures of
 * a page come in four queries whatever its size.
 *
 * Charging points in operation: per charging-column group that has a commissioning date, the
 * materialised points with status `IN_BETRIEB`, or (nothing materialised yet) columns times
 * points per column, as the applicant entered the group.
 */
import { Op, fn, col, type ModelStatic, type Model, type Sequelize } from 'sequelize';
import type { Foerderfall } from '../models/foerderfall.js';
import type { Ladepunkt } from '../models/ladepunkt.js';
import type { Ladesaeulengruppe } from '../models/ladesaeulengruppe.js';
import type { Programm } from '../models/programm.js';
import type { Standort } from '../models/standort.js';
import type { Zuwendungsempfaenger } from '../models/zuwendungsempfaenger.js';

/** One line of the export. */
export interface KfwExportRow {
  /** KfW's programme number (`441`), or the platform's code for programmes KfW does not run. */
  readonly programm: string;
  readonly antragsnummer: string;
  readonly zuwendungsempfaenger: string;
  readonly reportingId: string | null;
  readonly status: string;
  /** First commissioning, `YYYY-MM-DD`. */
  readonly inbetriebnahme: string | null;
  readonly ladepunkteInBetrieb: number;
}

/** Where the next page starts. */
export interface ExportCursor {
  readonly programmIndex: number;
  readonly antragsnummer: string | null;
}

function model<M extends Model>(sequelize: Sequelize, name: string): ModelStatic<M> {
  return sequelize.model(name) as ModelStatic<M>;
}

/** One page of lines after `after` (null: from the start), and the cursor of the next page. */
export async function loadExportPage(
  sequelize: Sequelize,
  after: ExportCursor | null,
  pageSize: number,
): Promise<{ rows: KfwExportRow[]; next: ExportCursor | null }> {
  const programmes = (
    await model<Programm>(sequelize, 'Programm').findAll({
      attributes: ['id', 'code', 'kfwProgrammnummer'],
      raw: true,
    })
  ).sort((a, b) =>
    (a.kfwProgrammnummer ?? a.code).localeCompare(b.kfwProgrammnummer ?? b.code, 'de'),
  );
  let cursor: ExportCursor = after ?? { programmIndex: 0, antragsnummer: null };
  for (; cursor.programmIndex < programmes.length;) {
    const programm = programmes[cursor.programmIndex]!;
    const cases = await model<Foerderfall>(sequelize, 'Foerderfall').findAll({
      where: {
        programmId: programm.id,
        ...(cursor.antragsnummer === null
          ? {}
          : { antragsnummer: { [Op.gt]: cursor.antragsnummer } }),
      },
      attributes: [
        'id',
        'antragsnummer',
        'zuwendungsempfaengerId',
        'reportingId',
        'status',
        'ersteInbetriebnahme',
      ],
      order: [['antragsnummer', 'ASC']],
      limit: pageSize,
      raw: true,
    });
    const next: ExportCursor =
      cases.length < pageSize
        ? { programmIndex: cursor.programmIndex + 1, antragsnummer: null }
        : { programmIndex: cursor.programmIndex, antragsnummer: cases.at(-1)!.antragsnummer };
    if (cases.length) {
      const rows = await linesOf(sequelize, programm.kfwProgrammnummer ?? programm.code, cases);
      return { rows, next: next.programmIndex < programmes.length ? next : null };
    }
    cursor = next;
  }
  return { rows: [], next: null };
}

type CaseRow = Pick<
  Foerderfall,
  | 'id'
  | 'antragsnummer'
  | 'zuwendungsempfaengerId'
  | 'reportingId'
  | 'status'
  | 'ersteInbetriebnahme'
>;

async function linesOf(
  sequelize: Sequelize,
  programm: string,
  cases: readonly CaseRow[],
): Promise<KfwExportRow[]> {
  const recipients = await model<Zuwendungsempfaenger>(sequelize, 'Zuwendungsempfaenger').findAll({
    where: { id: [...new Set(cases.map((fall) => fall.zuwendungsempfaengerId))] },
    attributes: ['id', 'name'],
    raw: true,
  });
  const points = await pointsInOperation(
    sequelize,
    cases.map((fall) => fall.id),
  );
  const nameOf = new Map(recipients.map((recipient) => [recipient.id, recipient.name]));
  return cases.map((fall) => ({
    programm,
    antragsnummer: fall.antragsnummer,
    zuwendungsempfaenger: nameOf.get(fall.zuwendungsempfaengerId) ?? '',
    reportingId: fall.reportingId ?? null,
    status: fall.status,
    inbetriebnahme: fall.ersteInbetriebnahme ?? null,
    ladepunkteInBetrieb: points.get(fall.id) ?? 0,
  }));
}

async function pointsInOperation(
  sequelize: Sequelize,
  caseIds: readonly string[],
): Promise<Map<string, number>> {
  const locations = await model<Standort>(sequelize, 'Standort').findAll({
    where: { foerderfallId: [...caseIds] },
    attributes: ['id', 'foerderfallId'],
    raw: true,
  });
  const caseOfLocation = new Map(
    locations.map((location) => [location.id, location.foerderfallId]),
  );
  const groups = locations.length
    ? await model<Ladesaeulengruppe>(sequelize, 'Ladesaeulengruppe').findAll({
        where: { standortId: [...caseOfLocation.keys()], inbetriebnahme: { [Op.ne]: null } },
        attributes: ['id', 'standortId', 'anzahlLadesaeulen', 'ladepunkteProSaeule'],
        raw: true,
      })
    : [];
  const materialised = groups.length
    ? ((await model<Ladepunkt>(sequelize, 'Ladepunkt').findAll({
        where: { ladesaeulengruppeId: groups.map((group) => group.id) },
        attributes: ['ladesaeulengruppeId', 'status', [fn('COUNT', col('id')), 'anzahl']],
        group: ['ladesaeulengruppeId', 'status'],
        raw: true,
      })) as unknown as { ladesaeulengruppeId: string; status: string; anzahl: number | string }[])
    : [];
  const known = new Map<string, number>();
  for (const entry of materialised) {
    const inOperation = entry.status === 'IN_BETRIEB' ? Number(entry.anzahl) : 0;
    known.set(entry.ladesaeulengruppeId, (known.get(entry.ladesaeulengruppeId) ?? 0) + inOperation);
  }
  const byCase = new Map<string, number>();
  for (const group of groups) {
    const caseId = caseOfLocation.get(group.standortId)!;
    const count = known.get(group.id) ?? group.anzahlLadesaeulen * group.ladepunkteProSaeule;
    byCase.set(caseId, (byCase.get(caseId) ?? 0) + count);
  }
  return byCase;
}
