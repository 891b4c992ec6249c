/**
 * A real SMTP server (the `smtp-server` package) on a free loopback port that keeps every
 * message it receives, parsed by `mailparser`: tests send through nodemailer and read what
 * arrived.
 *
 * @example
 *   const smtp = await startSmtpTestServer();
 *   const mailer = createMailer({ smtpUrl: smtp.url, mailboxDir: '' });
 *   ...
 *   const [mail] = await smtp.received(1);
 *   await smtp.close();
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A running test server. */
export interface SmtpTestServer {
  /** `smtp://127.0.0.1:<port>` */
  readonly url: string;
  /** Resolves once at least `count` messages arrived; returns all of them in order. */
  received(count: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** Starts the server. */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const messages: ParsedMail[] = [];
  const waiting: Array<{ count: number; resolve: (mails: ParsedMail[]) => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    async onData(stream, _session, callback) {
      try {
        messages.push(await simpleParser(stream));
        for (const waiter of [...waiting]) {
          if (messages.length >= waiter.count) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve([...messages]);
          }
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received(count) {
      if (messages.length >= count) return Promise.resolve([...messages]);
      return new Promise((resolve) => waiting.push({ count, resolve }));
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
