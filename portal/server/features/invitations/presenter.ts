import type { CasePerson, OpenInvitation } from './people-service.js';

/** People and open invitations of a case as the API shows them. */
export function presentPeople(result: { people: CasePerson[]; invitations: OpenInvitation[] }) {
  return {
    people: result.people.map((p) => ({
      linkId: p.linkId,
      personId: p.personId,
      name: p.name,
      email: p.email,
      rolle: p.rolle,
      registered: p.registered,
    })),
    invitations: result.invitations.map((i) => ({
      id: i.id,
      email: i.email,
      rolle: i.rolle,
      gueltigBis: i.gueltigBis.toISOString(),
    })),
  };
}
