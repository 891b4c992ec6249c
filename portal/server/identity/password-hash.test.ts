import { describe, expect, it } from 'vitest';
import { hashPassword, productionScryptCost, verifyPassword } from './password-hash.js';

describe('password hashing with scrypt', () => {
  it('verifies the right password and rejects a wrong one at production cost', async () => {
    // given a password hashed at the production cost
    const hash = await hashPassword('Ladesäule im Hof 2026', productionScryptCost);
    // then the hash names its parameters, and only the same password matches
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(await verifyPassword('Ladesäule im Hof 2026', hash)).toBe(true);
    expect(await verifyPassword('Ladesaeule im Hof 2026', hash)).toBe(false);
  });

  it('salts every hash, so equal passwords do not give equal hashes', async () => {
    const cost = { N: 1024, r: 8, p: 1 };
    expect(await hashPassword('gleich', cost)).not.toBe(await hashPassword('gleich', cost));
  });

  it('matches the same password in either Unicode normalisation', async () => {
    // given a password with an umlaut typed as one code point
    const hash = await hashPassword('Gr\u00fcn', { N: 1024, r: 8, p: 1 });
    // then the decomposed form (u + combining diaeresis) matches too
    expect(await verifyPassword('Gru\u0308n', hash)).toBe(true);
  });

  it.each([
    ['an unusable marker', '!no-password-set'],
    ['a truncated hash', 'scrypt$1024$8'],
    ['a foreign scheme', 'bcrypt$2b$10$abc'],
    ['bad parameters', 'scrypt$x$8$1$AAAA$AAAA'],
  ])('never matches %s', async (_case, stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});
