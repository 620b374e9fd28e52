import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../support/claims';
import { createApiToken, createUser } from '../support/factories';
import { csrfFrom, signIn } from '../support/http';
import type { PublicCache } from '../../src/http/public-cache';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const page = `/articles/${SEED_SLUG}`;
const cacheEntries = () => (t.app.locals.publicCache as PublicCache).size;

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

  test('when a decision is published or republished, or an article added, then readers see the change at once', async () => {
    const reviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
    const editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
    const sentences = await seedSentenceIds(t.app);
    const claimId = await createClaim(t.app, reviewer, { sentenceId: sentences[5] });
    const checkId = await fileCheck(t.app, reviewer, claimId);
    await request(t.app).get(page).expect(200);
    expect((await request(t.app).get(page)).headers['x-cache']).toBe('hit');

    await request(t.app)
      .post(`/api/v1/claims/${claimId}/decision`)
      .set(bearer(editor))
      .send({ verdict: 'mostly-true', summary: 'A cache-busting summary.', publish: true })
      .expect(200);
    const afterDecision = await request(t.app).get(page).expect(200);
    expect(afterDecision.headers['x-cache']).toBe('miss');
    expect(afterDecision.text).toContain('A cache-busting summary.');

    await request(t.app).get(`/claims/${claimId}`).expect(200);
    await request(t.app)
      .patch(`/api/v1/checks/${checkId}`)
      .set(bearer(reviewer))
      .send({ sources: [{ url: 'https://example.org/new-evidence', stance: 'supports' }] })
      .expect(200);
    // Published evidence is frozen: the edit waits for an editor to republish, and then shows at once.
    expect((await request(t.app).get(`/claims/${claimId}`).expect(200)).text).not.toContain('https://example.org/new-evidence');
    await request(t.app)
      .post(`/api/v1/claims/${claimId}/decision`)
      .set(bearer(editor))
      .send({ verdict: 'mostly-true', summary: 'A cache-busting summary.', publish: true })
      .expect(200);
    expect((await request(t.app).get(`/claims/${claimId}`).expect(200)).text).toContain('https://example.org/new-evidence');

    await request(t.app).get('/').expect(200);
    await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title: 'Fresh story for the cache', text: 'Body.' }).expect(201);
    expect((await request(t.app).get('/').expect(200)).text).toContain('Fresh story for the cache');
  });

  test('when the request carries a session cookie or a token, then the cache is not used and the answer is private', async () => {
    const user = await createUser(t.db, 'reviewer');
    const agent = await signIn(t.app, user.username, user.password);
    const signedIn = await agent.get(page).expect(200);
    expect(signedIn.headers['x-cache']).toBeUndefined();
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    const withToken = await request(t.app)
      .get(`/api/v1/articles/${SEED_SLUG}`)
      .set(bearer(await createApiToken(t.db, user)))
      .expect(200);
    expect(withToken.headers['x-cache']).toBeUndefined();
    expect(withToken.headers['cache-control']).toBe('private, no-store');
    expect((await request(t.app).get('/articles/no-such').expect(404)).headers['x-cache']).toBe('miss');
    expect((await request(t.app).get('/articles/no-such').expect(404)).headers['x-cache']).toBe('miss');
  });

  test('when a signed-in page carries a CSRF token, then it is never stored for readers', async () => {
    const user = await createUser(t.db, 'editor');
    const agent = await signIn(t.app, user.username, user.password);
    const own = await agent.get('/').expect(200);
    expect(own.text).toContain('name="_csrf"'); // the sign-out form
    const anonymous = await request(t.app).get('/').expect(200);
    expect(anonymous.text).not.toContain('name="_csrf"');
    expect(anonymous.text).not.toContain(user.username);
  });

  test('when a session cookie is spelt with a space before "=", then the session layer still decides and the page is not served to readers', async () => {
    const editor = await createUser(t.db, 'editor');
    const login = request.agent(t.app);
    const csrf = csrfFrom((await login.get('/login').expect(200)).text);
    const signedIn = await login.post('/login').type('form').send({ username: editor.username, password: editor.password, _csrf: csrf }).expect(303);
    const value = /factline\.sid=([^;]+)/.exec(String(signedIn.headers['set-cookie']))![1];

    const spaced = await request(t.app).get(page).set('Cookie', `factline.sid =${value}`).expect(200);
    expect(spaced.text).toContain(editor.username); // the cookie parser reads it as the session: signed in
    expect(spaced.headers['cache-control']).toBe('private, no-store');
    expect(spaced.headers['x-cache']).toBeUndefined();
    const reader = await request(t.app).get(page).expect(200);
    expect(reader.text).not.toContain(editor.username);
    expect(reader.text).not.toContain('name="_csrf"');
  });

  test('when readers add query strings the page does not read, then they share one entry', async () => {
    await request(t.app).get(page).expect(200);
    const before = cacheEntries();
    for (let p = 0; p < 40; p++) await request(t.app).get(`${page}?p=${p}&utm_source=x${p}`).expect(200);
    expect(cacheEntries()).toBe(before);
    const off = await request(t.app).get(`${page}?overlay=off`).expect(200);
    expect(off.headers['x-cache']).toBe('miss');
    expect((await request(t.app).get(`${page}?overlay=off&p=9`).expect(200)).headers['x-cache']).toBe('hit');
  });

  test('when an anonymous hit takes the fast path, then it carries the same headers and body as the full stack gave, gzipped, 304 and HEAD included', async () => {
    const cache = t.app.locals.publicCache as PublicCache;
    cache.clear();
    const path = `/api/v1/articles/${SEED_SLUG}/verdicts`;
    const miss = await request(t.app).get(path).set('Origin', 'https://publisher.example').set('Accept-Encoding', 'identity').expect(200);
    expect(miss.headers['x-cache']).toBe('miss');
    const fastBefore = cache.fastHits;
    const hit = await request(t.app).get(path).set('Origin', 'https://publisher.example').set('Accept-Encoding', 'identity').expect(200);
    expect(cache.fastHits).toBe(fastBefore + 1);
    const comparable = (headers: Record<string, string>) => {
      const { date: _date, 'x-cache': _cache, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
      return rest;
    };
    expect(comparable(hit.headers)).toEqual({ ...comparable(miss.headers), vary: 'Accept-Encoding' });
    expect(hit.headers['access-control-allow-origin']).toBe('*'); // publishers' pages still read it
    expect(hit.headers['content-security-policy']).toBe(miss.headers['content-security-policy']);
    expect(hit.text).toBe(miss.text);
    await request(t.app).get(path).set('If-None-Match', miss.headers.etag).expect(304);
    const head = await request(t.app).head(path).expect(200);
    expect(head.headers['content-length']).toBe(miss.headers['content-length']);
    const gz = await request(t.app).get(page).set('Accept-Encoding', 'gzip');
    const gzHit = await request(t.app).get(page).set('Accept-Encoding', 'gzip').expect(200);
    expect(gzHit.headers['content-encoding']).toBe('gzip');
    expect(gzHit.text).toBe(gz.text);
    expect(cache.fastHits).toBe(fastBefore + 4);
  });

  test('when a request has a session cookie (however spelt), a token or a repeated parameter, then the fast path steps aside', async () => {
    const cache = t.app.locals.publicCache as PublicCache;
    await request(t.app).get(page).expect(200);
    const before = cache.fastHits;
    await request(t.app).get(page).set('Cookie', 'factline.sid =s%3Anothing.valid').expect(200);
    await request(t.app).get(page).set('Cookie', 'other=1; factline.sid=s%3Anothing.valid').expect(200);
    await request(t.app).get(page).set(bearer('not-a-token')).expect(401);
    await request(t.app).get(`${page}?overlay=on&overlay=off`).expect(200); // Express reads that as a list: the full stack decides
    expect(cache.fastHits).toBe(before);
    await request(t.app).get(page).set('Cookie', 'theme=dark').expect(200); // other cookies are no reason to step aside
    expect(cache.fastHits).toBe(before + 1);
  });
});
