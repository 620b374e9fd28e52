import type session from 'express-session';
import { ANONYMOUS_SESSION_MS, KnexSessionStore } from '../../src/db/session-store';
import { housekeep } from '../../src/modules/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let store: KnexSessionStore;
beforeEach(async () => {
  database = await createTestDatabase();
  store = new KnexSessionStore(database.db);
});
afterEach(() => database.destroy());

const DAY = 24 * 60 * 60 * 1000;
const call = <T>(fn: (cb: (err?: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

function sessionData(userId: number | null, expiresInMs = 14 * DAY) {
  return {
    cookie: { expires: new Date(Date.now() + expiresInMs), originalMaxAge: expiresInMs },
    ...(userId ? { passport: { user: userId } } : {}),
  } as unknown as session.SessionData;
}

describe('KnexSessionStore', () => {
  test('when a session is stored and read back, then it round-trips and records whose it is', async () => {
    const user = (
      await database
        .db('users')
        .insert({
          username: 'sam',
          display_name: 'Sam',
          password_hash: 'x',
          role: 'reviewer',
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })
        .returning('id')
    )[0];
    const userId = Number(typeof user === 'object' ? user.id : user);
    await call((cb) => store.set('sid-1', sessionData(userId), cb));
    expect(await call((cb) => store.get('sid-1', cb))).toMatchObject({ passport: { user: userId } });
    expect(await database.db('sessions').where({ sid: 'sid-1' }).first('user_id')).toEqual({ user_id: userId });
  });

  test('when nobody is signed in to a session, then it expires within two hours whatever the cookie says', async () => {
    const before = Date.now();
    await call((cb) => store.set('anon', sessionData(null), cb));
    const row = await database.db('sessions').where({ sid: 'anon' }).first('expires_at', 'user_id');
    expect(row.user_id).toBeNull();
    expect(Number(row.expires_at)).toBeLessThanOrEqual(Date.now() + ANONYMOUS_SESSION_MS);
    expect(Number(row.expires_at)).toBeGreaterThanOrEqual(before + ANONYMOUS_SESSION_MS - 1000);
  });

  test('when a session is touched again within a minute, then the database is written once', async () => {
    await call((cb) => store.set('busy', sessionData(null), cb));
    await database.db('sessions').where({ sid: 'busy' }).update({ expires_at: 1 }); // so a write is visible
    await call((cb) => store.touch('busy', sessionData(null), cb));
    const afterFirst = Number((await database.db('sessions').where({ sid: 'busy' }).first('expires_at')).expires_at);
    expect(afterFirst).toBeGreaterThan(1);
    await database.db('sessions').where({ sid: 'busy' }).update({ expires_at: 2 });
    await call((cb) => store.touch('busy', sessionData(null), cb));
    expect(Number((await database.db('sessions').where({ sid: 'busy' }).first('expires_at')).expires_at)).toBe(2);
  });

  test('when a session has expired, then it cannot be read, and housekeeping deletes it (not a request)', async () => {
    await call((cb) => store.set('old', sessionData(null), cb));
    await call((cb) => store.set('fresh', sessionData(null), cb));
    await database
      .db('sessions')
      .where({ sid: 'old' })
      .update({ expires_at: Date.now() - 1000 });
    expect(await call((cb) => store.get('old', cb))).toBeNull();
    expect(await database.db('sessions').pluck('sid')).toHaveLength(2);
    const removed = await housekeep(database.db);
    expect(removed.sessions).toBe(1);
    expect(await database.db('sessions').pluck('sid')).toEqual(['fresh']);
  });

  test('when a session is destroyed, then its row is gone', async () => {
    await call((cb) => store.set('gone', sessionData(null), cb));
    await call((cb) => store.destroy('gone', cb));
    expect(await database.db('sessions').where({ sid: 'gone' })).toHaveLength(0);
  });
});
