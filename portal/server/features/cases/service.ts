/**
 * Case views: an applicant's Förderfälle (status, Reporting-ID, next deadline), the officers'
 * case search, and a case's detail (with its review findings, open and resolved, and its
 * completion confirmation). Every read of a case's detail is an audit event.
 */
import { Op, type WhereOptions } from 'sequelize';
import type { Database, Foerderfall } from '../../../../domain/index.js';
import type { Principal } from '../../http/principal.js';
import { caseWideRoles, type CaseAccess } from './case-access.js';
import { confirmationsOf, findingsOf } from './case-findings.js';

/** Open period statuses: their deadline is the case's next deadline. */
const openPeriods = ['OFFEN', 'ENTWURF', 'NACHFORDERUNG', 'UEBERFAELLIG'];

/** One row of a case list. */
export interface CaseSummary {
  id: string;
  antragsnummer: string;
  programm: string;
  status: string;
  reportingId: string | null;
  empfaenger: string;
  anzahlLadepunkteBeantragt: number;
  naechsteFrist: string | null;
}

/** Officer search criteria. */
export interface CaseSearch {
  q?: string;
  programm?: string;
  status?: string;
  bundesland?: string;
  from: number;
  limit: number;
}

/** The case views. */
export interface CaseService {
  mine(principal: Principal): Promise<CaseSummary[]>;
  search(criteria: CaseSearch): Promise<{ items: CaseSummary[]; total: number }>;
  /** Records an export of the search (who, which criteria, which format) in the audit trail. */
  recordExport(
    principal: Principal,
    criteria: Omit<CaseSearch, 'from' | 'limit'> & { format: string },
    requestId: string,
  ): Promise<void>;
  /** Every case matching the criteria (paging ignored), in batches, for the export. */
  searchAll(criteria: Omit<CaseSearch, 'from' | 'limit'>): AsyncIterable<CaseSummary[]>;
  detail(principal: Principal, caseId: string, requestId: string): Promise<Record<string, unknown>>;
}

const exportBatch = 500;

/** The officers' search criteria as a where clause (paths into the included models). */
function searchWhere(criteria: Omit<CaseSearch, 'from' | 'limit'>): WhereOptions {
  const where: WhereOptions[] = [];
  if (criteria.q) {
    const like = `%${criteria.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push({
      [Op.or]: [
        { antragsnummer: { [Op.like]: like } },
        { reportingId: { [Op.like]: like } },
        { '$zuwendungsempfaenger.name$': { [Op.like]: like } },
      ],
    });
  }
  if (criteria.status) where.push({ status: criteria.status });
  if (criteria.programm) where.push({ '$programm.code$': criteria.programm });
  if (criteria.bundesland) where.push({ '$zuwendungsempfaenger.bundesland$': criteria.bundesland });
  return { [Op.and]: where };
}

/** Creates the service. */
export function createCaseService(db: Database, access: CaseAccess): CaseService {
  const m = db.models;
  const include = [
    { model: m.Programm, as: 'programm', attributes: ['code'] },
    {
      model: m.Zuwendungsempfaenger,
      as: 'zuwendungsempfaenger',
      attributes: ['name', 'bundesland'],
    },
  ];

  async function summaries(rows: Foerderfall[]): Promise<CaseSummary[]> {
    const ids = rows.map((r) => r.id);
    const periods = ids.length
      ? await m.Berichtszeitraum.findAll({
          where: { foerderfallId: { [Op.in]: ids }, status: { [Op.in]: openPeriods } },
          attributes: ['foerderfallId', 'frist'],
        })
      : [];
    const next = new Map<string, string>();
    for (const p of periods) {
      const current = next.get(p.foerderfallId);
      if (!current || p.frist < current) next.set(p.foerderfallId, p.frist);
    }
    return rows.map((row) => {
      const r = row as Foerderfall & {
        programm?: { code: string };
        zuwendungsempfaenger?: { name: string };
      };
      return {
        id: r.id,
        antragsnummer: r.antragsnummer,
        programm: r.programm?.code ?? '',
        status: r.status,
        reportingId: r.reportingId ?? null,
        empfaenger: r.zuwendungsempfaenger?.name ?? '',
        anzahlLadepunkteBeantragt: r.anzahlLadepunkteBeantragt,
        naechsteFrist: next.get(r.id) ?? null,
      };
    });
  }

  return {
    async mine(principal) {
      const ids = await access.linkedCaseIds(principal);
      if (ids.length === 0) return [];
      const rows = await m.Foerderfall.findAll({
        where: { id: { [Op.in]: ids } },
        include,
        order: [['antragsnummer', 'ASC']],
      });
      return summaries(rows);
    },

    async search(criteria) {
      const { rows, count } = await m.Foerderfall.findAndCountAll({
        where: searchWhere(criteria),
        include,
        order: [['antragsnummer', 'ASC']],
        offset: criteria.from,
        limit: criteria.limit,
      });
      return { items: await summaries(rows), total: count };
    },

    async recordExport(principal, criteria, requestId) {
      await m.AuditEvent.create({
        akteurTyp: 'PERSON',
        akteurId: principal.subject,
        aktion: 'foerderfall.export',
        objektTyp: 'foerderfall-suche',
        objektId: null,
        nachher: { ...criteria },
        korrelationId: requestId,
      });
    },

    async *searchAll(criteria) {
      // Pages of 500 in a stable order, so an export of every case never holds them all.
      for (let from = 0; ; from += exportBatch) {
        const rows = await m.Foerderfall.findAll({
          where: searchWhere(criteria),
          include,
          order: [
            ['antragsnummer', 'ASC'],
            ['id', 'ASC'],
          ],
          offset: from,
          limit: exportBatch,
        });
        if (rows.length > 0) yield await summaries(rows);
        if (rows.length < exportBatch) return;
      }
    },

    async detail(principal, caseId, requestId) {
      await access.assertCaseVisible(principal, caseId);
      const fall = await m.Foerderfall.findByPk(caseId, {
        include: [
          ...include,
          {
            model: m.Standort,
            as: 'standorte',
            include: [{ model: m.Ladesaeulengruppe, as: 'ladesaeulengruppen' }],
          },
          { model: m.Berichtszeitraum, as: 'berichtszeitraeume' },
        ],
        order: [
          [{ model: m.Standort, as: 'standorte' }, 'createdAt', 'ASC'],
          [{ model: m.Berichtszeitraum, as: 'berichtszeitraeume' }, 'von', 'ASC'],
        ],
      });
      await m.AuditEvent.create({
        akteurTyp: 'PERSON',
        akteurId: principal.subject,
        aktion: 'foerderfall.read',
        objektTyp: 'foerderfall',
        objektId: caseId,
        foerderfallId: caseId,
        korrelationId: requestId,
      });
      const officer = principal.roles.some((role) => caseWideRoles.includes(role));
      const [befunde, [abschlussbestaetigung]] = await Promise.all([
        findingsOf(db, [caseId], officer),
        confirmationsOf(db, [caseId]),
      ]);
      return {
        ...(fall!.toJSON() as Record<string, unknown>),
        befunde,
        abschlussbestaetigung: abschlussbestaetigung ?? null,
      };
    },
  };
}
