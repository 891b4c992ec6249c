/**
 * Random tokens for links sent by e-mail (verification, password reset, invitations). The link
 * carries the token; the database only its SHA-256, so a copy of the table opens nothing.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A fresh token (256 bits, base64url) and the hash to store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}

/** Hex SHA-256 of a token, as stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
