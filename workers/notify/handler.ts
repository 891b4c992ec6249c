/**
 * `notify`: sends the e-mail named by the task header `template` (German and English in one
 * message) to the people of the case (`caseId`), or to the analysts for `snapshot-ready`.
 *
 * - `invitation` creates a one-time registration link `PUBLIC_URL/einladung/<token>`, valid for
 *   30 days; only the token's SHA-256 is stored (table `einladung`).
 * - Idempotency: every mail of a job carries a Message-ID derived from the job key and the
 *   recipient, so a re-delivered job sends the same message again (the dev mailbox keeps one
 *   copy, mail systems can drop the duplicate). A re-delivered invitation job withdraws the
 *   invitations it created before and issues a fresh link, so exactly one link of that job is
 *   valid: the one in the latest mail.
 * - A failing mail server fails the job with a retry (transient); a case without any e-mail
 *   address raises an incident.
 */
import { createHash } from 'node:crypto';
import { Op } from 'sequelize';
import { z } from 'zod';
import {
  JOB_TYPES,
  NOTIFY_TEMPLATES,
  VARIABLES,
  type Database,
  type NotifyTemplate,
} from '../../domain/index.js';
import { auditWorkerChange } from '../runtime/audit.js';
import {
  complete,
  defineJobHandler,
  failPermanently,
  type JobContext,
} from '../runtime/job-handler.js';
import { INVITATION_VALID_DAYS, newInvitationToken } from './invitation-token.js';
import { renderMail, type MailData } from './templates.js';

const finding = z.looseObject({
  message: z.string(),
  messageEn: z.string().optional(),
  path: z.string().optional(),
});

/** Variables the job may read (all optional; the template decides which it needs). */
export const notifyVariables = z.object({
  [VARIABLES.caseId]: z.uuid().nullish(),
  [VARIABLES.periodId]: z.uuid().nullish(),
  [VARIABLES.snapshotId]: z.string().min(1).nullish(),
  [VARIABLES.importRunId]: z.string().min(1).nullish(),
  [VARIABLES.findings]: z.array(finding).nullish(),
});
/** Task headers the job reads. */
export const notifyHeaders = z.object({
  template: z.enum(Object.values(NOTIFY_TEMPLATES) as [NotifyTemplate, ...NotifyTemplate[]]),
});

type Variables = z.infer<typeof notifyVariables>;

interface Recipient {
  email: string;
  personId?: string;
}

/** The `notify` handler. */
export const notifyHandler = defineJobHandler({
  jobType: JOB_TYPES.notify,
  variables: notifyVariables,
  headers: notifyHeaders,
  async handle({ variables, headers }, context) {
    const template = headers.template;
    const portalUrl = `${context.publicUrl}/`;
    if (template === NOTIFY_TEMPLATES.snapshotReady) {
      if (!variables.snapshotId) {
        return failPermanently('Variable „snapshotId“ fehlt für die Vorlage snapshot-ready');
      }
      const analysts = await analystsOf(context.db);
      if (analysts.length === 0) {
        context.logger.warn({ template }, 'no analyst account to notify');
        return complete();
      }
      await sendAll(context, template, analysts, () => ({
        snapshotId: variables.snapshotId!,
        portalUrl,
      }));
      return complete();
    }
    if (!variables.caseId) {
      return failPermanently(`Variable „caseId“ fehlt für die Vorlage ${template}`);
    }
    const fall = await context.db.models.Foerderfall.findByPk(variables.caseId);
    if (!fall) return failPermanently(`Förderfall ${variables.caseId} nicht gefunden`);
    const people = await peopleOf(context.db, fall.id);
    if (people.length === 0) {
      return failPermanently(
        `Förderfall ${fall.id} (Antrag ${fall.antragsnummer}) hat keine Person mit E-Mail-Adresse: bitte Kontakt in den Stammdaten ergänzen`,
      );
    }
    const data: MailData = {
      antragsnummer: fall.antragsnummer,
      reportingId: fall.reportingId,
      portalUrl,
      findings: variables.findings ?? undefined,
      ...(await periodData(context.db, variables)),
    };
    if (template === NOTIFY_TEMPLATES.invitation) {
      const links = await issueInvitations(context, fall.id, people);
      await sendAll(context, template, people, (recipient) => ({
        ...data,
        ...links.get(recipient.email),
      }));
      return complete();
    }
    await sendAll(context, template, people, () => data);
    return complete();
  },
});

async function sendAll(
  context: JobContext,
  template: NotifyTemplate,
  recipients: readonly Recipient[],
  dataOf: (recipient: Recipient) => MailData,
): Promise<void> {
  for (const recipient of recipients) {
    const mail = renderMail(template, dataOf(recipient));
    const recipientId = createHash('sha256').update(recipient.email).digest('hex').slice(0, 12);
    await context.mailer.send({
      to: recipient.email,
      subject: mail.subject,
      text: mail.text,
      language: 'de',
      messageId: `<${context.job.key}.${template}.${recipientId}@now-funding-platform>`,
    });
  }
}

/** The distinct e-mail addresses of the people linked to the case. */
async function peopleOf(db: Database, caseId: string): Promise<Recipient[]> {
  const links = await db.models.PersonFoerderfall.findAll({ where: { foerderfallId: caseId } });
  if (links.length === 0) return [];
  const persons = await db.models.Person.findAll({
    where: { id: links.map((link) => link.personId) },
    order: [['email', 'ASC']],
  });
  const seen = new Set<string>();
  return persons.flatMap((person) => {
    const email = person.email.trim().toLowerCase();
    if (!email || seen.has(email)) return [];
    seen.add(email);
    return [{ email, personId: person.id }];
  });
}

/** Accounts with the analyst role that are not locked. */
async function analystsOf(db: Database): Promise<Recipient[]> {
  const accounts = await db.models.Konto.findAll({
    // rollen is JSON text: narrow in SQL, then check the parsed list
    where: { gesperrtAm: null, rollen: { [Op.like]: '%"analyst"%' } } as never,
    order: [['email', 'ASC']],
  });
  return accounts
    .filter((account) => account.rollen.includes('analyst'))
    .map((account) => ({ email: account.email }));
}

async function periodData(db: Database, variables: Variables): Promise<MailData> {
  if (!variables.periodId) return {};
  const period = await db.models.Berichtszeitraum.findByPk(variables.periodId);
  return period ? { periodFrom: period.von, periodTo: period.bis, deadline: period.frist } : {};
}

/**
 * One fresh invitation per recipient; invitations this job created on an earlier delivery are
 * withdrawn first (found by the job key in the audit log), so only the newest link works.
 */
async function issueInvitations(
  context: JobContext,
  caseId: string,
  people: readonly Recipient[],
): Promise<Map<string, MailData>> {
  const { db, job, clock, publicUrl } = context;
  const links = new Map<string, MailData>();
  await db.sequelize.transaction(async (transaction) => {
    const earlier = await db.models.AuditEvent.findAll({
      where: { korrelationId: job.key, aktion: 'einladung.erstellt', foerderfallId: caseId },
      transaction,
    });
    if (earlier.length) {
      await db.models.Einladung.update(
        { widerrufenAm: clock() },
        {
          where: {
            id: earlier.map((event) => event.objektId!),
            eingeloestAm: null,
            widerrufenAm: null,
          },
          transaction,
        },
      );
    }
    const validUntil = new Date(clock().getTime() + INVITATION_VALID_DAYS * 86_400_000);
    for (const person of people) {
      const { token, tokenHash } = newInvitationToken();
      const einladung = await db.models.Einladung.create(
        {
          foerderfallId: caseId,
          email: person.email,
          rolle: 'ANTRAGSTELLER',
          tokenHash,
          gueltigBis: validUntil,
        },
        { transaction },
      );
      await auditWorkerChange(
        db,
        job,
        {
          aktion: 'einladung.erstellt',
          objektTyp: 'einladung',
          objektId: einladung.id,
          foerderfallId: caseId,
          nachher: { email: person.email, gueltigBis: validUntil.toISOString() },
        },
        transaction,
      );
      links.set(person.email, {
        link: `${publicUrl}/einladung/${token}`,
        validUntil: validUntil.toISOString().slice(0, 10),
      });
    }
  });
  return links;
}
