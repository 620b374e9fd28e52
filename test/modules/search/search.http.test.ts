import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';

let t: TestApp;
let reviewerA: string;
let reviewerB: string;
let editor: string;
let sentences: string[];

beforeEach(async () => {
  t = await createTestApp();
  reviewerA = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
  reviewerB = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
  editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
  sentences = await seedSentenceIds(t.app);
});
afterEach(() => t.close());

const search = (q: string, token?: string, extra: Record<string, string> = {}) => {
  const req = request(t.app)
    .get('/api/v1/search')
    .query({ q, ...extra });
  return token ? req.set(bearer(token)) : req;
};

async function publish(claimId: number, summary: string, verdict = 'mostly-true') {
  await request(t.app).post(`/api/v1/claims/${claimId}/decision`).set(bearer(editor)).send({ verdict, summary, publish: true }).expect(200);
}

async function articleWith(title: string, text: string): Promise<string> {
  const res = await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title, text }).expect(201);
  return res.body.slug;
}

describe('search', () => {
  test('when a word of the seed article is searched anonymously, then the article is found with the word marked in its snippet', async () => {
    const res = await search('Ecuador').expect(200);
    expect(res.body.total).toBeGreaterThan(0);
    const article = res.body.results.find((r: { type: string }) => r.type === 'article');
    expect(article).toMatchObject({ url: `/articles/${SEED_SLUG}` });
    expect(article.snippet).toMatch(/<mark>Ecuador<\/mark>/);
  });

  test('when claims match, then anonymous readers find published fact-checks only, reviewers find claims too', async () => {
    const published = await createClaim(t.app, reviewerA, { sentenceId: sentences[3], statement: 'Zanzibar quokka statement published' });
    const unpublished = await createClaim(t.app, reviewerA, { sentenceId: sentences[4], statement: 'Zanzibar quokka statement pending' });
    await fileCheck(t.app, reviewerA, published);
    await publish(published, 'The figure holds.');
    const anonymous = await search('zanzibar quokka').expect(200);
    expect(anonymous.body.results.map((r: { type: string; id: number }) => [r.type, r.id])).toEqual([['factcheck', published]]);
    expect(anonymous.body.results[0]).toMatchObject({ verdict: 'mostly-true', verdictLabel: 'Mostly true', article: { slug: SEED_SLUG } });
    const reviewer = await search('zanzibar quokka', reviewerB).expect(200);
    expect(reviewer.body.results.map((r: { type: string; id: number }) => [r.type, r.id])).toEqual([
      ['factcheck', published],
      ['claim', unpublished],
    ]);
    const claimsOnly = await search('zanzibar quokka', reviewerB, { type: 'claims' }).expect(200);
    expect(claimsOnly.body.results.map((r: { id: number }) => r.id)).toEqual([unpublished]);
    expect((await search('zanzibar quokka', undefined, { type: 'claims' }).expect(200)).body.total).toBe(0);
  });

  test('when a reviewer has not filed a check on a claim, then another reviewer’s rationale is never found; after filing, it is', async () => {
    const claimId = await createClaim(t.app, reviewerA, { sentenceId: sentences[5] });
    await fileCheck(t.app, reviewerA, claimId, { rationale: 'Checked the xylophonist ledger directly.' });
    expect((await search('xylophonist', reviewerB).expect(200)).body.total).toBe(0);
    expect((await search('xylophonist').expect(200)).body.total).toBe(0);
    expect((await search('xylophonist', reviewerA).expect(200)).body.results.map((r: { id: number }) => r.id)).toEqual([claimId]);
    expect((await search('xylophonist', editor).expect(200)).body.total).toBe(1);
    await fileCheck(t.app, reviewerB, claimId, { rationale: 'My own view.' });
    expect((await search('xylophonist', reviewerB).expect(200)).body.results.map((r: { id: number }) => r.id)).toEqual([claimId]);
  });

  test('when a decision is not published, then its summary is found by editors only', async () => {
    const claimId = await createClaim(t.app, reviewerA, { sentenceId: sentences[6] });
    await fileCheck(t.app, reviewerA, claimId);
    await request(t.app)
      .post(`/api/v1/claims/${claimId}/decision`)
      .set(bearer(editor))
      .send({ verdict: 'mostly-true', summary: 'Draft about marmalade.', publish: false })
      .expect(200);
    expect((await search('marmalade', reviewerA).expect(200)).body.total).toBe(0);
    expect((await search('marmalade').expect(200)).body.total).toBe(0);
    expect((await search('marmalade', editor).expect(200)).body.results.map((r: { type: string }) => r.type)).toEqual(['claim']);
    await publish(claimId, 'Published about marmalade.');
    expect((await search('marmalade').expect(200)).body.results.map((r: { type: string; id: number }) => [r.type, r.id])).toEqual([['factcheck', claimId]]);
  });

  test('when the query is a phrase, a prefix or several words, then only texts with them all match, titles rank above body text', async () => {
    const inTitle = await articleWith('Glacier retreat in the Alps', 'Scientists measured ice. Nothing else to see.');
    const inBody = await articleWith('Mountain report', 'A long text about weather. The glacier retreat in the Alps continued this year.');
    const other = await articleWith('Retreat of the army', 'The army left the glacier valley.');
    const phrase = (await search('"glacier retreat"').expect(200)).body.results.map((r: { url: string }) => r.url);
    expect(phrase).toEqual([`/articles/${inTitle}`, `/articles/${inBody}`]);
    expect(phrase).not.toContain(`/articles/${other}`);
    const prefix = (await search('glaci').expect(200)).body.results.map((r: { url: string }) => r.url);
    expect(prefix).toEqual(expect.arrayContaining([`/articles/${inTitle}`, `/articles/${inBody}`, `/articles/${other}`]));
    const both = (await search('army glacier ').expect(200)).body.results.map((r: { url: string }) => r.url);
    expect(both).toEqual([`/articles/${other}`]);
  });

  test('when there are more results than a page, then pages follow one another without repeats', async () => {
    for (let i = 0; i < 23; i++) await articleWith(`Pangolin report ${i}`, `Pangolin numbers, part ${i}.`);
    const first = (await search('pangolin').expect(200)).body;
    const second = (await search('pangolin', undefined, { page: '2' }).expect(200)).body;
    expect(first.total).toBe(23);
    expect(first.results).toHaveLength(20);
    expect(second.results).toHaveLength(3);
    const ids = [...first.results, ...second.results].map((r: { id: number }) => r.id);
    expect(new Set(ids).size).toBe(23);
  });

  test('when rows are edited or deleted, then the index follows in the same transaction', async () => {
    const slug = await articleWith('Okapi census', 'The okapi census counted many animals.');
    expect((await search('okapi').expect(200)).body.total).toBe(1);
    await request(t.app).put(`/api/v1/articles/${slug}`).set(bearer(editor)).send({ text: 'The census counted many giraffes.' }).expect(200);
    expect((await search('giraffes').expect(200)).body.total).toBe(1);
    expect((await search('okapi').expect(200)).body.results.map((r: { title: string }) => r.title)).toEqual(['Okapi census']); // the title still says okapi
    const claimId = await createClaim(t.app, reviewerA, { sentenceId: sentences[7], statement: 'Wombat statement' });
    expect((await search('wombat', reviewerA).expect(200)).body.total).toBe(1);
    await t.db('claims').where({ id: claimId }).delete();
    expect((await search('wombat', reviewerA).expect(200)).body.total).toBe(0);
  });

  test('when a statement holds markup, then the snippet shows it as text around the marked words', async () => {
    const claimId = await createClaim(t.app, reviewerA, { sentenceId: sentences[8], statement: '<img src=x onerror=alert(1)> capybara "quoted" & more' });
    const res = await search('capybara', reviewerA).expect(200);
    const hit = res.body.results.find((r: { id: number }) => r.id === claimId);
    expect(hit.snippet).toContain('onerror=alert(1)&gt; <mark>capybara</mark> &quot;quoted&quot; &amp; more'); // PostgreSQL's headline may start later
    expect(hit.snippet).not.toMatch(/<img/);
    const page = await request(t.app).get('/search').query({ q: 'capybara' }).set(bearer(reviewerA)).expect(200);
    expect(page.text).not.toContain('<img src=x');
  });

  test.each([
    ['FTS syntax', 'NEAR(a b) OR "x" AND title:y ^z -w'],
    ['unbalanced quotes', '"glacier "retreat'],
    ['stars and brackets', '*** (( )) [x] {y}'],
    ['SQL', "'; DROP TABLE claims; --"],
    ['tsquery syntax', "a & !b | c:* <-> d'"],
  ])('when the query holds %s, then it answers 200 and never a 5xx', async (_label, q) => {
    const res = await search(q);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.results)).toBe(true);
  });

  test.each([
    ['only punctuation', '?!… --- ***', /at least one letter or digit/],
    ['empty', '', /at least one letter or digit/],
    ['too long', 'word '.repeat(60), /too long: at most 200 characters/],
    ['too many words', 'a b c d e f g h i j k l m', /at most 12/],
  ])('when the query is %s, then it is a 400 that says why', async (_label, q, message) => {
    const res = await search(q).expect(400);
    expect(res.body.error.message).toMatch(message);
    const page = await request(t.app)
      .get('/search')
      .query({ q: q || ' ' });
    if (q.trim()) {
      expect(page.status).toBe(400);
      expect(page.text).toMatch(message);
    }
  });

  test('when the Search page is opened without a query, then it shows the form only; with one, the results; it needs no script', async () => {
    const empty = await request(t.app).get('/search').expect(200);
    expect(empty.text).toContain('id="search-q"');
    expect(empty.text).not.toContain('search-results');
    const found = await request(t.app).get('/search').query({ q: 'Ecuador' }).expect(200);
    expect(found.text).toMatch(/<mark>Ecuador<\/mark>/);
    expect(found.text).toContain(`href="/articles/${SEED_SLUG}"`);
  });
});
