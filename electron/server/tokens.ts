/**
 * Access tokens: 32 random bytes, shown once to the administrator and stored only as a SHA-256
 * hash (a token is as random as a key, so a plain hash is enough and lookups stay fast).
 */
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'apx_';

/** A new random token. */
export function newToken(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
