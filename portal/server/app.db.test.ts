import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from './engine-client/engine-client.js';
import { openApiPath } from './http/openapi-document.js';
import { BrowserClient, logIn } from './testing/browser-client.js';
import { startTestPortal, type TestPortal } from './testing/test-portal.js';
import { demoPassword, demoUsers } from './identity/demo-users.js';

type OpenApi = { openapi: string; paths: Record<string, Record<string, { security?: unknown[] }>> };

describe('portal skeleton', () => {
  let p: TestPortal;
  beforeAll(async () => {
    p = await startTestPortal({ bodyLimitBytes: 2048 });
  });
  afterAll(() => p.close());

  it('answers /healthz and /readyz with the database reachable and no engine configured', async () => {
    const health = await fetch(`${p.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${p.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', engine: 'not-configured' },
    });
  });

  it('serves Prometheus metrics including request durations by route', async () => {
    await fetch(`${p.url}/healthz`);
    const metrics = await fetch(`${p.url}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toMatch(
      /now_portal_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
  });

  it('describes every mounted route in OpenAPI 3.1', async () => {
    // given the description and the routes the app mounted
    const doc = (await (await fetch(`${p.url}/api/openapi.json`)).json()) as OpenApi;
    // then each route is there with its method, and the description has no extra paths
    expect(doc.openapi).toBe('3.1.0');
    const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    const mounted = p.portal.routes().map((r) => `${r.method} ${openApiPath(r.path)}`);
    expect(described.sort()).toEqual(mounted.sort());
    expect(doc.paths['/api/me']?.get?.security).toEqual([{ bearer: [] }, { session: [] }]);
  });

  it('serves the API viewer from its own origin under a CSP without inline script', async () => {
    const page = await fetch(`${p.url}/api/docs`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="/api/docs/viewer.js">');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect((await fetch(`${p.url}/api/docs/viewer.js`)).headers.get('content-type')).toContain(
      'javascript',
    );
  });

  it.each([
    ['an unknown path', () => fetch(`${p.url}/api/gibt-es-nicht`), 404, 'NOT_FOUND'],
    ['no credentials', () => fetch(`${p.url}/api/me`), 401, 'NOT_AUTHENTICATED'],
    [
      'a malformed bearer header',
      () => fetch(`${p.url}/api/me`, { headers: { authorization: 'Basic abc' } }),
      401,
      'NOT_AUTHENTICATED',
    ],
    [
      'malformed JSON',
      () =>
        fetch(`${p.url}/api/me`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"a":',
        }),
      400,
      'MALFORMED_JSON',
    ],
    [
      'a body over the limit',
      () =>
        fetch(`${p.url}/api/me`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ x: 'a'.repeat(5000) }),
        }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])('answers %s with a problem document', async (_case, call, status, code) => {
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status, code });
  });

  it('refuses a cookie-authenticated state change from another origin', async () => {
    // given a logged-in browser
    const browser = new BrowserClient();
    await logIn(browser, p.url, demoUsers[0]!.email, demoPassword);
    // when another site makes the browser post the logout
    const forged = await browser.request(`${p.url}/auth/logout`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', accept: 'application/json' },
    });
    // then it is refused and the session still works
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.text)).toMatchObject({ code: 'CROSS_ORIGIN_REQUEST' });
    expect((await browser.json(`${p.url}/api/me`, 'GET')).status).toBe(200);
  });
});

describe('readiness with an engine', () => {
  it.each([
    ['reachable', async () => ({ brokers: [] }), 200, 'ok'],
    ['unreachable', async () => Promise.reject(new Error('UNAVAILABLE')), 503, 'failed'],
  ] as const)('reports an engine that is %s', async (_case, topology, status, outcome) => {
    // given a portal whose engine client answers or fails the topology request
    const engine: EngineClient = {
      topology,
      publishMessage: async () => undefined,
      close: async () => undefined,
    };
    const p = await startTestPortal({ engine });
    try {
      // when /readyz is asked
      const ready = await fetch(`${p.url}/readyz`);
      // then it says so
      expect(ready.status).toBe(status);
      expect(await ready.json()).toMatchObject({ checks: { database: 'ok', engine: outcome } });
    } finally {
      await p.close();
    }
  });
});

describe('rate limits', () => {
  it('answers 429 with RATE_LIMITED once the login budget of an address is spent', async () => {
    // given a portal that allows three login attempts per window
    const p = await startTestPortal({ rateLimits: { login: { limit: 3, windowMs: 60_000 } } });
    try {
      // when a fourth login is started from the same address
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await fetch(`${p.url}/auth/login`, { redirect: 'manual' });
        statuses.push(response.status);
      }
      // then the first three go to the provider and the fourth is refused with a problem
      expect(statuses).toEqual([303, 303, 303, 429]);
      const refused = await fetch(`${p.url}/auth/login`, { redirect: 'manual' });
      expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect(refused.headers.get('ratelimit-policy')).toContain('3');
    } finally {
      await p.close();
    }
  });

  it('limits API calls per user', async () => {
    // given a portal that allows two API calls per user and window
    const p = await startTestPortal({ rateLimits: { perUser: { limit: 2, windowMs: 60_000 } } });
    try {
      const browser = new BrowserClient();
      // (the login's own /api/me is the first call)
      await logIn(browser, p.url, demoUsers[1]!.email, demoPassword);
      // when the user calls twice more
      const second = await browser.json(`${p.url}/api/me`, 'GET');
      const third = await browser.json(`${p.url}/api/me`, 'GET');
      // then the third call of the window is refused
      expect([second.status, third.status]).toEqual([200, 429]);
    } finally {
      await p.close();
    }
  });
});
