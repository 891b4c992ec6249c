/** The dev mailbox over HTTP: admins list and read the `.eml` files; without a mailbox, 404. */
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, demoUsers } from '../../identity/demo-users.js';
import { accessTokenFor } from '../../testing/api-token.js';
import { startTestPortal, type TestPortal } from '../../testing/test-portal.js';

const secret = 'mailbox-secret';
const email = (role: string) => demoUsers.find((u) => u.roles[0] === role)!.email;

/** Renders a message as the platform's mailbox mailer does (nodemailer's stream transport). */
async function eml(subject: string, to: string, text: string): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail({ from: 'portal@now.test', to, subject, text });
  return info.message as Buffer;
}

describe('dev mailbox', () => {
  let dir: string;
  let withMailbox: TestPortal;
  let without: TestPortal;
  let admin: string;

  const get = async (p: TestPortal, apiPath: string, token: string) => {
    const response = await fetch(`${p.url}${apiPath}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'now-mailbox-'));
    await writeFile(
      path.join(dir, 'einladung-1@now.test.eml'),
      await eml(
        'Einladung zu Ihrem Förderfall',
        'anna@example.org',
        'Bitte registrieren Sie sich.',
      ),
    );
    await utimes(path.join(dir, 'einladung-1@now.test.eml'), new Date(1000), new Date(1000));
    await writeFile(
      path.join(dir, 'erinnerung-2@now.test.eml'),
      await eml('Erinnerung: Bericht fällig', 'bert@example.org', 'Der Bericht ist fällig.'),
    );
    await writeFile(path.join(dir, 'notizen.txt'), 'keine E-Mail');
    withMailbox = await startTestPortal({
      identity: { kind: 'embedded', clientSecret: secret },
      mailboxDir: dir,
    });
    without = await startTestPortal({ identity: { kind: 'embedded', clientSecret: secret } });
    admin = await accessTokenFor(withMailbox.url, secret, email('admin'), demoPassword);
  });
  afterAll(async () => {
    await withMailbox?.close();
    await without?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the e-mails newest first and shows one with its text', async () => {
    // when the admin opens the mailbox and the first message
    const list = await get(withMailbox, '/api/dev-mailbox', admin);
    const one = await get(withMailbox, `/api/dev-mailbox/${list.body[1].id}`, admin);
    // then both e-mails are listed, decoded, the newer first; other files are left out
    expect(list.status).toBe(200);
    expect(list.body.map((m: { subject: string }) => m.subject)).toEqual([
      'Erinnerung: Bericht fällig',
      'Einladung zu Ihrem Förderfall',
    ]);
    expect(one.body).toMatchObject({
      id: 'einladung-1@now.test.eml',
      to: 'anna@example.org',
      from: 'portal@now.test',
    });
    expect(one.body.text).toContain('Bitte registrieren Sie sich.');
  });

  it('answers 404 for a missing message, a path outside the mailbox and without a mailbox', async () => {
    expect((await get(withMailbox, '/api/dev-mailbox/fehlt@now.test.eml', admin)).status).toBe(404);
    expect((await get(withMailbox, '/api/dev-mailbox/..%2Fgeheim.eml', admin)).status).toBe(400);
    const otherAdmin = await accessTokenFor(without.url, secret, email('admin'), demoPassword);
    expect((await get(without, '/api/dev-mailbox', otherAdmin)).status).toBe(404);
    const analyst = await accessTokenFor(withMailbox.url, secret, email('analyst'), demoPassword);
    expect((await get(withMailbox, '/api/dev-mailbox', analyst)).status).toBe(403);
  });
});
