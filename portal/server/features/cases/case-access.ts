/**
 * Ownership rules for Förderfälle: an applicant reaches only the cases linked to their person
 * (`person_foerderfall` via `person.oidcSubject`); case officers and admins reach every case.
 * A case the caller may not see is NOT_FOUND, exactly like a case that does not exist, so an
 * applicant never learns whether someone else's case exists.
 */
import type { Database, PersonRolle } from '../../../../domain/index.js';
import { NotFoundError } from '../../http/portal-errors.js';
import type { Principal, RealmRole } from '../../http/principal.js';

/** Roles that see every case. */
export const caseWideRoles: readonly RealmRole[] = ['case-officer', 'admin'];

/** Ownership checks over the domain database. */
export interface CaseAccess {
  /** The person record of the caller, if one is linked to their login. */
  personIdOf(principal: Principal): Promise<string | undefined>;
  /** Ids of the cases linked to the caller (applicants). */
  linkedCaseIds(principal: Principal): Promise<string[]>;
  /** The caller's roles on the case (`ANTRAGSTELLER`, ...); empty when not linked. */
  rolesOnCase(principal: Principal, caseId: string): Promise<PersonRolle[]>;
  /** Throws NOT_FOUND unless the caller may see the case (and it exists). */
  assertCaseVisible(principal: Principal, caseId: string): Promise<void>;
  /**
   * Records an officer's or admin's read of something of a case in the audit trail (DESIGN.md:
   * every officer read of a case is audited); applicants reading their own case are not.
   */
  recordCaseRead(principal: Principal, read: CaseRead): Promise<void>;
}

/** One read of a case's data: what was read (`aktion`, object) and for which request. */
export interface CaseRead {
  caseId: string;
  /** e.g. `foerderfall.personen.read`, `aufgabe.read`. */
  aktion: string;
  objektTyp: string;
  objektId: string;
  requestId: string;
}

/** The checks for `db`. */
export function createCaseAccess(db: Database): CaseAccess {
  const { Person, PersonFoerderfall, Foerderfall, AuditEvent } = db.models;
  const personIdOf = async (principal: Principal) =>
    (await Person.findOne({ where: { oidcSubject: principal.subject }, attributes: ['id'] }))?.id;
  return {
    personIdOf,
    async linkedCaseIds(principal) {
      const personId = await personIdOf(principal);
      if (!personId) return [];
      const links = await PersonFoerderfall.findAll({
        where: { personId },
        attributes: ['foerderfallId'],
      });
      return [...new Set(links.map((l) => l.foerderfallId))];
    },
    async rolesOnCase(principal, caseId) {
      const personId = await personIdOf(principal);
      if (!personId) return [];
      const links = await PersonFoerderfall.findAll({ where: { personId, foerderfallId: caseId } });
      return links.map((l) => l.rolle);
    },
    async assertCaseVisible(principal, caseId) {
      if (principal.roles.some((role) => caseWideRoles.includes(role))) {
        if (!(await Foerderfall.findByPk(caseId, { attributes: ['id'] })))
          throw new NotFoundError('Förderfall');
        return;
      }
      if ((await this.rolesOnCase(principal, caseId)).length === 0)
        throw new NotFoundError('Förderfall');
    },
    async recordCaseRead(principal, read) {
      if (!principal.roles.some((role) => caseWideRoles.includes(role))) return;
      await AuditEvent.create({
        akteurTyp: 'PERSON',
        akteurId: principal.subject,
        aktion: read.aktion,
        objektTyp: read.objektTyp,
        objektId: read.objektId,
        foerderfallId: read.caseId,
        korrelationId: read.requestId,
      });
    },
  };
}
