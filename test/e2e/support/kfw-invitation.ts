/**
 * The start of scenario 1 outside the browser, as far as the web front end has no screen for it
 * yet: a KfW file lands in the platform's inbox (what the admin's upload does), and the
 * invitation mail is read from the dev mailbox.
 */
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { germanFaker, validKfwRow } from '../../../workers/kfw-import/testing/kfw-row-factory.js';
import { writeKfwWorkbook } from '../../../workers/kfw-import/testing/kfw-workbook-fixture.js';

/** Polls `check` until it returns a value (or throws after `timeoutMs`). */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Puts a KfW file with one approved application per e-mail into the inbox of `dataDir`; each
 * applied for 4 charging points (the location the suite describes has 2 groups of one column
 * with 2 points; case-validate rejects more points than were applied for).
 */
export async function dropKfwFile(dataDir: string, emails: string[]): Promise<void> {
  const faker = germanFaker(2026);
  const file = path.join(dataDir, 'antraege-e2e.xlsx');
  await writeKfwWorkbook(file, {
    rows: emails.map((email, i) =>
      validKfwRow(faker, i + 1, { antragsnummer: `E2E-${i + 1}`, email, anzahlLadepunkte: 4 }),
    ),
  });
  const inbox = path.join(dataDir, 'storage', 'kfw-inbox');
  await mkdir(inbox, { recursive: true });
  await copyFile(file, path.join(inbox, 'antraege-e2e.xlsx'));
}

/** Waits for the invitation mail to `email` in the dev mailbox; returns its link. */
export function invitationLink(dataDir: string, email: string): Promise<string> {
  const mailbox = path.join(dataDir, 'mailbox');
  return eventually(`the invitation to ${email}`, async () => {
    const files = await readdir(mailbox).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith('.eml'))) {
      const mail = await simpleParser(await readFile(path.join(mailbox, file)));
      const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
      if (!to.some((address) => address.text.includes(email))) continue;
      const link = /(https?:\/\/\S+\/einladung\/[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
      if (link) return link;
    }
    return undefined;
  });
}
