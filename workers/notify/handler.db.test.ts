import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { createTestCase } from '../case-data/testing/case-factory.js';
import { createMailer, type Mailer } from '../runtime/mailer.js';
import { runHandler } from '../runtime/testing/run-handler.js';
import { notifyHandler } from './handler.js';
import { hashInvitationToken } from './invitation-token.js';
import { startSmtpTestServer, type SmtpTestServer } from './testing/smtp-test-server.js';

let t: TestDatabase;
let smtp: SmtpTestServer;
let mailer: Mailer;
let sent = 0;
beforeAll(async () => {
  t = await openTestDatabase();
  smtp = await startSmtpTestServer();
  mailer = createMailer({ smtpUrl: smtp.url, mailboxDir: '' });
});
afterAll(async () => {
  await mailer.close();
  await smtp.close();
  await t.close();
});

const publicUrl = 'https://foerderung.example.org';
const now = new Date('2025-02-01T09:00:00Z');

async function notify(
  variables: Record<string, unknown>,
  template: string,
  jobKey = '2251799813685249',
) {
  return runHandler(notifyHandler, variables, {
    db: t.db,
    mailer,
    publicUrl,
    clock: () => now,
    headers: { template },
    jobKey,
  });
}

describe('notify over SMTP', () => {
  it('sends an invitation whose one-time link is stored only as a hash, with an expiry', async () => {
    // given a case with its applicant
    const { fall, person } = await createTestCase(t.db);
    // when the invitation job runs
    const result = await notify({ caseId: fall.id }, 'invitation', '100');
    // then one mail reached the applicant through SMTP, in German and English
    expect(result).toEqual({ action: 'complete', variables: {} });
    const mail = (await smtp.received((sent += 1)))[sent - 1]!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(person.email);
    expect(mail.subject).toContain(`Antrag ${fall.antragsnummer}`);
    expect(mail.text).toContain('----- English -----');
    // and its link carries a token whose SHA-256 is what the database holds, valid 30 days
    const token = /\/einladung\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')?.[1];
    expect(mail.text).toContain(`${publicUrl}/einladung/${token}`);
    const [einladung] = await t.db.models.Einladung.findAll({ where: { foerderfallId: fall.id } });
    expect(einladung?.tokenHash).toBe(hashInvitationToken(token!));
    expect(JSON.stringify(einladung?.toJSON())).not.toContain(token);
    expect(einladung?.gueltigBis.toISOString()).toBe('2025-03-03T09:00:00.000Z');
  });

  it('re-sends a re-delivered invitation with the same Message-ID and only the newest link valid', async () => {
    const { fall } = await createTestCase(t.db);
    await notify({ caseId: fall.id }, 'invitation', '200');
    await notify({ caseId: fall.id }, 'invitation', '200');
    const mails = (await smtp.received((sent += 2))).slice(-2);
    expect(mails[0]!.messageId).toBe(mails[1]!.messageId);
    // both invitations carry the same creation time (the job's clock), so no order is assumed:
    // exactly one is still valid, and it is the one whose link went out last
    const invitations = await t.db.models.Einladung.findAll({ where: { foerderfallId: fall.id } });
    const valid = invitations.filter((i) => i.widerrufenAm === null);
    const revoked = invitations.filter((i) => i.widerrufenAm !== null);
    expect([valid.length, revoked.length]).toEqual([1, 1]);
    const newest = /\/einladung\/([A-Za-z0-9_-]{43})/.exec(mails[1]!.text ?? '')?.[1];
    expect(valid[0]!.tokenHash).toBe(hashInvitationToken(newest!));
  });

  it('lists the findings in a rework mail', async () => {
    const { fall } = await createTestCase(t.db);
    const findings = [
      {
        code: 'GROUP_KW_ABOVE_LIMIT',
        path: 'locations[0].groups[0].kwPerPoint',
        message: 'Die Ladeleistung ist zu hoch.',
        messageEn: 'The power is too high.',
      },
    ];
    await notify({ caseId: fall.id, findings }, 'rework');
    const mail = (await smtp.received((sent += 1)))[sent - 1]!;
    expect(mail.text).toContain('- Die Ladeleistung ist zu hoch.');
    expect(mail.text).toContain('- The power is too high.');
  });

  it.each([
    ['report-due', 'Nutzungsbericht fällig'],
    ['reminder', 'Erinnerung: Nutzungsbericht bis 12.06.2025'],
    ['overdue', 'Nutzungsbericht überfällig'],
    ['approved', 'freigegeben'],
    ['revoked', 'Widerruf der Förderung'],
    ['registration-reminder', 'Erinnerung: Registrierung'],
  ])('sends %s with the period dates', async (template, subject) => {
    const { fall } = await createTestCase(t.db);
    const period = await t.db.models.Berichtszeitraum.create({
      foerderfallId: fall.id,
      von: '2024-03-15',
      bis: '2025-03-14',
      frist: '2025-06-12',
      status: 'OFFEN',
    });
    await notify({ caseId: fall.id, periodId: period.id }, template);
    const mail = (await smtp.received((sent += 1)))[sent - 1]!;
    expect(mail.subject).toContain(subject);
  });

  it.each([
    [
      'an unknown template',
      { caseId: '0b8e4c7a-5d2f-4e1b-9c3a-7f6d5e4c3b2a' },
      'welcome',
      'Header „template“',
    ],
    ['a case template without caseId', {}, 'reminder', 'Variable „caseId“ fehlt'],
    ['snapshot-ready without snapshotId', {}, 'snapshot-ready', 'Variable „snapshotId“ fehlt'],
  ])('raises an incident for %s', async (_name, variables, template, text) => {
    const result = await notify(variables, template);
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    expect(result.action === 'fail' && result.message).toContain(text);
  });

  it('fails for a retry when the mail server is unreachable', async () => {
    const { fall } = await createTestCase(t.db);
    const down = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', mailboxDir: '' });
    const result = await runHandler(
      notifyHandler,
      { caseId: fall.id },
      {
        db: t.db,
        mailer: down,
        headers: { template: 'approved' },
        retries: 3,
      },
    );
    await down.close();
    expect(result).toMatchObject({ action: 'fail', retries: 2 });
  });
});

describe('notify without SMTP_URL', () => {
  it('keeps the mail in the dev mailbox, once per job however often delivered', async () => {
    // given a mailer without SMTP server
    const dir = await mkdtemp(path.join(tmpdir(), 'now-mailbox-'));
    const mailbox = createMailer({ mailboxDir: dir });
    const { fall } = await createTestCase(t.db);
    // when the job is delivered twice
    for (let i = 0; i < 2; i += 1) {
      await runHandler(
        notifyHandler,
        { caseId: fall.id },
        { db: t.db, mailer: mailbox, headers: { template: 'approved' }, jobKey: '300' },
      );
    }
    // then one RFC 5322 file holds the mail
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const text = await readFile(path.join(dir, files[0]!), 'utf8');
    expect(text).toMatch(/^Subject: /m);
    expect(text).toContain(`Message-ID: <300.approved.`);
    await mailbox.close();
    await rm(dir, { recursive: true, force: true });
  });
});
