/**
 * Bad form submissions through the portal API (`POST /api/tasks/:key/completion`) on user tasks
 * of the real embedded engine, by users logged in through the real OIDC flow. Each is refused
 * with 400 REQUEST_INVALID naming the field (`/body/data/...`), the task stays open, no business
 * table changes; the good example completes the task afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserClient } from '../../portal/server/testing/browser-client.js';
import { exampleOf, formCases } from './fixtures/form-submissions.js';
import { businessChecksum } from './support/business-checksum.js';
import { startPortalOnEngine, type PortalOnEngine } from './support/portal-on-engine.js';

type Problem = { code: string; errors?: { path: string; message: string }[] };
let env: PortalOnEngine;
const tasks = new Map<string, { key: string; user: BrowserClient }>();

beforeAll(async () => {
  env = await startPortalOnEngine();
  tasks.set('stammdaten', {
    key: await env.openTask('stammdaten', env.ownCaseId),
    user: env.applicant,
  });
  tasks.set('pruefung', {
    key: await env.openTask('pruefung', env.ownCaseId, 'case-officer'),
    user: env.officer,
  });
}, 60_000);
afterAll(() => env?.close());

describe('bad form submissions', () => {
  it.each(formCases.map((c) => [c.name, c] as const))('refuses %s', async (_name, formCase) => {
    // given the open task of the form and the business tables as they are
    const task = tasks.get(formCase.formId)!;
    const before = await businessChecksum(env.p.t.db);
    // when the bad data is submitted
    const answer = await task.user.json(`${env.url}/api/tasks/${task.key}/completion`, 'POST', {
      data: formCase.data(),
    });
    // then the field is named, the task is still open, and nothing was written
    expect(answer.status).toBe(400);
    const problem = answer.body as Problem;
    expect(problem.code).toBe('REQUEST_INVALID');
    for (const expected of formCase.errors) {
      expect(problem.errors).toContainEqual({
        path: expected.path,
        message: expect.stringMatching(expected.message),
      });
    }
    const open = await task.user.json(`${env.url}/api/tasks/${task.key}`, 'GET');
    expect(open.body).toMatchObject({ task: { state: 'CREATED' } });
    expect(await businessChecksum(env.p.t.db)).toEqual(before);
  });

  it('completes each task with its valid example afterwards', async () => {
    for (const [formId, task] of tasks) {
      const answer = await task.user.json(`${env.url}/api/tasks/${task.key}/completion`, 'POST', {
        data: exampleOf(formId),
      });
      expect(answer).toMatchObject({ status: 200, body: { alreadyCompleted: false } });
    }
  });
});
