import request from 'supertest';
import { createApiToken, createUser } from '../../support/factories';
import { createTestApp, SEED_SLUG, type TestApp } from '../../support/app';
import { bearer } from '../../support/claims';
import { comparableUrl } from '../../../src/lib/url-match';
import { ensureSourceKeys } from '../../../src/modules/articles';
import { createLogger } from '../../../src/lib/logger';

/** What embed.js reads from a publisher's page: the look-up, the verdicts (CORS, no credentials) and the script itself. */
let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
  await request(t.app)
    .post('/api/v1/articles')
    .set(bearer(editor))
    .send({ title: 'Ferry fares', text: 'Fares rise.', sourceUrl: 'https://www.news.example/2026/ferry-fares/', slug: 'ferry-fares' })
    .expect(201);
});
afterAll(() => t.close());

describe('looking up an article by its source address', () => {
  test.each([
    'https://www.news.example/2026/ferry-fares/',
    'https://news.example/2026/ferry-fares',
    'http://news.example/2026/ferry-fares?utm_source=newsletter&fbclid=abc#comments',
    'https://NEWS.example/2026/ferry-fares/',
  ])('when the page is %s, then the article is found', async (url) => {
    const res = await request(t.app).get('/api/v1/lookup').query({ url }).expect(200);
    expect(res.body).toEqual({ slug: 'ferry-fares' });
  });

  test('when the address is another page or not an address, then it is a 404 or a 400 with a message', async () => {
    const missing = await request(t.app).get('/api/v1/lookup').query({ url: 'https://news.example/2026/other' }).expect(404);
    expect(missing.body.error.message).toMatch(/No article/);
    const bad = await request(t.app).get('/api/v1/lookup').query({ url: 'javascript:alert(1)' }).expect(400);
    expect(bad.body.error.message).toMatch(/url: must be an http/);
  });

  test('when an article’s source address is changed or cleared, then the look-up follows it', async () => {
    await request(t.app)
      .post('/api/v1/articles')
      .set(bearer(editor))
      .send({ title: 'Bus lanes', text: 'Lanes open.', sourceUrl: 'https://news.example/2026/bus-lanes', slug: 'bus-lanes' })
      .expect(201);
    await request(t.app)
      .put('/api/v1/articles/bus-lanes')
      .set(bearer(editor))
      .send({ text: 'Lanes open.', sourceUrl: 'https://news.example/2026/bus-lanes-corrected' })
      .expect(200);
    await request(t.app).get('/api/v1/lookup').query({ url: 'https://news.example/2026/bus-lanes' }).expect(404);
    expect((await request(t.app).get('/api/v1/lookup').query({ url: 'https://www.news.example/2026/bus-lanes-corrected/' }).expect(200)).body).toEqual({
      slug: 'bus-lanes',
    });
    await request(t.app).put('/api/v1/articles/bus-lanes').set(bearer(editor)).send({ text: 'Lanes open.', sourceUrl: '' }).expect(200);
    await request(t.app).get('/api/v1/lookup').query({ url: 'https://news.example/2026/bus-lanes-corrected' }).expect(404);
  });

  test('when articles were stored before look-up keys existed, then start-up gives them keys and they are found', async () => {
    await t.db('articles').whereNotNull('source_url').update({ source_key: null });
    await request(t.app).get('/api/v1/lookup').query({ url: 'https://news.example/2026/ferry-fares' }).expect(404);
    expect(await ensureSourceKeys(t.db, createLogger('silent'))).toBeGreaterThanOrEqual(1);
    expect((await request(t.app).get('/api/v1/lookup').query({ url: 'https://news.example/2026/ferry-fares' }).expect(200)).body).toEqual({
      slug: 'ferry-fares',
    });
    expect(await ensureSourceKeys(t.db, createLogger('silent'))).toBe(0); // nothing left to fill
  });

  test('when two addresses differ in what names another page (path, query), then they do not match', () => {
    expect(comparableUrl('https://a.example/x?id=1')).not.toBe(comparableUrl('https://a.example/x?id=2'));
    expect(comparableUrl('https://a.example/x')).not.toBe(comparableUrl('https://a.example/y'));
    expect(comparableUrl('https://a.example/x?b=2&a=1')).toBe(comparableUrl('https://a.example/x?a=1&b=2'));
  });
});

describe('CORS for the public reads embed.js makes', () => {
  test.each([['/api/v1/lookup?url=https://news.example/2026/ferry-fares'], [`/api/v1/articles/${SEED_SLUG}/verdicts`]])(
    'when another origin reads %s, then any origin may, without credentials',
    async (path) => {
      const res = await request(t.app).get(path).set('Origin', 'https://publisher.example').expect(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      const preflight = await request(t.app).options(path).set('Origin', 'https://publisher.example').set('Access-Control-Request-Method', 'GET').expect(204);
      expect(preflight.headers['access-control-allow-methods']).toBe('GET, OPTIONS');
    },
  );

  test('when another origin reads anything else, then no CORS header allows it', async () => {
    for (const path of [`/api/v1/articles/${SEED_SLUG}`, '/api/v1/review', '/api/v1/me', `/articles/${SEED_SLUG}`]) {
      const res = await request(t.app).get(path).set('Origin', 'https://publisher.example');
      expect([path, res.headers['access-control-allow-origin']]).toEqual([path, undefined]);
    }
  });

  test('when a publisher’s page loads embed.js, then it is JavaScript any origin may load', async () => {
    const res = await request(t.app)
      .get('/embed.js')
      .expect(200)
      .expect('content-type', /javascript/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect((await request(t.app).get('/js/factline.js')).headers['cross-origin-resource-policy']).toBe('same-origin');
  });
});
