import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../support/claims';
import { createApiToken, createUser } from '../support/factories';
import { signIn } from '../support/http';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const page = `/articles/${SEED_SLUG}`;

describe('cache of anonymous pages', () => {
  test('when a reader asks twice, then the second answer comes from the cache, identical, and a known ETag gets 304', async () => {
    const first = await request(t.app).get(page).expect(200);
    const second = await request(t.app).get(page).expect(200);
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
    await request(t.app).get(page).set('If-None-Match', first.headers.etag).expect(304);
  });

  test('when a reader accepts gzip, then the cached page comes compressed and decompresses to the same page', async () => {
    const plain = await request(t.app).get(page).set('Accept-Encoding', 'identity').expect(200);
    const compressed = await request(t.app).get(page).set('Accept-Encoding', 'gzip, deflate').expect(200);
    expect(compressed.headers['x-cache']).toBe('hit');
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers.vary).toContain('Accept-Encoding');
    expect(compressed.text).toBe(plain.text); // supertest decompresses
    expect(Number(compressed.headers['content-length'])).toBeLessThan(Buffer.byteLength(plain.text) / 2);
  });

  test('when a decision is published, a check edited or an article added, then readers see the change at once', async () => {
    const reviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
    const editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
    const sentences = await seedSentenceIds(t.app);
    const claimId = await createClaim(t.app, reviewer, { sentenceId: sentences[5] });
    const checkId = await fileCheck(t.app, reviewer, claimId);
    await request(t.app).get(page).expect(200);
    expect((await request(t.app).get(page)).headers['x-cache']).toBe('hit');

    await request(t.app).post(`/api/v1/claims/${claimId}/decision`).set(bearer(editor)).send({ verdict: 'mostly-true', summary: 'A cache-busting summary.', publish: true }).expect(200);
    const afterDecision = await request(t.app).get(page).expect(200);
    expect(afterDecision.headers['x-cache']).toBe('miss');
    expect(afterDecision.text).toContain('A cache-busting summary.');

    await request(t.app).get(`/claims/${claimId}`).expect(200);
    await request(t.app).patch(`/api/v1/checks/${checkId}`).set(bearer(reviewer)).send({ sources: [{ url: 'https://example.org/new-evidence', stance: 'supports' }] }).expect(200);
    expect((await request(t.app).get(`/claims/${claimId}`).expect(200)).text).toContain('https://example.org/new-evidence');

    await request(t.app).get('/').expect(200);
    await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title: 'Fresh story for the cache', text: 'Body.' }).expect(201);
    expect((await request(t.app).get('/').expect(200)).text).toContain('Fresh story for the cache');
  });

  test('when the request carries a session cookie or a token, or the page has a form, then the cache is not used', async () => {
    const user = await createUser(t.db, 'reviewer');
    const agent = await signIn(t.app, user.username, user.password);
    expect((await agent.get(page).expect(200)).headers['x-cache']).toBeUndefined();
    expect((await request(t.app).get(`/api/v1/articles/${SEED_SLUG}`).set(bearer(await createApiToken(t.db, user))).expect(200)).headers['x-cache']).toBeUndefined();
    expect((await request(t.app).get('/login').expect(200)).headers['x-cache']).toBeUndefined();
    expect((await request(t.app).get('/articles/no-such').expect(404)).headers['x-cache']).toBe('miss');
    expect((await request(t.app).get('/articles/no-such').expect(404)).headers['x-cache']).toBe('miss');
  });
});
