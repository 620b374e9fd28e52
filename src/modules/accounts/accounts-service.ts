import type { Db, Queryable } from '../../db/knex';
import { isUniqueViolation } from '../../db/errors';
import { readSetting, writeSetting } from '../../db/settings';
import type { Role } from '../../http/access';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors';
import * as repo from './accounts-repository';
import type { CreateUserInput, RegisterInput } from './accounts-schemas';
import type { ApiToken, User } from './accounts-types';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { digestToken, newToken } from './tokens';

const SELF_REGISTRATION = 'self_registration';
const TOKEN_USE_RESOLUTION_MS = 60_000;

export type AccountsService = ReturnType<typeof createAccountsService>;

export function createAccountsService(db: Db) {
  async function insertUnique(user: { username: string; displayName: string; passwordHash: string; role: Role }, tx: Queryable = db) {
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

  return {
    async hasUsers(): Promise<boolean> {
      return (await repo.countUsers(db)) > 0;
    },

    async selfRegistrationEnabled(): Promise<boolean> {
      return (await readSetting(db, SELF_REGISTRATION)) === 'true';
    },

    async setSelfRegistration(enabled: boolean): Promise<void> {
      await writeSetting(db, SELF_REGISTRATION, String(enabled));
    },

    /** The first account becomes admin; later ones are reviewers, and only while self-registration is on. */
    async register(input: RegisterInput): Promise<User> {
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const first = (await repo.countUsers(tx)) === 0;
        if (!first && (await readSetting(tx, SELF_REGISTRATION)) !== 'true') {
          throw new ForbiddenError('Registration is closed; ask an admin to create your account.');
        }
        const role: Role = first ? 'admin' : 'reviewer';
        return insertUnique({ username: input.username, displayName: input.displayName ?? input.username, passwordHash, role }, tx);
      });
    },

    async createUser(input: CreateUserInput): Promise<User> {
      const passwordHash = await hashPassword(input.password);
      return insertUnique({ username: input.username, displayName: input.displayName ?? input.username, passwordHash, role: input.role });
    },

    /** Same work whether or not the user exists, so timing does not reveal usernames. */
    async authenticate(username: string, password: string): Promise<User | null> {
      const user = await repo.findUserByUsername(db, username);
      const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      return user && valid && !user.disabled ? repo.withoutHash(user) : null;
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

    /** Changes a role and/or disables an account in one transaction; the last active admin cannot be demoted or disabled. */
    async updateUser(userId: number, changes: { role?: Role; disabled?: boolean }): Promise<User> {
      return db.transaction(async (tx) => {
        const user = await repo.findUserById(tx, userId);
        if (!user) throw new NotFoundError('There is no such user.');
        const losesAdmin = (changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true;
        if (losesAdmin) await ensureAnotherAdminRemains(tx, userId);
        await repo.updateUser(tx, userId, changes);
        if (changes.disabled) await repo.revokeAllTokens(tx, userId);
        return repo.withoutHash((await repo.findUserById(tx, userId))!);
      });
    },

    /** Returns the token itself once; only its digest is kept. */
    async createToken(userId: number, name: string): Promise<{ token: string; record: ApiToken }> {
      const token = newToken();
      const record = await repo.insertToken(db, { userId, name, digest: digestToken(token), prefix: token.slice(0, 10) });
      return { token, record };
    },

    listTokens(userId: number): Promise<ApiToken[]> {
      return repo.listTokens(db, userId);
    },

    async revokeToken(userId: number, tokenId: number): Promise<void> {
      const token = await repo.findTokenById(db, tokenId);
      if (!token || token.userId !== userId) throw new NotFoundError('There is no such token on your account.');
      await repo.revokeToken(db, tokenId);
    },

    async authenticateToken(token: string): Promise<User | null> {
      const found = await repo.findUserByTokenDigest(db, digestToken(token));
      if (!found || found.user.disabled) return null;
      // "Last used" to the minute: no write on every API call.
      if (!found.lastUsedAt || Date.now() - Date.parse(found.lastUsedAt) > TOKEN_USE_RESOLUTION_MS) await repo.markTokenUsed(db, found.tokenId);
      return repo.withoutHash(found.user);
    },
  };
}
