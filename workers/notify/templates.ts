/**
 * The e-mail texts of the `notify` worker, German first and English second in one message
 * (the domain stores no preferred language per person, and the platform speaks German first).
 * Plain text only: no HTML to get wrong in a screen reader or a corporate mail filter.
 *
 * @example
 *   const mail = renderMail('invitation', { antragsnummer: 'A-1', link: 'https://.../einladung/...' });
 *   mail.subject; // 'Einladung zur Berichterstattung, Antrag A-1 / Invitation to report, application A-1'
 */
import type { NotifyTemplate } from '../../domain/index.js';

/** What a text may mention; absent values are left out. */
export interface MailData {
  antragsnummer?: string | undefined;
  reportingId?: string | null | undefined;
  /** Registration link with the one-time token (invitation). */
  link?: string | undefined;
  /** Link to the portal. */
  portalUrl?: string | undefined;
  /** Valid until (invitation), `YYYY-MM-DD`. */
  validUntil?: string | undefined;
  periodFrom?: string | undefined;
  periodTo?: string | undefined;
  deadline?: string | undefined;
  findings?: readonly { message: string; messageEn?: string; path?: string }[] | undefined;
  snapshotId?: string | undefined;
}

/** A rendered e-mail. */
export interface RenderedMail {
  subject: string;
  text: string;
}

interface Text {
  subject: string;
  body: string[];
}

const de = (date: string | undefined) =>
  date ? date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3.$2.$1') : '';

const texts: Record<NotifyTemplate, (d: MailData) => { de: Text; en: Text }> = {
  invitation: (d) => ({
    de: {
      subject: `Einladung zur Berichterstattung, Antrag ${d.antragsnummer}`,
      body: [
        `für Ihren geförderten Antrag ${d.antragsnummer} berichten Sie künftig über die Förderplattform.`,
        `Bitte registrieren Sie sich über diesen persönlichen Link (gültig bis ${de(d.validUntil)}, nur einmal verwendbar):`,
        `${d.link}`,
      ],
    },
    en: {
      subject: `Invitation to report, application ${d.antragsnummer}`,
      body: [
        `for your funded application ${d.antragsnummer} you will report through the funding platform.`,
        `Please register with this personal link (valid until ${d.validUntil}, usable once):`,
        `${d.link}`,
      ],
    },
  }),
  'registration-reminder': (d) => ({
    de: {
      subject: `Erinnerung: Registrierung für Antrag ${d.antragsnummer}`,
      body: [
        `Sie haben sich für Ihren Antrag ${d.antragsnummer} noch nicht registriert.`,
        'Bitte nutzen Sie den Link aus unserer Einladung. Ist er abgelaufen, antworten Sie auf diese E-Mail.',
      ],
    },
    en: {
      subject: `Reminder: registration for application ${d.antragsnummer}`,
      body: [
        `You have not registered for your application ${d.antragsnummer} yet.`,
        'Please use the link from our invitation. If it has expired, reply to this e-mail.',
      ],
    },
  }),
  'report-due': (d) => ({
    de: {
      subject: `Nutzungsbericht fällig, Antrag ${d.antragsnummer}`,
      body: [
        `der Berichtszeitraum ${de(d.periodFrom)} bis ${de(d.periodTo)} ist beendet.`,
        `Bitte reichen Sie Ihren Nutzungsbericht bis ${de(d.deadline)} ein: ${d.portalUrl}`,
      ],
    },
    en: {
      subject: `Usage report due, application ${d.antragsnummer}`,
      body: [
        `the reporting period ${d.periodFrom} to ${d.periodTo} has ended.`,
        `Please submit your usage report by ${d.deadline}: ${d.portalUrl}`,
      ],
    },
  }),
  reminder: (d) => ({
    de: {
      subject: `Erinnerung: Nutzungsbericht bis ${de(d.deadline)}, Antrag ${d.antragsnummer}`,
      body: [
        `Ihr Nutzungsbericht für ${de(d.periodFrom)} bis ${de(d.periodTo)} ist bis ${de(d.deadline)} einzureichen.`,
        `${d.portalUrl}`,
      ],
    },
    en: {
      subject: `Reminder: usage report due ${d.deadline}, application ${d.antragsnummer}`,
      body: [
        `Your usage report for ${d.periodFrom} to ${d.periodTo} is due by ${d.deadline}.`,
        `${d.portalUrl}`,
      ],
    },
  }),
  overdue: (d) => ({
    de: {
      subject: `Nutzungsbericht überfällig, Antrag ${d.antragsnummer}`,
      body: [
        `die Frist für Ihren Nutzungsbericht (${de(d.periodFrom)} bis ${de(d.periodTo)}) ist am ${de(d.deadline)} abgelaufen.`,
        `Bitte reichen Sie ihn umgehend ein: ${d.portalUrl}`,
      ],
    },
    en: {
      subject: `Usage report overdue, application ${d.antragsnummer}`,
      body: [
        `the deadline for your usage report (${d.periodFrom} to ${d.periodTo}) passed on ${d.deadline}.`,
        `Please submit it now: ${d.portalUrl}`,
      ],
    },
  }),
  rework: (d) => ({
    de: {
      subject: `Nachbesserung erforderlich, Antrag ${d.antragsnummer}`,
      body: [
        'Ihre Angaben müssen nachgebessert werden:',
        ...(d.findings ?? []).map((f) => `- ${f.message}`),
        `${d.portalUrl}`,
      ],
    },
    en: {
      subject: `Rework needed, application ${d.antragsnummer}`,
      body: [
        'Your entries need rework:',
        ...(d.findings ?? []).map((f) => `- ${f.messageEn ?? f.message}`),
        `${d.portalUrl}`,
      ],
    },
  }),
  approved: (d) => ({
    de: {
      subject: `Angaben geprüft und freigegeben, Antrag ${d.antragsnummer}`,
      body: [
        `Ihre Angaben zu Antrag ${d.antragsnummer} wurden geprüft und freigegeben.`,
        ...(d.reportingId ? [`Ihre Reporting-ID: ${d.reportingId}`] : []),
      ],
    },
    en: {
      subject: `Entries checked and approved, application ${d.antragsnummer}`,
      body: [
        `Your entries for application ${d.antragsnummer} have been checked and approved.`,
        ...(d.reportingId ? [`Your Reporting-ID: ${d.reportingId}`] : []),
      ],
    },
  }),
  revoked: (d) => ({
    de: {
      subject: `Widerruf der Förderung, Antrag ${d.antragsnummer}`,
      body: [
        `die Förderung zu Antrag ${d.antragsnummer} wurde widerrufen. Laufende Berichtspflichten entfallen.`,
        'Den Bescheid erhalten Sie gesondert.',
      ],
    },
    en: {
      subject: `Funding revoked, application ${d.antragsnummer}`,
      body: [
        `the funding for application ${d.antragsnummer} has been revoked. Pending reports are no longer due.`,
        'You will receive the formal notice separately.',
      ],
    },
  }),
  'snapshot-ready': (d) => ({
    de: {
      subject: `Anonymisierter Snapshot ${d.snapshotId} bereit`,
      body: [`der anonymisierte Snapshot ${d.snapshotId} steht bereit: ${d.portalUrl}`],
    },
    en: {
      subject: `Anonymised snapshot ${d.snapshotId} ready`,
      body: [`the anonymised snapshot ${d.snapshotId} is ready: ${d.portalUrl}`],
    },
  }),
};

/** The subject and text of a template in German and English. */
export function renderMail(template: NotifyTemplate, data: MailData): RenderedMail {
  const { de: german, en } = texts[template](data);
  return {
    subject: `${german.subject} / ${en.subject}`,
    text: [
      'Guten Tag,',
      '',
      ...german.body,
      '',
      'Mit freundlichen Grüßen',
      'Ihre Förderplattform',
      '',
      '----- English -----',
      '',
      'Hello,',
      '',
      ...en.body,
      '',
      'Kind regards',
      'Your funding platform',
      '',
    ].join('\n'),
  };
}
