/**
 * A case's review findings (`pruefbefund`, open and resolved) and its completion confirmation
 * (`abschlussbestaetigung`, the newest), as case detail and the applicant's data export show them. The
 * officer's login subject is shown to case officers and admins only: to an applicant it is
 * another person's data, and the finding speaks for the funding body.
 */
import { Op } from 'sequelize';
import type { Database } from '../../../../domain/index.js';

/** One finding as shown. */
export interface FindingView {
  id: string;
  foerderfallId: string;
  berichtszeitraumId: string | null;
  nutzungsberichtId: string | null;
  formId: string;
  entscheidung: string;
  feld: string;
  code: string;
  begruendung: string;
  festgestelltAm: string;
  erledigtAm: string | null;
  status: 'OFFEN' | 'ERLEDIGT';
  prueferSubjekt?: string;
}

/** The findings of the cases, open ones first, then by time and position. */
export async function findingsOf(
  db: Database,
  caseIds: string[],
  withOfficer: boolean,
): Promise<FindingView[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.models.Pruefbefund.findAll({
    where: { foerderfallId: { [Op.in]: caseIds } },
    order: [
      ['festgestelltAm', 'ASC'],
      ['userTaskKey', 'ASC'],
      ['position', 'ASC'],
    ],
  });
  const views = rows.map((row): FindingView => ({
    id: row.id,
    foerderfallId: row.foerderfallId,
    berichtszeitraumId: row.berichtszeitraumId ?? null,
    nutzungsberichtId: row.nutzungsberichtId ?? null,
    formId: row.formId,
    entscheidung: row.entscheidung,
    feld: row.feld,
    code: row.code,
    begruendung: row.begruendung,
    festgestelltAm: row.festgestelltAm.toISOString(),
    erledigtAm: row.erledigtAm ? row.erledigtAm.toISOString() : null,
    status: row.erledigtAm ? 'ERLEDIGT' : 'OFFEN',
    ...(withOfficer ? { prueferSubjekt: row.prueferSubjekt } : {}),
  }));
  return [...views.filter((v) => !v.erledigtAm), ...views.filter((v) => v.erledigtAm)];
}

/** The newest completion confirmation of each of the cases that has one, as stored. */
export async function confirmationsOf(
  db: Database,
  caseIds: string[],
): Promise<Record<string, unknown>[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.models.Abschlussbestaetigung.findAll({
    where: { foerderfallId: { [Op.in]: caseIds } },
    order: [['bestaetigtAm', 'DESC']],
  });
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!newest.has(row.foerderfallId)) newest.set(row.foerderfallId, row);
  return [...newest.values()].map((row) => row.toJSON() as Record<string, unknown>);
}
