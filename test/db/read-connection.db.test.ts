/**
 * The read connection (src/db/knex.ts `openReader`): on SQLite a second connection that sees
 * every commit at once, never a write, and does not wait behind the writer's transaction.
 */
import { isPostgres, migrate, openReader } from '../../src/db/knex';
import { nowIso } from '../../src/db/time';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
});
afterEach(() => database.destroy());

const userRow = (username: string) => ({ username, display_name: username, password_hash: 'x', role: 'reviewer', created_at: nowIso(), updated_at: nowIso() });

test('when the database is PostgreSQL, then the reader is the writer’s pool itself; on SQLite it is a second connection', () => {
  const reader = openReader(database.config, database.db);
  expect(reader === database.db).toBe(isPostgres(database.db));
  if (reader !== database.db) void reader.destroy();
});

test('when the writer commits, then the read connection sees it at once, and sees nothing of a transaction still open', async () => {
  const reader = openReader(database.config, database.db);
  try {
    await database.db('users').insert(userRow('first'));
    expect((await reader('users').where({ username: 'first' })).length).toBe(1);
    await database.db.transaction(async (tx) => {
      await tx('users').insert(userRow('pending'));
      // The writer's transaction holds the writing connection; the reader answers meanwhile, from the last commit.
      expect((await reader('users').where({ username: 'pending' })).length).toBe(0);
    });
    expect((await reader('users').where({ username: 'pending' })).length).toBe(1);
  } finally {
    if (reader !== database.db) await reader.destroy();
  }
});

test('when something writes through the SQLite read connection, then SQLite refuses it', async () => {
  const reader = openReader(database.config, database.db);
  if (reader === database.db) return; // PostgreSQL: there is no separate read connection to refuse writes
  try {
    await expect(reader('users').insert(userRow('sneaky'))).rejects.toThrow(/readonly|read-only|query_only/i);
    expect(await database.db('users').where({ username: 'sneaky' })).toHaveLength(0);
  } finally {
    await reader.destroy();
  }
});
