/**
 * One-time registration tokens: 32 random bytes, base64url in the link, only the SHA-256 (hex)
 * stored (`einladung.tokenHash`), so a copy of the database opens no account.
 */
import { createHash, randomBytes } from 'node:crypto';

/** How long an invitation link stays valid. */
export const INVITATION_VALID_DAYS = 30;

/** A fresh token and the hash to store. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

/** The stored form of a token (what the portal compares when the link is opened). */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
