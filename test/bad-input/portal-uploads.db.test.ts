/**
 * Bad KfW uploads through the portal (`POST /api/imports`, multipart) by users logged in through
 * the real OIDC flow: each is refused with its problem, nothing reaches the object storage, no
 * business table changes, and a good upload lands in the inbox afterwards.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, demoUsers } from '../../portal/server/identity/demo-users.js';
import { BrowserClient, logIn } from '../../portal/server/testing/browser-client.js';
import { startTestPortal, type TestPortal } from '../../portal/server/testing/test-portal.js';
import { germanFaker, validKfwRow } from '../../workers/kfw-import/testing/kfw-row-factory.js';
import { writeKfwWorkbook } from '../../workers/kfw-import/testing/kfw-workbook-fixture.js';
import { openObjectStore, type ObjectStore } from '../../workers/snapshot/index.js';
import { uploadCases, type UploadCase } from './fixtures/portal-uploads.js';
import { businessChecksum } from './support/business-checksum.js';

let p: TestPortal;
let dir: string;
let storage: ObjectStore;
const users = new Map<string, BrowserClient>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'now-bad-uploads-'));
  storage = openObjectStore(`file://${dir}`);
  p = await startTestPortal({ storage, uploadLimitBytes: 256 * 1024 });
  for (const role of ['admin', 'case-officer'] as const) {
    const user = demoUsers.find((u) => u.roles.includes(role))!;
    const browser = new BrowserClient();
    await logIn(browser, p.url, user.email, demoPassword);
    users.set(role === 'admin' ? 'admin' : 'officer', browser);
  }
}, 60_000);
afterAll(async () => {
  await p?.close();
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Sends the upload with the user's cookie and the portal's Origin, as the browser would. */
async function upload(uploadCase: Pick<UploadCase, 'as' | 'send'>): Promise<Response> {
  const user = uploadCase.as === 'anonymous' ? undefined : users.get(uploadCase.as ?? 'admin');
  const cookie = user && [...user.cookies].map(([name, c]) => `${name}=${c.value}`).join('; ');
  const headers: Record<string, string> = { origin: p.url, ...(cookie ? { cookie } : {}) };
  let body: FormData | string;
  if ('raw' in uploadCase.send) {
    body = uploadCase.send.raw;
    headers['content-type'] = uploadCase.send.contentType;
  } else {
    body = new FormData();
    const { name, bytes } = uploadCase.send.file;
    body.append(uploadCase.send.field ?? 'file', new Blob([new Uint8Array(bytes)]), name);
  }
  return fetch(`${p.url}/api/imports`, { method: 'POST', headers, body });
}

describe('bad KfW uploads through the portal', () => {
  it.each(uploadCases.map((c) => [c.name, c] as const))('refuses %s', async (_name, uploadCase) => {
    // given the storage and the business tables as they are
    const before = await businessChecksum(p.t.db);
    // when the upload is sent
    const response = await upload(uploadCase);
    // then the problem names it, nothing was stored, nothing changed
    const problem = (await response.json()) as {
      code: string;
      detail?: string;
      errors?: { path: string; message: string }[];
    };
    expect({ status: response.status, code: problem.code }).toEqual({
      status: uploadCase.status,
      code: uploadCase.code,
    });
    if (uploadCase.message) {
      expect(problem.errors?.[0]?.message ?? problem.detail).toMatch(uploadCase.message);
    }
    expect(await storage.list('')).toEqual([]);
    expect(await businessChecksum(p.t.db)).toEqual(before);
  });

  it('takes a good file into the inbox afterwards', async () => {
    const file = path.join(dir, '..', `now-good-upload-${process.pid}.xlsx`);
    await writeKfwWorkbook(file, { rows: [validKfwRow(germanFaker(8), 1)] });
    const response = await upload({
      send: { file: { name: 'antraege.xlsx', bytes: await readFile(file) } },
    });
    await rm(file, { force: true });
    expect(response.status).toBe(202);
    expect((await storage.list('kfw-inbox/')).map((o) => o.key)).toEqual([
      expect.stringMatching(/^kfw-inbox\/[0-9a-f]{12}-antraege\.xlsx$/),
    ]);
  });
});
