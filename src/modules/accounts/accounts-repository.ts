import { isPostgres, type Queryable } from '../../db/knex';
import { nowIso, toIso, toIsoOrNull } from '../../db/time';
import type { Role } from './roles';
import type { ApiToken, User, UserWithHash } from './accounts-types';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  disabled_at: unknown;
  created_at: unknown;
}

interface TokenRow {
  id: number;
  user_id: number;
  name: string;
  token_prefix: string;
  created_at: unknown;
  last_used_at: unknown;
  revoked_at: unknown;
}

function toUser(row: UserRow): UserWithHash {
  return {
    id: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null && row.disabled_at !== undefined,
    createdAt: toIso(row.created_at),
    passwordHash: row.password_hash,
  };
}

function toToken(row: TokenRow): ApiToken {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    name: row.name,
    prefix: row.token_prefix,
    createdAt: toIso(row.created_at),
    lastUsedAt: toIsoOrNull(row.last_used_at),
    revokedAt: toIsoOrNull(row.revoked_at),
  };
}

export function withoutHash({ passwordHash: _hash, ...user }: UserWithHash): User {
  return user;
}

export async function countUsers(db: Queryable): Promise<number> {
  const row = await db('users').count<{ count: number | string }[]>({ count: '*' }).first();
  return Number(row?.count ?? 0);
}

/** Whether any account exists and the value of one setting, in a single round trip. */
export async function registrationState(db: Queryable, settingKey: string): Promise<{ hasUsers: boolean; setting: string | null }> {
  const row = (await db
    .select(
      db.raw('(select count(*) from (select 1 from users limit 1) as one_user) as has_users'),
      db.raw('(select value from settings where key = ?) as setting', [settingKey]),
    )
    .first()) as { has_users: number | string; setting: string | null };
  return { hasUsers: Number(row.has_users) > 0, setting: row.setting ?? null };
}

export async function insertUser(db: Queryable, user: { username: string; displayName: string; passwordHash: string; role: Role }): Promise<UserWithHash> {
  const now = nowIso();
  const rows: UserRow[] = await db('users')
    .insert({ username: user.username, display_name: user.displayName, password_hash: user.passwordHash, role: user.role, created_at: now, updated_at: now })
    .returning('*');
  return toUser(rows[0]);
}

export async function findUserById(db: Queryable, id: number): Promise<UserWithHash | null> {
  const row = await db<UserRow>('users').where({ id }).first();
  return row ? toUser(row) : null;
}

export async function findUserByUsername(db: Queryable, username: string): Promise<UserWithHash | null> {
  const row = await db<UserRow>('users').where({ username }).first();
  return row ? toUser(row) : null;
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const rows = await db<UserRow>('users').orderBy('username');
  return rows.map((row) => withoutHash(toUser(row)));
}

export async function updateUser(db: Queryable, id: number, changes: { role?: Role; disabled?: boolean; passwordHash?: string }): Promise<void> {
  const update: Record<string, unknown> = { updated_at: nowIso() };
  if (changes.role) update.role = changes.role;
  if (changes.disabled !== undefined) update.disabled_at = changes.disabled ? nowIso() : null;
  if (changes.passwordHash) update.password_hash = changes.passwordHash;
  await db('users').where({ id }).update(update);
}

export async function countActiveAdmins(db: Queryable): Promise<number> {
  const row = await db('users').where({ role: 'admin' }).whereNull('disabled_at').count<{ count: number | string }[]>({ count: '*' }).first();
  return Number(row?.count ?? 0);
}

export async function insertToken(db: Queryable, token: { userId: number; name: string; digest: string; prefix: string }): Promise<ApiToken> {
  const [row] = await db('api_tokens')
    .insert({ user_id: token.userId, name: token.name, token_hash: token.digest, token_prefix: token.prefix, created_at: nowIso() })
    .returning(['id', 'user_id', 'name', 'token_prefix', 'created_at', 'last_used_at', 'revoked_at']);
  return toToken(row as TokenRow);
}

export async function listTokens(db: Queryable, userId: number): Promise<ApiToken[]> {
  const rows = await db<TokenRow>('api_tokens')
    .select('id', 'user_id', 'name', 'token_prefix', 'created_at', 'last_used_at', 'revoked_at')
    .where({ user_id: userId })
    .orderBy('id', 'desc');
  return rows.map(toToken);
}

export async function findTokenById(db: Queryable, id: number): Promise<ApiToken | null> {
  const row = await db<TokenRow>('api_tokens').where({ id }).first();
  return row ? toToken(row) : null;
}

export interface TokenHolder {
  user: UserWithHash;
  tokenId: number;
  lastUsedAt: string | null;
}

/** The holders of the unrevoked tokens with these digests, by digest (one query for many API requests). */
export async function findUsersByTokenDigests(db: Queryable, digests: string[]): Promise<Map<string, TokenHolder>> {
  const rows: (UserRow & { token_id: number; token_hash: string; token_last_used_at: unknown })[] = await db('api_tokens')
    .join('users', 'users.id', 'api_tokens.user_id')
    .whereIn('api_tokens.token_hash', digests)
    .whereNull('api_tokens.revoked_at')
    .select('users.*', 'api_tokens.id as token_id', 'api_tokens.token_hash', 'api_tokens.last_used_at as token_last_used_at');
  return new Map(rows.map((row) => [row.token_hash, { user: toUser(row), tokenId: Number(row.token_id), lastUsedAt: toIsoOrNull(row.token_last_used_at) }]));
}

export async function markTokenUsed(db: Queryable, id: number): Promise<void> {
  await db('api_tokens').where({ id }).update({ last_used_at: nowIso() });
}

export async function revokeToken(db: Queryable, id: number): Promise<void> {
  await db('api_tokens').where({ id }).whereNull('revoked_at').update({ revoked_at: nowIso() });
}

export async function revokeAllTokens(db: Queryable, userId: number): Promise<void> {
  await db('api_tokens').where({ user_id: userId }).whereNull('revoked_at').update({ revoked_at: nowIso() });
}

/**
 * Serialises the account changes whose rule spans rows ("the first account becomes admin", "the
 * last active admin stays"): a transaction-scoped advisory lock on PostgreSQL; SQLite runs one
 * write transaction at a time already.
 */
const ACCOUNTS_LOCK = 0x4641_4331; // "FAC1"
export async function lockAccounts(tx: Queryable): Promise<void> {
  if (isPostgres(tx)) await tx.raw('select pg_advisory_xact_lock(?)', [ACCOUNTS_LOCK]);
}

/** Ends sessions of an account (all, or all but one): the rows go, so they cannot come back. */
export async function deleteSessionsOfUser(db: Queryable, userId: number, exceptSid?: string): Promise<number> {
  const query = db('sessions').where({ user_id: userId });
  if (exceptSid) query.whereNot({ sid: exceptSid });
  return query.delete();
}
