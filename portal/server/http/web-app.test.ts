import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspNonce, securityHeaders } from './security-headers.js';
import { webAppRoutes } from './web-app.js';

let root: string;
let server: Server;
let url: string;

beforeAll(async () => {
  // given a build of the front end with the nonce placeholder, served behind the CSP
  root = mkdtempSync(path.join(tmpdir(), 'now-web-'));
  mkdirSync(path.join(root, 'app'));
  writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><meta property="csp-nonce" nonce="__CSP_NONCE__"><div id="root"></div>',
  );
  writeFileSync(path.join(root, 'app', 'index-abc.js'), `console.log(${'"x",'.repeat(2000)}1);`);
  const app = express();
  app.use(cspNonce, securityHeaders({ https: false, formActions: [] }));
  app.get('/api/me', (_req, res) => res.json({ ok: true }));
  app.use(webAppRoutes(root));
  app.use((_req, res) => res.status(404).json({ code: 'NOT_FOUND' }));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

const page = (p: string) => fetch(`${url}${p}`, { headers: { Accept: 'text/html' } });

describe('the web front end on the portal', () => {
  it('answers a browser navigation to any page with the app, its style nonce matching the CSP', async () => {
    const first = await page('/faelle/123');
    const second = await page('/faelle/123');
    const html = await first.text();
    const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
    expect(first.status).toBe(200);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const csp = first.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    // a fresh nonce per response
    expect(await second.text()).not.toContain(nonce);
  });

  it('leaves API paths and non-HTML requests to the server', async () => {
    expect((await page('/api/unbekannt')).status).toBe(404);
    expect((await fetch(`${url}/faelle`)).status).toBe(404);
    expect(await (await page('/api/me')).json()).toEqual({ ok: true });
  });

  it('serves the bundles gzipped and cacheable for a year', async () => {
    const response = await fetch(`${url}/app/index-abc.js`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });
});
