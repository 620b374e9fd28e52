import { servicesOf } from './services';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/knex';
import type { Role } from '../../src/modules/accounts';
import { type User } from '../../src/modules/accounts';
import { SYSTEM_ACTOR } from '../../src/modules/audit';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestUser extends User {
  password: string;
}

/** Creates an account straight through the service (not the HTTP layer under test). */
export async function createUser(db: Db, role: Role, username = `${role}-${randomBytes(3).toString('hex')}`): Promise<TestUser> {
  const user = await servicesOf(db).accounts.createUser({ username, password: TEST_PASSWORD, role, displayName: undefined }, SYSTEM_ACTOR);
  return { ...user, password: TEST_PASSWORD };
}

export async function createApiToken(db: Db, user: User, name = 'test token'): Promise<string> {
  return (await servicesOf(db).accounts.createToken(user.id, name, SYSTEM_ACTOR)).token;
}
