/**
 * Where e-mails go: an SMTP server (`SMTP_URL`) through nodemailer, or, for development, a
 * mailbox directory of `.eml` files (`$DATA_DIR/mailbox`) that the portal can show.
 *
 * @example
 *   const mailer = createMailer({ smtpUrl: config.smtpUrl, mailboxDir: 'var/mailbox', from });
 *   await mailer.send({ to: 'a@example.org', subject: 'Hallo', text: '...', messageId });
 *   await mailer.close();
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

/** One e-mail. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /**
   * A stable id (`<...@host>`): a job delivered twice sends the same Message-ID, so receiving
   * systems and the dev mailbox can recognise the duplicate.
   */
  readonly messageId: string;
  /** `de` or `en`. */
  readonly language: string;
}

/** Sends e-mails. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link createMailer}. */
export interface MailerOptions {
  /** `smtp://user:pass@host:port` or `smtps://...`; unset: the dev mailbox. */
  smtpUrl?: string | undefined;
  /** Directory of the dev mailbox (one `.eml` file per message). */
  mailboxDir: string;
  /** @default 'Förderplattform <noreply@localhost>' */
  from?: string;
}

/** A mailer for the configured target. */
export function createMailer(options: MailerOptions): Mailer {
  const from = options.from ?? 'Förderplattform <noreply@localhost>';
  if (options.smtpUrl) return smtpMailer(nodemailer.createTransport(options.smtpUrl), from);
  return mailboxMailer(options.mailboxDir, from);
}

function smtpMailer(transport: Transporter, from: string): Mailer {
  return {
    async send(message) {
      await transport.sendMail(mailOf(message, from));
    },
    async close() {
      transport.close();
    },
  };
}

function mailboxMailer(dir: string, from: string): Mailer {
  // nodemailer's stream transport renders the full RFC 5322 message without sending it.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    async send(message) {
      const info = await transport.sendMail(mailOf(message, from));
      await mkdir(dir, { recursive: true });
      // named by Message-ID: a re-delivered job overwrites its own mail instead of adding one
      const name = message.messageId.replace(/[^A-Za-z0-9.@-]/g, '_');
      await writeFile(path.join(dir, `${name}.eml`), info.message as Buffer);
    },
    async close() {
      transport.close();
    },
  };
}

function mailOf(message: MailMessage, from: string) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    messageId: message.messageId,
    headers: { 'Content-Language': message.language },
  };
}
