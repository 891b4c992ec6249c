import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSigningKey } from './signing-key-file.js';

describe('the signing key file of the embedded provider', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates a private RS256 key readable only by the owner, and returns the same key after a restart', async () => {
    // given an empty data directory
    dir = await mkdtemp(path.join(tmpdir(), 'now-key-'));
    const file = path.join(dir, 'oidc', 'signing-key.json');
    // when the key is asked for twice (two starts)
    const first = await loadOrCreateSigningKey(file);
    const second = await loadOrCreateSigningKey(file);
    // then it is the same private key, stored with mode 0600
    expect(first).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(first.d).toMatch(/^[A-Za-z0-9_-]{100,}$/); // the private exponent, base64url
    expect(second.kid).toBe(first.kid);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
