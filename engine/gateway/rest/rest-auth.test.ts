import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../index.js';
import { RestApiConfigError, startRestApi, type RestApi } from './index.js';

/** A stand-in identity provider: discovery document and signing keys on loopback. */
let issuer: string;
let idp: Server;
let signingKey: CryptoKey;
let engine: Engine;
let api: RestApi;
const audience = 'engine-api';

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  signingKey = privateKey;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  idp = createServer((req, res) => {
    const body =
      req.url === '/.well-known/openid-configuration'
        ? { issuer, jwks_uri: `${issuer}/jwks` }
        : req.url === '/jwks'
          ? { keys: [jwk] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  engine = await Engine.open({ file: ':memory:' });
  api = await startRestApi({ engine, host: '0.0.0.0', port: 0, auth: { issuer, audience } });
});

afterAll(async () => {
  await api?.close();
  await engine?.close();
  idp.closeAllConnections();
  await new Promise((resolve) => idp.close(resolve));
});

function token(claims: { aud?: string; iss?: string; exp?: string | number } = {}) {
  return new SignJWT({ preferred_username: 'officer-1' })
    .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
    .setIssuer(claims.iss ?? issuer)
    .setAudience(claims.aud ?? audience)
    .setIssuedAt(Math.floor(Date.UTC(2019, 11, 31) / 1000))
    .setExpirationTime(claims.exp ?? '5m')
    .sign(signingKey);
}

const topology = (authorization?: string) =>
  fetch(`http://127.0.0.1:${api.port}/v2/topology`, {
    headers: authorization ? { authorization } : {},
  });

describe('the REST API: authentication', () => {
  it('refuses to bind a non-loopback address without a token issuer', async () => {
    // when
    const started = startRestApi({ engine, host: '0.0.0.0', port: 0 });
    // then
    await expect(started).rejects.toBeInstanceOf(RestApiConfigError);
    await expect(started).rejects.toMatchObject({ code: 'INSECURE_BIND' });
  });

  it('answers a request with a token of the issuer and audience', async () => {
    // when
    const response = await topology(`Bearer ${await token()}`);
    // then
    expect(response.status).toBe(200);
    expect(((await response.json()) as { clusterSize: number }).clusterSize).toBe(1);
  });

  it.each([
    ['no token', async () => undefined, 'Bearer token'],
    ['a token for another audience', async () => `Bearer ${await token({ aud: 'portal' })}`, 'aud'],
    [
      'a token of another issuer',
      async () => `Bearer ${await token({ iss: 'https://elsewhere' })}`,
      'iss',
    ],
    [
      'an expired token',
      async () => `Bearer ${await token({ exp: Math.floor(Date.UTC(2020, 0, 1) / 1000) })}`,
      'exp',
    ],
    ['a token that is not a JWT', async () => 'Bearer not-a-jwt', 'refused'],
  ])('refuses %s with a 401 problem', async (_case, header, mentions) => {
    // when
    const response = await topology(await header());
    // then
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const problem = (await response.json()) as { title: string; detail: string };
    expect(problem.title).toBe('UNAUTHORIZED');
    expect(problem.detail).toContain(mentions);
  });
});
