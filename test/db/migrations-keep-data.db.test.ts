import { createSearchRepository } from '../../src/modules/search/search-repository';
import { parseSearchQuery } from '../../src/modules/search/search-query';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../src/db/knex';
import { PROJECT_ROOT } from '../../src/config';
import { countRows, createTestDatabase, type TestDatabase } from '../support/database';

/**
 * Migrations run on databases that hold a newsroom's work, not only on empty ones: here every
 * migration after the first schema is applied to a database with a check, its source and
 * revision, a published decision and a signed-in session, and nothing may be lost.
 */
const FIRST_SCHEMA = ['20261128100000_accounts', '20261128100100_articles', '20261128110000_claims_checks_decisions', '20261128120000_audit_events'];

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

test('when the later migrations run on a database with work in it, then every row survives and is carried over', async () => {
  const db = database.db;
  const all = fs.readdirSync(path.join(PROJECT_ROOT, 'migrations')).filter((f) => f.endsWith('.ts'));
  const early = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-early-'));
  try {
    // Start again from the first schema only.
    for (const table of ['knex_migrations', 'knex_migrations_lock']) await db.schema.dropTableIfExists(table);
    await db.raw('DROP TABLE IF EXISTS search_index').catch(() => undefined); // SQLite's FTS5 index (its triggers go with their tables)
    for (const table of [
      'claim_stats',
      'email_outbox',
      'email_settings',
      'webhook_attempts',
      'webhook_deliveries',
      'webhooks',
      'notifications',
      'comments',
      'assignments',
      'claim_same_as_events',
      'rate_limit_buckets',
      'article_revisions',
      'audit_events',
      'decision_revisions',
      'decisions',
      'check_revisions',
      'check_sources',
      'checks',
      'claim_sentences',
      'claims',
      'sentences',
      'article_blocks',
      'articles',
      'settings',
      'api_tokens',
      'sessions',
      'users',
    ]) {
      await db.schema.dropTableIfExists(table);
    }
    await db.raw('DROP TRIGGER IF EXISTS users_keep_reviewers').catch(() => undefined);
    for (const file of all.filter((f) => FIRST_SCHEMA.includes(f.replace(/\.ts$/, ''))))
      fs.copyFileSync(path.join(PROJECT_ROOT, 'migrations', file), path.join(early, file));
    await migrate(db, early);

    const now = new Date().toISOString();
    const [user] = await db('users')
      .insert({ username: 'kept', display_name: 'Kept', password_hash: 'x', role: 'reviewer', created_at: now, updated_at: now })
      .returning('id');
    const userId = Number(typeof user === 'object' ? user.id : user);
    const [article] = await db('articles').insert({ slug: 'kept', title: 'Kept', text: 'Body.', created_at: now }).returning('id');
    const articleId = Number(typeof article === 'object' ? article.id : article);
    const [claim] = await db('claims')
      .insert({ article_id: articleId, exact: 'Body.', prefix: '', suffix: '', start_offset: 0, end_offset: 5, created_at: now })
      .returning('id');
    const claimId = Number(typeof claim === 'object' ? claim.id : claim);
    const [check] = await db('checks')
      .insert({ claim_id: claimId, reviewer_id: userId, verdict: 'mostly-true', confidence: 'high', rationale: 'R.', created_at: now, updated_at: now })
      .returning('id');
    const checkId = Number(typeof check === 'object' ? check.id : check);
    await db('check_sources').insert({ check_id: checkId, position: 0, url: 'https://example.org/kept', stance: 'supports' });
    await db('check_revisions').insert({ check_id: checkId, changed_by: userId, changed_at: now, after: JSON.stringify({ verdict: 'true' }) });
    await db('decisions').insert({
      claim_id: claimId,
      verdict: 'mostly-true',
      summary: 'S.',
      published: true,
      first_published_at: now,
      decided_by: userId,
      decided_at: now,
    });
    await db('sessions').insert({ sid: 'kept-session', sess: JSON.stringify({ cookie: {}, passport: { user: userId } }), expires_at: Date.now() + 60_000 });

    await migrate(db); // every later migration
    expect(await countRows(db, 'check_sources')).toBe(1);
    expect(await countRows(db, 'check_revisions')).toBe(1);
    expect(await countRows(db, 'checks')).toBe(1);
    const migrated = await db('checks').first('independent_verdict');
    expect(migrated.independent_verdict).toBe('true'); // the verdict as first filed, from the first revision
    const decision = await db('decisions').first('evidence');
    expect(JSON.parse(decision.evidence).map((s: { url: string }) => s.url)).toEqual(['https://example.org/kept']);
    expect((await db('sessions').first('user_id')).user_id).toBe(userId);
    await expect(db('users').where({ id: userId }).delete()).rejects.toThrow(/FOREIGN KEY|foreign key/);
    expect(await countRows(db, 'check_sources')).toBe(1);
    // Revisions: every article has its revision 1, every claim its quote as checked and an exact anchor.
    const revision = await db('article_revisions').where({ article_id: articleId }).first();
    expect({ number: revision.number, text: revision.text }).toEqual({ number: 1, text: 'Body.' });
    const anchored = await db('claims').where({ id: claimId }).first();
    expect({ checked: anchored.checked_exact, start: anchored.checked_start, end: anchored.checked_end, status: anchored.anchor_status }).toEqual({
      checked: 'Body.',
      start: 0,
      end: 5,
      status: 'exact',
    });
    expect((await db('checks').first('revision')).revision).toBe(1);
    // Search: rows written before the index existed are found (SQLite indexes them in the migration; PostgreSQL's indexes are on expressions).
    const search = createSearchRepository(db);
    const found = await search.search(parseSearchQuery('body'), { viewer: null, type: null, page: 1, perPage: 10 });
    expect(found.results.map((r) => r.type).sort()).toEqual(['article', 'factcheck']);
  } finally {
    fs.rmSync(early, { recursive: true, force: true });
  }
});
