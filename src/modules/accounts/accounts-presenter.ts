import type { ApiToken, User } from './accounts-types';

/** The only shape in which a user leaves the server: never a hash, never a token. */
export function userJson(user: User) {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, disabled: user.disabled, createdAt: user.createdAt };
}

export function tokenJson(token: ApiToken) {
  return { id: token.id, name: token.name, prefix: token.prefix, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt, revokedAt: token.revokedAt };
}
