import type { Db, Queryable } from '../../db/knex';
import { isUniqueViolation } from '../../db/errors';
import { readSetting, writeSetting } from '../../db/settings';
import type { Role } from './roles';
import { ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError, UnauthenticatedError, ValidationError } from '../../lib/errors';
import { parseInput } from '../../lib/parse';
import type { AccountEventKind, DomainEvents } from '../../events';
import type { AuditContext } from '../audit';
import * as attempts from './attempts-repository';
import * as repo from './accounts-repository';
import { ChangePasswordInput, CreateUserInput, RegisterInput, ResetPasswordInput, TokenNameInput } from './accounts-schemas';
import type { ApiToken, User } from './accounts-types';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { passwordWork } from './password-work';
import {
  MAX_REGISTRATIONS_PER_ADDRESS,
  REGISTRATION_WINDOW_MS,
  secondsLeftInWindow,
  SIGN_IN_WINDOW_MS,
  signInBuckets,
  type SignInClient,
} from './sign-in-limits';
import { digestToken, newToken } from './tokens';
import { RecentKeys } from '../../lib/recent-keys';
import { createBatchedLookup } from '../../lib/batched-lookup';

const SELF_REGISTRATION = 'self_registration';
const TOKEN_USE_RESOLUTION_MS = 60_000;
const CLOSED_STATE_MEMORY_MS = 1000;
const REGISTRATION_CLOSED = 'Registration is closed; ask an admin to create your account.';

export type AccountsService = ReturnType<typeof createAccountsService>;

/**
 * Accounts, passwords, tokens and sign-in. Every change is audited here, in the transaction that
 * makes it, whichever door it came through (web, API, CLI): callers pass who acts and from where.
 */
export function createAccountsService(db: Db, events: DomainEvents, readConnection: Db = db) {
  /** Sign-ins, accounts and tokens are recorded as account events (the audit log keeps them), in the caller's transaction. */
  const recordAccountEvent = (
    q: Queryable,
    kind: AccountEventKind,
    actor: AuditContext,
    subject: string | null,
    details: Record<string, unknown> | null = null,
  ) => events.record(q, { kind, actor, subject, details });

  /**
   * API requests that arrive together share one token query (see createBatchedLookup: never a
   * stale answer), on the read connection (openReader), so it does not wait behind writes.
   */
  const tokenHolder = createBatchedLookup((digests: string[]) => repo.findUsersByTokenDigests(readConnection, digests));

  async function insertUnique(tx: Queryable, user: { username: string; displayName: string; passwordHash: string; role: Role }) {
    try {
      return repo.withoutHash(await repo.insertUser(tx, user));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`The username “${user.username}” is already taken.`);
      throw error;
    }
  }

  async function ensureAnotherAdminRemains(tx: Queryable, userId: number): Promise<void> {
    const user = await repo.findUserById(tx, userId);
    if (user?.role === 'admin' && !user.disabled && (await repo.countActiveAdmins(tx)) <= 1) {
      throw new ConflictError('This is the last active admin account; make another admin first.');
    }
  }

  /**
   * Registration refused while closed: audited once per address and hour, however often it is
   * tried. The shared counter (one upsert) is consulted only the first time this instance refuses
   * an address in a window; repeats from the same address within the window touch no table, so a
   * flood of refusals costs no database writes (the path /healthz and readers share).
   */
  const refusedThisWindow = new RecentKeys(10_000);
  async function refuseRegistration(client: { ip: string | null }): Promise<never> {
    const bucket = `register-refused:${client.ip ?? 'unknown'}`;
    const now = Date.now();
    if (refusedThisWindow.add(bucket, attempts.windowStart(now, REGISTRATION_WINDOW_MS))) {
      const refusals = await attempts.reserveAttempt(db, bucket, REGISTRATION_WINDOW_MS, now);
      if (refusals === 1)
        await recordAccountEvent(db, 'registration.refused', { actorId: null, ip: client.ip }, null, {
          aggregated: 'first refusal from this address this hour',
        });
    }
    throw new ForbiddenError(REGISTRATION_CLOSED);
  }

  /**
   * Whether anyone may register now, and whether it would be the first (admin) account: one query.
   * A "closed" answer is remembered for a second, so a flood of refused registrations costs no
   * query at all; opening registration on this instance forgets it at once, on another instance
   * it shows here within the second. Nothing is decided on it alone: a registration that goes
   * ahead is checked again under the accounts lock.
   */
  let closedUntil = 0;
  async function registrationState(q: Queryable): Promise<{ firstAccount: boolean; open: boolean }> {
    if (Date.now() < closedUntil) return { firstAccount: false, open: false };
    const state = await repo.registrationState(q, SELF_REGISTRATION);
    const answer = { firstAccount: !state.hasUsers, open: state.setting === 'true' };
    if (!answer.firstAccount && !answer.open) closedUntil = Date.now() + CLOSED_STATE_MEMORY_MS;
    return answer;
  }

  return {
    async hasUsers(): Promise<boolean> {
      return (await repo.countUsers(db)) > 0;
    },

    registrationState: () => registrationState(db),

    async selfRegistrationEnabled(): Promise<boolean> {
      return (await readSetting(db, SELF_REGISTRATION)) === 'true';
    },

    async setSelfRegistration(enabled: boolean, actor: AuditContext): Promise<void> {
      await db.transaction(async (tx) => {
        if ((await readSetting(tx, SELF_REGISTRATION)) === String(enabled)) return;
        await writeSetting(tx, SELF_REGISTRATION, String(enabled));
        await recordAccountEvent(tx, 'registration.changed', actor, null, { open: enabled });
      });
      closedUntil = 0;
    },

    /**
     * The first account becomes admin; later ones are reviewers, and only while self-registration
     * is on. Cheap refusals come first (closed, too many from this address), so no password is
     * hashed for a request that cannot succeed; the rule is checked again under the accounts
     * lock, so two concurrent "first" registrations cannot both become admin.
     */
    async register(raw: unknown, client: { ip: string | null }): Promise<User> {
      const state = await registrationState(db);
      if (!state.firstAccount && !state.open) return refuseRegistration(client);
      const input = parseInput(RegisterInput, raw);
      if (client.ip && (await attempts.reserveAttempt(db, `register:${client.ip}`, REGISTRATION_WINDOW_MS)) > MAX_REGISTRATIONS_PER_ADDRESS) {
        throw new TooManyRequestsError('Too many new accounts from your address. Try again later.', secondsLeftInWindow(Date.now(), REGISTRATION_WINDOW_MS));
      }
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        await repo.lockAccounts(tx);
        const first = (await repo.countUsers(tx)) === 0;
        if (!first && (await readSetting(tx, SELF_REGISTRATION)) !== 'true') throw new ForbiddenError(REGISTRATION_CLOSED);
        const role: Role = first ? 'admin' : 'reviewer';
        const user = await insertUnique(tx, { username: input.username, displayName: input.displayName ?? input.username, passwordHash, role });
        await recordAccountEvent(tx, 'account.registered', { actorId: user.id, ip: client.ip }, user.username, { role });
        return user;
      });
    },

    async createUser(raw: CreateUserInput, actor: AuditContext): Promise<User> {
      const input = parseInput(CreateUserInput, raw);
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const user = await insertUnique(tx, { username: input.username, displayName: input.displayName ?? input.username, passwordHash, role: input.role });
        await recordAccountEvent(tx, 'account.created', actor, user.username, { role: user.role });
        return user;
      });
    },

    /**
     * Checks a password against the account, within the sign-in limits. An attempt is reserved in
     * each bucket before the password is verified (one atomic statement each), so parallel
     * attempts cannot slip past the limit. A success clears the account's (or device's) bucket
     * and gives the address its attempt back. Same work whether or not the user exists. When the
     * password queue is full the attempt is refused first (503), so it costs no counter write and
     * no one's budget.
     */
    async signIn(username: string, password: string, client: SignInClient): Promise<User | null> {
      passwordWork.refuseIfBusy();
      const now = Date.now();
      const buckets = signInBuckets(username, client);
      const counts = await Promise.all(buckets.map((bucket) => attempts.reserveAttempt(db, bucket.key, SIGN_IN_WINDOW_MS, now)));
      const over = buckets.filter((bucket, i) => counts[i] > bucket.limit);
      if (over.length > 0) {
        // One audit event per bucket and window (at the first refusal), not one per attempt.
        const firstRefusal = buckets.some((bucket, i) => counts[i] === bucket.limit + 1);
        if (firstRefusal) await recordAccountEvent(db, 'login.blocked', { actorId: null, ip: client.ip }, username, { limits: over.map((b) => b.kind) });
        const minutes = Math.ceil(secondsLeftInWindow(now, SIGN_IN_WINDOW_MS) / 60);
        throw new TooManyRequestsError(
          `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or from a browser you have signed in with before.`,
          secondsLeftInWindow(now, SIGN_IN_WINDOW_MS),
        );
      }
      const user = await repo.findUserByUsername(db, username);
      const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !valid || user.disabled) {
        await recordAccountEvent(db, 'login.failed', { actorId: null, ip: client.ip }, username);
        return null;
      }
      await attempts.clearBucket(db, buckets[0].key);
      for (const bucket of buckets.slice(1)) await attempts.refundAttempt(db, bucket.key, SIGN_IN_WINDOW_MS, now);
      await recordAccountEvent(db, 'login.succeeded', { actorId: user.id, ip: client.ip }, username);
      return repo.withoutHash(user);
    },

    async findActiveUser(id: number): Promise<User | null> {
      const user = await repo.findUserById(db, id);
      return user && !user.disabled ? repo.withoutHash(user) : null;
    },

    async findByUsername(username: string): Promise<User> {
      const user = await repo.findUserByUsername(db, username);
      if (!user) throw new NotFoundError(`There is no user “${username}”.`);
      return repo.withoutHash(user);
    },

    listUsers(): Promise<User[]> {
      return repo.listUsers(db);
    },

    /**
     * Changes a role and/or disables an account in one transaction; the last active admin cannot
     * be demoted or disabled. Disabling revokes the account's tokens and deletes its sessions, so
     * re-enabling it later brings none of them back. Each actual change is audited.
     */
    async updateUser(userId: number, changes: { role?: Role; disabled?: boolean }, actor: AuditContext): Promise<User> {
      return db.transaction(async (tx) => {
        await repo.lockAccounts(tx);
        const before = await repo.findUserById(tx, userId);
        if (!before) throw new NotFoundError('There is no such user.');
        const losesAdmin = (changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true;
        if (losesAdmin) await ensureAnotherAdminRemains(tx, userId);
        await repo.updateUser(tx, userId, changes);
        if (changes.disabled) {
          await repo.revokeAllTokens(tx, userId);
          await repo.deleteSessionsOfUser(tx, userId);
        }
        const after = repo.withoutHash((await repo.findUserById(tx, userId))!);
        if (before.role !== after.role) await recordAccountEvent(tx, 'account.role_changed', actor, after.username, { from: before.role, to: after.role });
        if (before.disabled !== after.disabled) await recordAccountEvent(tx, after.disabled ? 'account.disabled' : 'account.enabled', actor, after.username);
        return after;
      });
    },

    /** One's own password: the current one is required; every other session of the account ends. */
    async changePassword(userId: number, raw: ChangePasswordInput, keepSessionId: string | null, actor: AuditContext): Promise<void> {
      const input = parseInput(ChangePasswordInput, raw);
      const user = await repo.findUserById(db, userId);
      if (!user || user.disabled) throw new UnauthenticatedError();
      if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw new ValidationError('currentPassword: is not your current password.');
      parseInput(RegisterInput, { username: user.username, password: input.newPassword }); // the same policy as for new accounts
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, userId, { passwordHash });
        await repo.deleteSessionsOfUser(tx, userId, keepSessionId ?? undefined);
        await recordAccountEvent(tx, 'account.password_changed', actor, user.username);
      });
    },

    /** An admin sets a new password for an account; every session of that account ends. */
    async resetPassword(userId: number, raw: ResetPasswordInput, actor: AuditContext): Promise<void> {
      const input = parseInput(ResetPasswordInput, raw);
      const user = await repo.findUserById(db, userId);
      if (!user) throw new NotFoundError('There is no such user.');
      parseInput(RegisterInput, { username: user.username, password: input.password });
      const passwordHash = await hashPassword(input.password);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, userId, { passwordHash });
        await repo.deleteSessionsOfUser(tx, userId);
        await recordAccountEvent(tx, 'account.password_reset', actor, user.username);
      });
    },

    /** Returns the token itself once; only its digest is kept. */
    async createToken(userId: number, name: string, actor: AuditContext): Promise<{ token: string; record: ApiToken }> {
      const { name: tokenName } = parseInput(TokenNameInput, { name });
      const token = newToken();
      return db.transaction(async (tx) => {
        const record = await repo.insertToken(tx, { userId, name: tokenName, digest: digestToken(token), prefix: token.slice(0, 10) });
        const owner = await repo.findUserById(tx, userId);
        await recordAccountEvent(tx, 'token.created', actor, owner?.username ?? null, { tokenId: record.id, name: tokenName });
        return { token, record };
      });
    },

    listTokens(userId: number): Promise<ApiToken[]> {
      return repo.listTokens(db, userId);
    },

    async revokeToken(userId: number, tokenId: number, actor: AuditContext): Promise<void> {
      await db.transaction(async (tx) => {
        const token = await repo.findTokenById(tx, tokenId);
        if (!token || token.userId !== userId) throw new NotFoundError('There is no such token on your account.');
        if (token.revokedAt) return;
        await repo.revokeToken(tx, tokenId);
        const owner = await repo.findUserById(tx, userId);
        await recordAccountEvent(tx, 'token.revoked', actor, owner?.username ?? null, { tokenId });
      });
    },

    async authenticateToken(token: string): Promise<User | null> {
      const found = await tokenHolder(digestToken(token));
      if (!found || found.user.disabled) return null;
      // "Last used" to the minute: no write on every API call.
      if (!found.lastUsedAt || Date.now() - Date.parse(found.lastUsedAt) > TOKEN_USE_RESOLUTION_MS) await repo.markTokenUsed(db, found.tokenId);
      return repo.withoutHash(found.user);
    },
  };
}
