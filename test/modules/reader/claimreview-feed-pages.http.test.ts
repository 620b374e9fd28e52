import request from 'supertest';
import { FEED_PAGE } from '../../../src/modules/reader/reader-routes';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer, createClaim } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';

let t: TestApp;
let editorId: number;
let claimIds: number[];
let token: string;
const EXTRA = 5;

/** Publishes a decision straight in the database, at a given publication time (many, quickly). */
const publish = (claimId: number, at: string) =>
  t.db('decisions').insert({
    claim_id: claimId,
    verdict: 'mixed',
    summary: `Summary ${claimId}.`,
    published: true,
    first_published_at: at,
    decided_by: editorId,
    decided_at: at,
  });

beforeAll(async () => {
  t = await createTestApp();
  const editor = await createUser(t.db, 'editor');
  editorId = editor.id;
  token = await createApiToken(t.db, editor);
  const count = FEED_PAGE + EXTRA + 1;
  const text = Array.from({ length: count }, (_, i) => `Statement ${i + 1} counts ${i} boats.`).join(' ');
  const slug = (await request(t.app).post('/api/v1/articles').set(bearer(token)).send({ title: 'Feed story', text }).expect(201)).body.slug;
  claimIds = [];
  for (let i = 1; i <= count; i++) claimIds.push(await createClaim(t.app, token, { quote: { exact: `Statement ${i} counts` } }, slug));
  // Pairs share a publication time, so the claim id must break ties.
  for (const [i, id] of claimIds.slice(0, -1).entries()) await publish(id, new Date(Date.UTC(2026, 0, 1, 0, Math.floor(i / 2))).toISOString());
});
afterAll(() => t.close());

const claimOf = (review: { url: string }) => Number(review.url.split('/').pop());

describe('the site-wide ClaimReview feed in pages', () => {
  test('when the feed is read page by page, then every published fact-check comes once, newest first, and a publication meanwhile shifts nothing', async () => {
    const first = await request(t.app).get('/claimreview.json').expect(200);
    expect(first.body).toHaveLength(FEED_PAGE);
    const next = /^<\/claimreview\.json\?after=([A-Za-z0-9_-]+)>; rel="next"$/.exec(first.headers.link)![1];
    const again = await request(t.app).get('/claimreview.json').expect(200);
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.headers.link).toBe(first.headers.link); // the cached page keeps its link

    await publish(claimIds[claimIds.length - 1], '2026-06-01T00:00:00.000Z'); // newest of all: page one's business, not page two's
    const second = await request(t.app).get(`/claimreview.json?after=${next}`).expect(200);
    expect(second.headers.link).toBeUndefined();
    expect(second.headers['x-cache']).toBeUndefined(); // later pages are never stored: any publication can start one
    expect((await request(t.app).get(`/claimreview.json?after=${next}`).expect(200)).headers['x-cache']).toBeUndefined();
    const seen = [...first.body, ...second.body].map(claimOf);
    expect(seen).toEqual([...claimIds.slice(0, -1)].sort((a, b) => b - a));
    // (Published behind the app's back, so the anonymous cache does not know: asked with a token, which bypasses it.)
    expect((await request(t.app).get('/claimreview.json').set(bearer(token)).expect(200)).body.map(claimOf)[0]).toBe(claimIds[claimIds.length - 1]);
  });

  test('when the cursor is not one the feed gave, then 400 in JSON says so', async () => {
    const res = await request(t.app).get('/claimreview.json?after=bm9wZQ').set('Accept', 'text/html').expect(400);
    expect(res.body.error.message).toBe('after: is not a cursor this feed gave (start again from /claimreview.json)');
  });
});
