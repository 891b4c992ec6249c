/**
 * The audit trail of a case: who read or changed what, and when, newest first. Actors that are
 * people are named by their account (the subject of the audit event is the account id).
 */
import { Op } from 'sequelize';
import type { Database } from '../../../../domain/index.js';

/** One entry of the trail. */
export interface AuditEntry {
  id: string;
  at: string;
  akteurTyp: string;
  akteurId: string | null;
  /** E-mail of the acting account, when the actor is a person with an account. */
  akteur: string | null;
  aktion: string;
  objektTyp: string;
  objektId: string | null;
  vorher: Record<string, unknown> | null;
  nachher: Record<string, unknown> | null;
  korrelationId: string | null;
}

/** The audit trail queries. */
export interface AuditService {
  ofCase(
    caseId: string,
    page: { from: number; limit: number; aktion?: string },
  ): Promise<{ items: AuditEntry[]; total: number }>;
}

/** Creates the service. */
export function createAuditService(db: Database): AuditService {
  const m = db.models;
  return {
    async ofCase(caseId, page) {
      const { rows, count } = await m.AuditEvent.findAndCountAll({
        where: { foerderfallId: caseId, ...(page.aktion ? { aktion: page.aktion } : {}) },
        order: [
          ['createdAt', 'DESC'],
          ['id', 'DESC'],
        ],
        offset: page.from,
        limit: page.limit,
      });
      const actorIds = [
        ...new Set(
          rows.filter((r) => r.akteurTyp === 'PERSON' && r.akteurId).map((r) => r.akteurId!),
        ),
      ];
      const accounts = actorIds.length
        ? await m.Konto.findAll({
            where: { id: { [Op.in]: actorIds } },
            attributes: ['id', 'email'],
          })
        : [];
      const emails = new Map(accounts.map((a) => [a.id, a.email]));
      return {
        total: count,
        items: rows.map((r) => ({
          id: r.id,
          at: r.createdAt.toISOString(),
          akteurTyp: r.akteurTyp,
          akteurId: r.akteurId ?? null,
          akteur: (r.akteurId && emails.get(r.akteurId)) || null,
          aktion: r.aktion,
          objektTyp: r.objektTyp,
          objektId: r.objektId ?? null,
          vorher: r.vorher ?? null,
          nachher: r.nachher ?? null,
          korrelationId: r.korrelationId ?? null,
        })),
      };
    },
  };
}
