import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listTables, migrate, openDb, rollbackAll } from '../../src/db/knex';
import { PROJECT_ROOT } from '../../src/config';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

/** Every table the shipped migrations create; a new migration's table is missed here only if it is also missing from the database. */
const EXPECTED_TABLES = [
  'api_tokens',
  'article_blocks',
  'article_revisions',
  'assignments',
  'articles',
  'audit_events',
  'check_revisions',
  'check_sources',
  'checks',
  'claim_same_as_events',
  'claim_stats',
  'claim_sentences',
  'claims',
  'comments',
  'decision_revisions',
  'decisions',
  'email_outbox',
  'email_settings',
  'notifications',
  'rate_limit_buckets',
  'sentences',
  'sessions',
  'settings',
  'users',
  'webhook_attempts',
  'webhook_deliveries',
  'webhooks',
].sort();

describe('migrations', () => {
  test('when migrations run again, then nothing changes; rolled back, every table they made goes; re-applied, they return', async () => {
    await migrate(database.db);
    expect(await listTables(database.db)).toEqual(EXPECTED_TABLES);
    await rollbackAll(database.db);
    expect(await listTables(database.db)).toEqual([]);
    await migrate(database.db);
    expect(await listTables(database.db)).toEqual(EXPECTED_TABLES);
  });

  test('when migrations are recorded, then their names carry no file extension', async () => {
    const names = (await database.db('knex_migrations').select('name')).map((row: { name: string }) => row.name);
    expect(names.length).toBe(fs.readdirSync(path.join(PROJECT_ROOT, 'migrations')).filter((f) => f.endsWith('.ts')).length);
    for (const name of names) expect(name).toMatch(/^\d{14}_[a-z_]+$/);
  });

  test('when a user has filed checks, then the database refuses to delete the user (the evidence stays)', async () => {
    const now = new Date().toISOString();
    const [user] = await database
      .db('users')
      .insert({ username: 'kept', display_name: 'Kept', password_hash: 'x', role: 'reviewer', created_at: now, updated_at: now })
      .returning('id');
    const userId = Number(typeof user === 'object' ? user.id : user);
    const [article] = await database.db('articles').insert({ slug: 'fk-test', title: 'FK', text: 'Body.', created_at: now }).returning('id');
    const articleId = Number(typeof article === 'object' ? article.id : article);
    const [claim] = await database
      .db('claims')
      .insert({ article_id: articleId, exact: 'Body.', prefix: '', suffix: '', start_offset: 0, end_offset: 5, created_at: now })
      .returning('id');
    const claimId = Number(typeof claim === 'object' ? claim.id : claim);
    await database.db('checks').insert({
      claim_id: claimId,
      reviewer_id: userId,
      verdict: 'true',
      independent_verdict: 'true',
      confidence: 'high',
      rationale: 'R.',
      created_at: now,
      updated_at: now,
    });
    await expect(database.db('users').where({ id: userId }).delete()).rejects.toThrow(/foreign key|FOREIGN KEY/);
    expect(await database.db('checks').where({ reviewer_id: userId })).toHaveLength(1);
  });
});

describe('migrations under failure and concurrency', () => {
  test('when a new migration fails halfway, then the schema is as it was and the failing one leaves no trace', async () => {
    const fresh = await createTestDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-migrations-'));
    try {
      for (const file of fs.readdirSync(path.join(PROJECT_ROOT, 'migrations')))
        fs.copyFileSync(path.join(PROJECT_ROOT, 'migrations', file), path.join(dir, file));
      fs.writeFileSync(
        path.join(dir, '29990101000000_broken.js'),
        "exports.up = async (knex) => { await knex.schema.createTable('half_done', (t) => t.increments('id')); await knex.raw('select * from a_table_that_does_not_exist'); };\nexports.down = async () => {};\n",
      );
      await expect(migrate(fresh.db, dir)).rejects.toThrow();
      expect(await fresh.db.schema.hasTable('half_done')).toBe(false);
      expect(await listTables(fresh.db)).toEqual(EXPECTED_TABLES);
      expect((await fresh.db('knex_migrations').pluck('name')).includes('29990101000000_broken')).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await fresh.destroy();
    }
  });

  test('when two instances migrate a fresh database at once, then both start and each migration runs once', async () => {
    const fresh = await createTestDatabase();
    const second = openDb(fresh.config);
    try {
      await rollbackAll(fresh.db);
      await Promise.all([migrate(fresh.db), migrate(second)]);
      const names = (await fresh.db('knex_migrations').select('name')).map((r: { name: string }) => r.name);
      expect(names.length).toBe(new Set(names).size);
      expect(await listTables(fresh.db)).toEqual(EXPECTED_TABLES);
    } finally {
      await second.destroy();
      await fresh.destroy();
    }
  });
});
