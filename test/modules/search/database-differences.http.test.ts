/**
 * Where SQLite's and PostgreSQL's full-text search differ, pinned so that the README's account
 * stays true: SQLite (FTS5, unicode61 remove_diacritics 2, porter) folds accents and keeps stop
 * words; PostgreSQL (the 'english' configuration, no unaccent extension) keeps accents and drops
 * stop words. Both agree on everything else the search tests check.
 */
import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer } from '../../support/claims';
import { testDatabaseKind } from '../../support/database';
import { createApiToken, createUser } from '../../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
  await request(t.app)
    .post('/api/v1/articles')
    .set(bearer(editor))
    .send({ title: 'Colonel Aureliano Buendía returns', text: 'Colonel Aureliano Buendía came back to Macondo in the spring.' })
    .expect(201);
});
afterAll(() => t.close());

const titles = async (q: string) => {
  const res = await request(t.app).get('/api/v1/search').query({ q, type: 'articles' });
  return res.status === 200 ? (res.body.results as { title?: string; article?: { title: string } }[]).map((r) => r.title ?? r.article?.title) : res.status;
};

describe(`full-text search on ${testDatabaseKind()}`, () => {
  test('when the accented word is searched as written, then both databases find it', async () => {
    expect(await titles('Buendía')).toContain('Colonel Aureliano Buendía returns');
  });

  test('when it is searched without its accent, then SQLite finds it and PostgreSQL does not', async () => {
    const found = (await titles('Buendia')) as unknown[];
    if (testDatabaseKind() === 'sqlite') expect(found).toContain('Colonel Aureliano Buendía returns');
    else expect(found).not.toContain('Colonel Aureliano Buendía returns');
  });

  test('when a stop word is part of the query, then SQLite requires it and PostgreSQL ignores it', async () => {
    const found = (await titles('Macondo the')) as unknown[];
    expect(found).toContain('Colonel Aureliano Buendía returns'); // "the" is in the text: both find it
    const absent = (await titles('Macondo whom')) as unknown[];
    if (testDatabaseKind() === 'sqlite') expect(absent).not.toContain('Colonel Aureliano Buendía returns');
    else expect(absent).toContain('Colonel Aureliano Buendía returns');
  });
});
