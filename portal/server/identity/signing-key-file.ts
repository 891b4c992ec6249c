/**
 * The embedded provider's signing key, kept in a file under the data directory so that tokens
 * and provider sessions survive a restart. Created on first use with mode 0600.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** Reads the private JWK from `file`, or creates it there. */
export async function loadOrCreateSigningKey(file: string): Promise<JWK> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = {
    ...(await exportJWK(privateKey)),
    alg: 'RS256',
    use: 'sig',
    kid: randomBytes(8).toString('hex'),
  };
  await mkdir(path.dirname(file), { recursive: true });
  // 'wx': two instances starting at once do not overwrite each other's key.
  try {
    await writeFile(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return JSON.parse(await readFile(file, 'utf8')) as JWK;
    throw error;
  }
  return jwk;
}
