import { migrate, rollbackAll } from '../../src/db/knex';
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
