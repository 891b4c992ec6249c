/**
 * Invitations to a Förderfall: a link `PUBLIC_URL/einladung/<token>` (only the token's hash is
 * stored, with an expiry). Redeeming it after login links the account's person to the case;
 * for the applicant's own invitation the `foerderfall` process gets `applicant-registered`
 * (correlation key `caseId`). Redeeming twice is harmless: the second time only repeats the
 * message, under the same message id, which the engine ignores while the first is buffered.
 */
import { MESSAGES, type Database, type PersonRolle } from '../../../../domain/index.js';
import type { EngineClient } from '../../engine-client/engine-client.js';
import {
  ConflictError,
  DependencyUnavailableError,
  NotFoundError,
} from '../../http/portal-errors.js';
import type { Principal } from '../../http/principal.js';
import type { SendMail } from '../../identity/account-service.js';
import { newToken, tokenHash } from '../../identity/one-time-token.js';

/** Roles an applicant may invite others into. */
export const invitableRoles = ['BEVOLLMAECHTIGTER', 'ANSPRECHPARTNER', 'DIENSTLEISTER'] as const;

const day = 86_400_000;

/** The invitation service. */
export interface InvitationService {
  /** Creates an invitation and mails the link; returns its id. */
  invite(input: {
    caseId: string;
    email: string;
    rolle: PersonRolle;
    invitedBy: Principal | undefined;
    requestId: string;
  }): Promise<{ id: string; gueltigBis: Date }>;
  /** The e-mail of a redeemable invitation (for the registration page), else undefined. */
  emailOf(token: string): Promise<string | undefined>;
  /** Links the caller to the invitation's case; returns the case id. */
  redeem(token: string, principal: Principal, requestId: string): Promise<{ caseId: string }>;
  /** Withdraws an open invitation of the case. */
  withdraw(
    caseId: string,
    invitationId: string,
    principal: Principal,
    requestId: string,
  ): Promise<void>;
}

/** Dependencies of the invitation service. */
export interface InvitationDeps {
  db: Database;
  engine: EngineClient | undefined;
  sendMail: SendMail;
  publicUrl: () => string;
  /** @default 30 days */
  validityMs?: number;
  now?: () => Date;
}

/** Creates the service. */
export function createInvitationService(deps: InvitationDeps): InvitationService {
  const { Einladung, Person, PersonFoerderfall, Foerderfall, AuditEvent } = deps.db.models;
  const now = deps.now ?? (() => new Date());
  const validity = deps.validityMs ?? 30 * day;

  async function redeemable(token: string) {
    const row = await Einladung.findOne({ where: { tokenHash: tokenHash(token) } });
    if (!row || row.widerrufenAm || row.gueltigBis.getTime() < now().getTime()) return undefined;
    return row;
  }

  async function publishRegistered(caseId: string, invitationId: string) {
    if (!deps.engine) throw new DependencyUnavailableError('Engine');
    await deps.engine.publishMessage({
      name: MESSAGES.applicantRegistered.name,
      correlationKey: caseId,
      messageId: `applicant-registered:${invitationId}`,
      variables: { caseId },
    });
  }

  return {
    async invite({ caseId, email, rolle, invitedBy, requestId }) {
      const fall = await Foerderfall.findByPk(caseId, { attributes: ['id', 'antragsnummer'] });
      if (!fall) throw new NotFoundError('Förderfall');
      const inviterPersonId = invitedBy
        ? (await Person.findOne({ where: { oidcSubject: invitedBy.subject }, attributes: ['id'] }))
            ?.id
        : undefined;
      const { token, hash } = newToken();
      const row = await Einladung.create({
        foerderfallId: caseId,
        email,
        rolle,
        tokenHash: hash,
        gueltigBis: new Date(now().getTime() + validity),
        erstelltVonPersonId: inviterPersonId ?? null,
      });
      await AuditEvent.create({
        akteurTyp: invitedBy ? 'PERSON' : 'SYSTEM',
        akteurId: invitedBy?.subject ?? 'system',
        aktion: 'einladung.create',
        objektTyp: 'einladung',
        objektId: row.id,
        foerderfallId: caseId,
        nachher: { email: row.email, rolle, gueltigBis: row.gueltigBis.toISOString() },
        korrelationId: requestId,
      });
      await deps.sendMail({
        to: row.email,
        subject: `Einladung zum Förderfall ${fall.antragsnummer}`,
        text: `Guten Tag,\n\nSie wurden zum Förderfall ${fall.antragsnummer} im Förderportal Ladeinfrastruktur eingeladen.\nÜber diesen Link melden Sie sich an oder registrieren sich:\n${deps.publicUrl()}/einladung/${token}\n\nDer Link ist bis ${row.gueltigBis.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' })} gültig.`,
      });
      return { id: row.id, gueltigBis: row.gueltigBis };
    },

    async emailOf(token) {
      const row = await redeemable(token);
      return row && !row.eingeloestAm ? row.email : undefined;
    },

    async redeem(token, principal, requestId) {
      const row = await redeemable(token);
      if (!row) throw new ConflictError('INVITATION_INVALID', 'Einladung ungültig oder abgelaufen');
      const caseId = row.foerderfallId;
      await deps.db.sequelize.transaction(async (transaction) => {
        let person = await Person.findOne({
          where: { oidcSubject: principal.subject },
          transaction,
        });
        if (row.eingeloestAm) {
          // A second visit of the same link by the same person only repeats the message.
          if (person && row.eingeloestVonPersonId === person.id) return person.id;
          throw new ConflictError('INVITATION_REDEEMED', 'Diese Einladung wurde schon eingelöst');
        }
        if (!person) {
          // The imported person the invitation was sent to, if not yet tied to another login.
          const invited = await Person.findOne({
            where: { email: row.email, oidcSubject: null },
            transaction,
          });
          const linkedToCase =
            invited &&
            (await PersonFoerderfall.findOne({
              where: { personId: invited.id, foerderfallId: caseId },
              transaction,
            }));
          if (invited && linkedToCase) {
            invited.oidcSubject = principal.subject;
            invited.letzteAnmeldungAm = now();
            person = await invited.save({ transaction });
          } else {
            const [vorname, ...rest] = (principal.name ?? '').trim().split(/\s+/);
            person = await Person.create(
              {
                vorname: vorname || '-',
                nachname: rest.join(' ') || '-',
                email: principal.email ?? row.email,
                oidcSubject: principal.subject,
                letzteAnmeldungAm: now(),
              },
              { transaction },
            );
          }
        }
        const existing = await PersonFoerderfall.findOne({
          where: { personId: person.id, foerderfallId: caseId, rolle: row.rolle },
          transaction,
        });
        if (!existing)
          await PersonFoerderfall.create(
            { personId: person.id, foerderfallId: caseId, rolle: row.rolle },
            { transaction },
          );
        const [updated] = await Einladung.update(
          { eingeloestAm: now(), eingeloestVonPersonId: person.id },
          { where: { id: row.id, eingeloestAm: null }, transaction },
        );
        if (updated !== 1)
          throw new ConflictError('INVITATION_REDEEMED', 'Diese Einladung wurde schon eingelöst');
        await AuditEvent.create(
          {
            akteurTyp: 'PERSON',
            akteurId: principal.subject,
            aktion: 'einladung.redeem',
            objektTyp: 'person_foerderfall',
            objektId: person.id,
            foerderfallId: caseId,
            nachher: { personId: person.id, rolle: row.rolle },
            korrelationId: requestId,
          },
          { transaction },
        );
        return person.id;
      });
      if (row.rolle === 'ANTRAGSTELLER') await publishRegistered(caseId, row.id);
      return { caseId };
    },

    async withdraw(caseId, invitationId, principal, requestId) {
      const [updated] = await Einladung.update(
        { widerrufenAm: now() },
        {
          where: {
            id: invitationId,
            foerderfallId: caseId,
            eingeloestAm: null,
            widerrufenAm: null,
          },
        },
      );
      if (updated !== 1) throw new NotFoundError('Offene Einladung');
      await AuditEvent.create({
        akteurTyp: 'PERSON',
        akteurId: principal.subject,
        aktion: 'einladung.withdraw',
        objektTyp: 'einladung',
        objektId: invitationId,
        foerderfallId: caseId,
        korrelationId: requestId,
      });
    },
  };
}
