import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, demoUsers } from '../../identity/demo-users.js';
import { BrowserClient, logIn } from '../../testing/browser-client.js';
import { startTestPortal, type TestPortal } from '../../testing/test-portal.js';

describe('saved task filters', () => {
  let p: TestPortal;
  let officer: BrowserClient;
  let admin: BrowserClient;
  beforeAll(async () => {
    p = await startTestPortal();
    officer = new BrowserClient();
    await logIn(officer, p.url, demoUsers[1]!.email, demoPassword);
    admin = new BrowserClient();
    await logIn(admin, p.url, demoUsers[3]!.email, demoPassword);
  });
  afterAll(() => p.close());

  it('keeps filters per person on the server and lets only their owner delete them', async () => {
    // given an officer who saves a filter
    const saved = await officer.json(`${p.url}/api/task-filters`, 'POST', {
      name: 'Fällig diese Woche',
      kriterien: { candidateGroup: 'case-officer', sort: 'dueDate' },
    });
    expect(saved.status).toBe(201);
    const id = (saved.body as { id: string }).id;
    // then it is in the officer's list and not in the admin's
    expect((await officer.json(`${p.url}/api/task-filters`, 'GET')).body).toEqual([
      {
        id,
        name: 'Fällig diese Woche',
        kriterien: { candidateGroup: 'case-officer', sort: 'dueDate' },
      },
    ]);
    expect((await admin.json(`${p.url}/api/task-filters`, 'GET')).body).toEqual([]);
    // and the admin cannot delete it, the officer can
    expect((await admin.json(`${p.url}/api/task-filters/${id}`, 'DELETE')).status).toBe(404);
    expect((await officer.json(`${p.url}/api/task-filters/${id}`, 'DELETE')).status).toBe(204);
  });

  it.each([
    ['a duplicate name', { name: 'Doppelt', kriterien: {} }, 409, 'FILTER_NAME_TAKEN'],
    ['an unknown criterion', { name: 'X', kriterien: { sql: '1=1' } }, 400, 'REQUEST_INVALID'],
  ])('refuses %s', async (_case, body, status, code) => {
    await officer.json(`${p.url}/api/task-filters`, 'POST', { name: 'Doppelt', kriterien: {} });
    const answer = await officer.json(`${p.url}/api/task-filters`, 'POST', body);
    expect(answer).toMatchObject({ status, body: { code } });
  });
});
