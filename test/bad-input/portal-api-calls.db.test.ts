/**
 * Bad calls to the portal API, as raw HTTP with the session cookie of a user logged in through
 * the real OIDC flow (or none): each gets its problem document (status, `code`, the offending
 * part), no business table changes, and the portal answers a good call afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserClient } from '../../portal/server/testing/browser-client.js';
import { apiCases, type ApiContext, type ApiRequest } from './fixtures/portal-api-calls.js';
import { businessChecksum } from './support/business-checksum.js';
import { startPortalOnEngine, type PortalOnEngine } from './support/portal-on-engine.js';

type Problem = { code: string; errors?: { path: string; message: string }[] };
let env: PortalOnEngine;
let context: ApiContext;

beforeAll(async () => {
  env = await startPortalOnEngine();
  const filter = await env.officer.json(`${env.url}/api/task-filters`, 'POST', {
    name: 'Offene Prüfungen',
    kriterien: { candidateGroup: 'case-officer' },
  });
  context = {
    ownCaseId: env.ownCaseId,
    foreignCaseId: env.foreignCaseId,
    foreignTaskKey: await env.openTask('stammdaten', env.foreignCaseId),
    officersFilterId: (filter.body as { id: string }).id,
  };
}, 60_000);
afterAll(() => env?.close());

/** Sends the request as given, with the user's cookie and (for state changes) the portal's Origin. */
async function send(request: ApiRequest): Promise<{ status: number; body: Problem }> {
  const user: BrowserClient | undefined =
    request.as === 'anonymous' ? undefined : request.as === 'officer' ? env.officer : env.applicant;
  const cookie = user
    ? [...user.cookies].map(([name, c]) => `${name}=${c.value}`).join('; ')
    : undefined;
  const changes = request.method !== 'GET';
  const body =
    request.body === undefined
      ? undefined
      : typeof request.body === 'string'
        ? request.body
        : JSON.stringify(request.body.json);
  const response = await fetch(`${env.url}${request.path}`, {
    method: request.method,
    redirect: 'manual',
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(changes && !request.noOrigin ? { origin: env.url } : {}),
      ...(cookie ? { cookie } : {}),
      ...request.headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Problem };
}

describe('bad portal API calls', () => {
  it.each(apiCases.map((c) => [c.name, c] as const))('refuses %s', async (_name, apiCase) => {
    // given the business tables as they are
    const before = await businessChecksum(env.p.t.db);
    // when the call is made
    const answer = await send(apiCase.request(context));
    // then the problem names what is wrong, and nothing was written
    expect({ status: answer.status, code: answer.body.code }).toEqual({
      status: apiCase.status,
      code: apiCase.code,
    });
    if (apiCase.errorPath) {
      expect(answer.body.errors?.map((error) => error.path)).toContain(apiCase.errorPath);
    }
    if (apiCase.errorMessage) {
      const error = answer.body.errors?.find((e) => e.path === apiCase.errorPath);
      expect(error?.message).toMatch(apiCase.errorMessage);
    }
    expect(await businessChecksum(env.p.t.db)).toEqual(before);
  });

  it('answers good calls afterwards', async () => {
    const mine = await env.applicant.json(`${env.url}/api/cases/mine`, 'GET');
    expect(mine.status).toBe(200);
    const saved = await env.applicant.json(`${env.url}/api/task-filters`, 'POST', {
      name: 'Meine',
      kriterien: {},
    });
    expect(saved.status).toBe(201);
  });
});
