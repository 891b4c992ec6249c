/**
 * Password hashing with node's scrypt. The stored form `scrypt$N$r$p$salt$hash` carries its own
 * cost parameters, so the cost can be raised later and old hashes still verify.
 *
 * @example
 *   const hash = await hashPassword('geheim', productionScryptCost);
 *   await verifyPassword('geheim', hash); // true
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters. */
export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's scrypt setting N=2^15, r=8, p=3 (32 MiB per hash): the same work as N=2^17, p=1 with a
 * quarter of the memory, which matters when a wave of people logs in at once.
 */
export const productionScryptCost: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

const keyLength = 32;
const b64 = (buffer: Buffer) => buffer.toString('base64url');

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Hashes `password` with a fresh 16-byte salt. */
export async function hashPassword(password: string, cost: ScryptCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, b64(salt), b64(key)].join('$');
}

/** True when `password` matches `stored`; false for any malformed or unusable hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const expected = Buffer.from(parts[5]!, 'base64url');
  const key = await derive(password, Buffer.from(parts[4]!, 'base64url'), { N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
