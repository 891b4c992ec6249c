/**
 * The dev mailbox: without `SMTP_URL` outside production the platform writes every e-mail as an
 * `.eml` file into `$DATA_DIR/mailbox`; admins can list and read them here. Parsed with
 * mailparser (only in development; production has no dev mailbox).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { NotFoundError } from '../../http/portal-errors.js';

/** A message in the list. */
export interface MailSummary {
  id: string;
  subject: string;
  from: string;
  to: string;
  date: string | null;
  bytes: number;
}

/** A message with its text. */
export interface MailMessageView extends MailSummary {
  text: string;
  html: string | null;
}

/** The mailbox. */
export interface MailboxService {
  list(limit: number): Promise<MailSummary[]>;
  read(id: string): Promise<MailMessageView>;
}

/** A message id is the file name: no path separators, ends in `.eml`. */
export const MAIL_ID = /^[\w.@+-]{1,200}\.eml$/;

interface Parsed {
  subject?: string;
  from?: { text: string };
  to?: { text: string } | { text: string }[];
  date?: Date;
  text?: string;
  html?: string | false;
}

async function parse(file: string): Promise<Parsed> {
  // mailparser is needed only where the dev mailbox exists (never in production).
  const { simpleParser } = (await import('mailparser')) as unknown as {
    simpleParser(source: Buffer): Promise<Parsed>;
  };
  return simpleParser(await readFile(file));
}

const addresses = (value: Parsed['to']) =>
  Array.isArray(value) ? value.map((v) => v.text).join(', ') : (value?.text ?? '');

/** Creates the mailbox over `dir` (absent: every call is 404, as if there were no mailbox). */
export function createMailboxService(dir: string | undefined): MailboxService {
  const mailbox = () => {
    if (!dir) throw new NotFoundError('Entwicklungs-Postfach');
    return dir;
  };

  async function summary(id: string): Promise<MailSummary & { parsed: Parsed }> {
    const file = path.join(mailbox(), id);
    let info;
    try {
      info = await stat(file);
    } catch {
      throw new NotFoundError('Nachricht');
    }
    const parsed = await parse(file);
    return {
      id,
      subject: parsed.subject ?? '',
      from: parsed.from?.text ?? '',
      to: addresses(parsed.to),
      date: parsed.date ? parsed.date.toISOString() : null,
      bytes: info.size,
      parsed,
    };
  }

  return {
    async list(limit) {
      let names: string[];
      try {
        names = (await readdir(mailbox())).filter((name) => MAIL_ID.test(name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      // Files are named by Message-ID, so the newest are found by their modification time.
      const timed = await Promise.all(
        names.map(async (name) => ({ name, at: (await stat(path.join(mailbox(), name))).mtimeMs })),
      );
      const newest = timed
        .sort((a, b) => b.at - a.at || a.name.localeCompare(b.name))
        .slice(0, limit)
        .map((entry) => entry.name);
      const items = await Promise.all(newest.map((name) => summary(name)));
      return items.map(({ parsed: _parsed, ...item }) => item);
    },
    async read(id) {
      const { parsed, ...item } = await summary(id);
      return { ...item, text: parsed.text ?? '', html: parsed.html || null };
    },
  };
}
