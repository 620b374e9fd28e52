import { createHash, randomBytes } from 'node:crypto';

/** API tokens: 32 random bytes shown once; only a SHA-256 digest is stored (a token has full entropy, so no KDF is needed). */
export const TOKEN_PREFIX = 'fl_';

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function digestToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
