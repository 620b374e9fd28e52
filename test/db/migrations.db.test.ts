import { migrate, rollbackAll } from '../../src/db/knex';
import type { Knex } from 'knex';
import { openDb } from '../../src/db/knex';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

describe('migrations', () => {
  test('when migrations run again, then nothing changes; rolled back, every table goes; re-applied, they return', async () => {
    await migrate(database.db);
    const tables = ['users', 'sessions', 'api_tokens', 'settings', 'articles', 'article_blocks', 'sentences', 'claims', 'claim_sentences', 'checks', 'check_sources', 'check_revisions', 'decisions', 'decision_revisions'];
    for (const table of tables) expect(await database.db.schema.hasTable(table)).toBe(true);
    await rollbackAll(database.db);
    for (const table of tables) expect(await database.db.schema.hasTable(table)).toBe(false);
    await migrate(database.db);
    for (const table of tables) expect(await database.db.schema.hasTable(table)).toBe(true);
  });

  test('when migrations are recorded, then their names carry no file extension', async () => {
    const names = (await database.db('knex_migrations').select('name')).map((row: { name: string }) => row.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^\d{14}_[a-z_]+$/);
  });
});

describe('migrations under failure and concurrency', () => {
  test('when a migration fails halfway, then its changes are rolled back and the schema is as it was', async () => {
    const failing: Knex.MigrationSource<string> = {
      getMigrations: async () => ['29990101000000_broken'],
      getMigrationName: (name) => name,
      getMigration: async () => ({
        up: async (knex: Knex) => {
          await knex.schema.createTable('half_done', (table) => table.increments('id'));
          await knex.raw('select * from a_table_that_does_not_exist');
        },
        down: async () => {},
      }),
    };
    await expect(database.db.migrate.latest({ migrationSource: failing, tableName: 'broken_migrations' })).rejects.toThrow();
    expect(await database.db.schema.hasTable('half_done')).toBe(false);
  });

  test('when two instances migrate a fresh database at once, then both start and each migration runs once', async () => {
    const fresh = await createTestDatabase();
    const second = openDb(fresh.config);
    try {
      await rollbackAll(fresh.db);
      await Promise.all([migrate(fresh.db), migrate(second)]);
      const names = (await fresh.db('knex_migrations').select('name')).map((r: { name: string }) => r.name);
      expect(names.length).toBe(new Set(names).size);
      expect(await fresh.db.schema.hasTable('audit_events')).toBe(true);
    } finally {
      await second.destroy();
      await fresh.destroy();
    }
  });
});
