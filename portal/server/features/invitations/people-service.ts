/** The people on a case and its open invitations; removing a person from a case. */
import { Op } from 'sequelize';
import type { Database, PersonRolle } from '../../../../domain/index.js';
import { ForbiddenError, NotFoundError } from '../../http/portal-errors.js';
import type { Principal } from '../../http/principal.js';

/** One person on a case. */
export interface CasePerson {
  linkId: string;
  personId: string;
  name: string;
  email: string;
  rolle: PersonRolle;
  registered: boolean;
}

/** One open invitation. */
export interface OpenInvitation {
  id: string;
  email: string;
  rolle: PersonRolle;
  gueltigBis: Date;
}

/** Reads and changes who is on a case. */
export interface PeopleService {
  list(caseId: string): Promise<{ people: CasePerson[]; invitations: OpenInvitation[] }>;
  /** Removes a link; applicants cannot remove the Antragsteller. */
  remove(
    caseId: string,
    linkId: string,
    principal: Principal,
    mayRemoveApplicant: boolean,
    requestId: string,
  ): Promise<void>;
}

/** Creates the service. */
export function createPeopleService(
  db: Database,
  now: () => Date = () => new Date(),
): PeopleService {
  const { PersonFoerderfall, Person, Einladung, AuditEvent } = db.models;
  return {
    async list(caseId) {
      const links = await PersonFoerderfall.findAll({
        where: { foerderfallId: caseId },
        include: [{ model: Person, as: 'person' }],
        order: [['createdAt', 'ASC']],
      });
      const invitations = await Einladung.findAll({
        where: {
          foerderfallId: caseId,
          eingeloestAm: null,
          widerrufenAm: null,
          gueltigBis: { [Op.gt]: now() },
        },
        order: [['createdAt', 'ASC']],
      });
      return {
        people: links.map((link) => {
          const person = (link as unknown as { person: InstanceType<typeof Person> }).person;
          return {
            linkId: link.id,
            personId: link.personId,
            name: `${person.vorname} ${person.nachname}`,
            email: person.email,
            rolle: link.rolle,
            registered: person.oidcSubject !== null,
          };
        }),
        invitations: invitations.map((i) => ({
          id: i.id,
          email: i.email,
          rolle: i.rolle,
          gueltigBis: i.gueltigBis,
        })),
      };
    },
    async remove(caseId, linkId, principal, mayRemoveApplicant, requestId) {
      const link = await PersonFoerderfall.findOne({
        where: { id: linkId, foerderfallId: caseId },
      });
      if (!link) throw new NotFoundError('Person am Förderfall');
      if (link.rolle === 'ANTRAGSTELLER' && !mayRemoveApplicant)
        throw new ForbiddenError(
          'Die Antragstellerin oder der Antragsteller kann nicht entfernt werden',
        );
      await link.destroy();
      await AuditEvent.create({
        akteurTyp: 'PERSON',
        akteurId: principal.subject,
        aktion: 'person_foerderfall.delete',
        objektTyp: 'person_foerderfall',
        objektId: link.id,
        foerderfallId: caseId,
        vorher: { personId: link.personId, rolle: link.rolle },
        korrelationId: requestId,
      });
    },
  };
}
