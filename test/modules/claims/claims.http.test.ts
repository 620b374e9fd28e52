import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds, validCheck } from '../../support/claims';
import { countRows } from '../../support/database';
import { createApiToken, createUser } from '../../support/factories';

let t: TestApp;
let reviewer: string;
let otherReviewer: string;
let editor: string;
let sentences: string[];

beforeAll(async () => {
  t = await createTestApp();
  reviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer', 'rita'));
  otherReviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer', 'omar'));
  editor = await createApiToken(t.db, await createUser(t.db, 'editor', 'edna'));
  sentences = await seedSentenceIds(t.app);
});
afterAll(() => t.close());

const claimsUrl = `/api/v1/articles/${SEED_SLUG}/claims`;

async function counts() {
  return {
    claims: await countRows(t.db, 'claims'),
    checks: await countRows(t.db, 'checks'),
    sources: await countRows(t.db, 'check_sources'),
    decisions: await countRows(t.db, 'decisions'),
  };
}

describe('creating claims', () => {
  test('when a reviewer picks a sentence, then the claim targets exactly that sentence; asking again returns the same claim', async () => {
    const article = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}`)).body;
    const sentence = article.sentences[3];
    const first = await request(t.app)
      .post(claimsUrl)
      .set(bearer(reviewer))
      .send({ sentenceId: sentence.id, statement: 'Over 22,000 Chinese nationals were arrested at the border in 2023.' })
      .expect(201);
    expect(first.body.target).toMatchObject({ exact: sentence.text, start: sentence.start, end: sentence.end, sentenceIds: [sentence.id] });
    expect(first.body.target.prefix).toBe(article.text.slice(sentence.start - 32, sentence.start));
    expect(first.body.statement).toBe('Over 22,000 Chinese nationals were arrested at the border in 2023.');
    const again = await request(t.app).post(claimsUrl).set(bearer(otherReviewer)).send({ sentenceId: sentence.id }).expect(200);
    expect(again.body.id).toBe(first.body.id);
  });

  test('when a quote crosses two sentences, then it touches both', async () => {
    const exact =
      'That’s a 1300-percent increase from 2022, as well as the years before, when typically the number of Chinese arrested at the southern border would be in the low thousands. By contrast, more than 4,000 citizens';
    const res = await request(t.app).post(claimsUrl).set(bearer(reviewer)).send({ quote: { exact } }).expect(201);
    expect(res.body.target.exact).toBe(exact);
    expect(res.body.target.sentenceIds).toHaveLength(2);
  });

  test('when a quote occurs several times, then prefix and suffix choose the occurrence', async () => {
    const article = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}`)).body;
    const at = article.text.indexOf('The U.S. is home');
    const res = await request(t.app)
      .post(claimsUrl)
      .set(bearer(reviewer))
      .send({ quote: { exact: 'U.S.', prefix: 'The ', suffix: ' is home' } })
      .expect(201);
    expect(res.body.target.start).toBe(at + 4);
  });

  test('when a quote differs from the text only in whitespace, then it still anchors', async () => {
    const res = await request(t.app)
      .post(claimsUrl)
      .set(bearer(reviewer))
      .send({ quote: { exact: 'has accepted   66,000\nrefugees' } })
      .expect(201);
    expect(res.body.target.exact).toBe('has accepted 66,000 refugees');
  });

  test.each([
    ['a quote that is not in the article', { quote: { exact: 'The moon is made of cheese.' } }, 422],
    ['a sentence of no article', { sentenceId: 's-000000000000' }, 422],
    ['both a sentence and a quote', { sentenceId: 's-000000000000', quote: { exact: 'U.S.' } }, 400],
    ['neither', { statement: 'x' }, 400],
    ['a blank quote', { quote: { exact: '   ' } }, 400],
    ['an over-long statement', { quote: { exact: 'Ecuador' }, statement: 'x'.repeat(501) }, 413],
  ])('when the request has %s, then it is refused and nothing is stored', async (_name, body, status) => {
    const before = await counts();
    const res = await request(t.app).post(claimsUrl).set(bearer(reviewer)).send(body).expect(status);
    expect(res.body.error.message.length).toBeGreaterThan(5);
    expect(await counts()).toEqual(before);
  });
});

describe('checks and independent review', () => {
  test('when the second reviewer has not filed, then they see neither the first check nor the aggregate; after filing they see both', async () => {
    const claimId = await createClaim(t.app, reviewer, { sentenceId: sentences[5] });
    await fileCheck(t.app, reviewer, claimId, { verdict: 'false' });
    const before = (await request(t.app).get(`/api/v1/claims/${claimId}`).set(bearer(otherReviewer)).expect(200)).body;
    expect(before).toMatchObject({ visibility: 'own', checks: [], aggregate: null });
    await fileCheck(t.app, otherReviewer, claimId, { verdict: 'true' });
    const after = (await request(t.app).get(`/api/v1/claims/${claimId}`).set(bearer(otherReviewer)).expect(200)).body;
    expect(after.visibility).toBe('all');
    expect(after.checks.map((c: { verdict: string }) => c.verdict)).toEqual(['false', 'true']);
    expect(after.aggregate).toMatchObject({ reviewers: 2, status: 'disputed', verdict: 'mixed', ratingValue: 3, agreement: 0 });
  });

  test('when an editor looks, then they see all checks without filing; anonymous gets 404 for an unpublished claim', async () => {
    const claimId = await createClaim(t.app, reviewer, { sentenceId: sentences[6] });
    await fileCheck(t.app, reviewer, claimId);
    expect((await request(t.app).get(`/api/v1/claims/${claimId}`).set(bearer(editor)).expect(200)).body.checks).toHaveLength(1);
    expect((await request(t.app).get(`/api/v1/claims/${claimId}`).expect(404)).body.error.code).toBe('not_found');
  });

  test('when the claim does not exist, then filing a check is a 404 and nothing is stored', async () => {
    const before = await counts();
    expect((await request(t.app).post('/api/v1/claims/987654/checks').set(bearer(reviewer)).send(validCheck()).expect(404)).body.error.message).toBe(
      'There is no such claim.',
    );
    expect(await counts()).toEqual(before);
  });

  test('when a reviewer files twice, then the second is a 409 and nothing is added', async () => {
    const claimId = await createClaim(t.app, reviewer, { sentenceId: sentences[7] });
    await fileCheck(t.app, reviewer, claimId);
    const before = await counts();
    expect((await request(t.app).post(`/api/v1/claims/${claimId}/checks`).set(bearer(reviewer)).send(validCheck()).expect(409)).body.error.code).toBe(
      'conflict',
    );
    expect(await counts()).toEqual(before);
  });

  const source = (url: string) => ({ sources: [{ url, stance: 'supports' }] });
  test.each([
    ['an unknown verdict', { verdict: 'pants-on-fire' }, 400, /verdict: must be one of/],
    ['an unknown confidence', { confidence: 'total' }, 400, /confidence/],
    ['an empty rationale', { rationale: '  ' }, 400, /rationale: is required/],
    ['no sources', { sources: [] }, 400, /give at least one source/],
    ['21 sources', { sources: Array.from({ length: 21 }, (_, i) => ({ url: `https://example.org/${i}`, stance: 'context' })) }, 400, /at most 20 sources/],
    ['a javascript: URL', source('javascript:alert(1)'), 400, /sources.0.url: must be an http/],
    ['a data: URL', source('data:text/html,<script>alert(1)</script>'), 400, /sources.0.url/],
    ['a file: URL', source('file:///etc/passwd'), 400, /sources.0.url/],
    ['a URL with credentials', source('https://admin:secret@example.org/'), 400, /sources.0.url/],
    ['an unknown stance', { sources: [{ url: 'https://example.org', stance: 'agrees' }] }, 400, /stance/],
    ['an over-long rationale', { rationale: 'x'.repeat(10_001) }, 413, /rationale: must be at most 10,000/],
    ['an over-long URL', source(`https://example.org/${'a'.repeat(2100)}`), 413, /url: must be at most 2048/],
  ])('when a check has %s, then it is refused with a clear message and nothing is stored', async (_name, overrides, status, message) => {
    const claimId = await createClaim(t.app, reviewer, { sentenceId: sentences[8] });
    const before = await counts();
    const res = await request(t.app).post(`/api/v1/claims/${claimId}/checks`).set(bearer(otherReviewer)).send(validCheck(overrides)).expect(status);
    expect(res.body.error.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  test('when the author edits a check, then it changes and the history keeps before and after; someone else gets 403', async () => {
    const claimId = await createClaim(t.app, reviewer, { sentenceId: sentences[9] });
    const checkId = await fileCheck(t.app, reviewer, claimId, { verdict: 'mixed' });
    await request(t.app).patch(`/api/v1/checks/${checkId}`).set(bearer(otherReviewer)).send({ verdict: 'true' }).expect(403);
    await request(t.app).patch(`/api/v1/checks/${checkId}`).set(bearer(editor)).send({ verdict: 'true' }).expect(403);
    const res = await request(t.app)
      .patch(`/api/v1/checks/${checkId}`)
      .set(bearer(reviewer))
      .send({ verdict: 'mostly-false', sources: [{ url: 'https://example.org/report', stance: 'refutes', quote: 'fewer than claimed' }] })
      .expect(200);
    expect(res.body).toMatchObject({
      verdict: 'mostly-false',
      confidence: 'high',
      sources: [{ url: 'https://example.org/report', domain: 'example.org', stance: 'refutes', quote: 'fewer than claimed' }],
    });
    const revisions = await t.db('check_revisions').where({ check_id: checkId }).orderBy('id');
    expect(revisions).toHaveLength(2);
    expect(JSON.parse(revisions[1].before).verdict).toBe('mixed');
    expect(JSON.parse(revisions[1].after).verdict).toBe('mostly-false');
    await request(t.app).patch(`/api/v1/checks/${checkId}`).set(bearer(reviewer)).send({}).expect(400);
    await request(t.app)
      .patch(`/api/v1/checks/${checkId}`)
      .set(bearer(reviewer))
      .send({ sources: [{ url: 'ftp://x.org', stance: 'refutes' }] })
      .expect(400);
    expect(await t.db('check_revisions').where({ check_id: checkId })).toHaveLength(2); // the rejected edits added no revision
    expect((await t.db('check_sources').where({ check_id: checkId })).map((s: { url: string }) => s.url)).toEqual(['https://example.org/report']);
  });
});

describe('decisions, publishing and the reader overlay', () => {
  let nextSentence = 0;
  test('when an editor publishes, then readers see the verdict in the API, the overlay and the claim; unpublishing hides it again', async () => {
    const sentenceId = sentences[4];
    const claimId = await createClaim(t.app, reviewer, { sentenceId });
    await fileCheck(t.app, reviewer, claimId, { verdict: 'mostly-true' });
    await fileCheck(t.app, otherReviewer, claimId, { verdict: 'true', sources: [{ url: 'https://example.org/cbp', title: 'CBP data', stance: 'supports' }] });

    await request(t.app).post(`/api/v1/claims/${claimId}/decision`).set(bearer(reviewer)).send({ verdict: 'true', summary: 'x', publish: true }).expect(403);
    const noNote = await request(t.app)
      .post(`/api/v1/claims/${claimId}/decision`)
      .set(bearer(editor))
      .send({ verdict: 'true', summary: 'Right.', publish: true })
      .expect(400);
    expect(noNote.body.error.message).toMatch(/note: the verdict differs from the reviewers’ consensus \(Mostly true\)/);
    expect(await countRows(t.db, 'decisions')).toBe(0);

    const summary = 'CBP counted about 24,000 arrests of Chinese nationals in fiscal 2023.';
    await request(t.app).post(`/api/v1/claims/${claimId}/decision`).set(bearer(editor)).send({ verdict: 'mostly-true', summary, publish: true }).expect(200);

    const anonymous = (await request(t.app).get(`/api/v1/claims/${claimId}`).expect(200)).body;
    expect(anonymous).toMatchObject({
      visibility: 'none',
      checks: [],
      aggregate: null,
      decision: { verdict: 'mostly-true', label: 'Mostly true', summary, published: true },
    });
    expect(anonymous.decision).not.toHaveProperty('note');
    expect(anonymous.sources.map((s: { url: string }) => s.url)).toEqual([
      'https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters',
      'https://example.org/cbp',
    ]);

    const verdicts = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}/verdicts`).expect(200)).body;
    expect(verdicts.verdicts).toEqual([
      expect.objectContaining({ claimId, verdict: 'mostly-true', ratingValue: 4, summary, target: expect.objectContaining({ sentenceIds: [sentenceId] }) }),
    ]);
    expect(verdicts.summary['mostly-true']).toBe(1);

    const page = (await request(t.app).get(`/articles/${SEED_SLUG}`).expect(200)).text;
    expect(page).toMatch(
      new RegExp(
        `<span class="sentence" id="${sentenceId}"[^>]*><mark class="claim-mark verdict-mostly-true" data-claim-id="${claimId}" data-claim-ids="${claimId}">[^<]+</mark></span>`,
      ),
    );
    expect(page).toMatch(new RegExp(`href="#fc-${claimId}"[^>]*><span class="visually-hidden">Fact-check: </span>Mostly true</a>`));
    expect(page).toMatch(new RegExp(`<li id="fc-${claimId}" class="factcheck" data-source-count="[1-9]\\d*">`));
    expect(page).toContain('Fact-checked: 1 claim');
    expect(page).toContain(summary);
    expect(page).toMatch(new RegExp(`<a href="/claims/${claimId}">Full fact-check with its \\d+ sources?</a>`)); // the sources: one link away
    const off = (await request(t.app).get(`/articles/${SEED_SLUG}?overlay=off`).expect(200)).text;
    expect(off).not.toContain('<mark');
    expect(off).toContain('Show highlights');

    const overridden = await request(t.app)
      .post(`/api/v1/claims/${claimId}/decision`)
      .set(bearer(editor))
      .send({ verdict: 'true', summary, note: 'Final CBP figures confirm it.', publish: false })
      .expect(200);
    expect(overridden.body.decision).toMatchObject({ verdict: 'true', published: false, note: 'Final CBP figures confirm it.' });
    await request(t.app).get(`/api/v1/claims/${claimId}`).expect(404);
    expect((await request(t.app).get(`/api/v1/articles/${SEED_SLUG}/verdicts`)).body.verdicts).toEqual([]);
    expect((await t.db('decision_revisions').where({ claim_id: claimId })).length).toBe(2);
  });

  test('when a claim has no check, then a decision is a 422', async () => {
    const claimId = await createClaim(t.app, reviewer, { quote: { exact: 'Ecuador, a country that allows visa-free travel from the PRC' } });
    const res = await request(t.app)
      .post(`/api/v1/claims/${claimId}/decision`)
      .set(bearer(editor))
      .send({ verdict: 'true', summary: 'x', publish: true })
      .expect(422);
    expect(res.body.error.message).toMatch(/needs at least one reviewer/);
  });

  test.each([
    [{ verdict: 'true', publish: true }, /summary: is required/],
    [{ verdict: 'nope', summary: 's', publish: true }, /verdict/],
    [{ verdict: 'true', summary: 's', publish: 'maybe' }, /publish: must be true or false/],
  ])('when the decision is %p, then it is a 400', async (body, message) => {
    const claimId = await createClaim(t.app, reviewer, { sentenceId: sentences[10 + nextSentence++] });
    await fileCheck(t.app, reviewer, claimId);
    expect((await request(t.app).post(`/api/v1/claims/${claimId}/decision`).set(bearer(editor)).send(body).expect(400)).body.error.message).toMatch(message);
  });
});

describe('exact highlights on the article page', () => {
  test('when published claims cover part of a sentence, a whole sentence around it and two sentences, then each quote is marked exactly and overlaps name every claim', async () => {
    const sentence = 'Their trip usually starts with a flight to Ecuador, a country that allows visa-free travel from the PRC.';
    const part = 'a country that allows visa-free travel from the PRC';
    const slug = 'exact-highlights';
    await request(t.app)
      .post('/api/v1/articles')
      .set(bearer(editor))
      .send({ slug, title: 'Exact highlights', text: `Many pay smugglers to be led or smuggled. ${sentence} Then they go north.` })
      .expect(201);
    const whole = await createClaim(t.app, reviewer, { quote: { exact: sentence } }, slug);
    const inner = await createClaim(t.app, reviewer, { quote: { exact: part } }, slug);
    const across = await createClaim(t.app, reviewer, { quote: { exact: 'to be led or smuggled. Their trip' } }, slug);
    for (const id of [whole, inner, across]) {
      await fileCheck(t.app, reviewer, id);
      await request(t.app)
        .post(`/api/v1/claims/${id}/decision`)
        .set(bearer(editor))
        .send({ verdict: 'mostly-true', summary: 'Checked.', publish: true })
        .expect(200);
    }
    const html = (await request(t.app).get(`/articles/${slug}`).expect(200)).text;
    const marked = (ids: number[]) =>
      new RegExp(
        `<mark class="claim-mark verdict-mostly-true${ids.length > 1 ? ' claim-overlap' : ''}" data-claim-id="${ids[ids.length - 1]}" data-claim-ids="${ids.join(' ')}">([^<]*)</mark>`,
        'g',
      );
    expect([...html.matchAll(marked([inner]))]).toEqual([]); // never alone: the whole-sentence claim covers it
    expect([...html.matchAll(marked([whole, inner]))].map((m) => m[1])).toEqual([part]);
    expect([...html.matchAll(marked([across, whole]))].map((m) => m[1])).toEqual(['Their trip']);
    expect([...html.matchAll(marked([across]))].map((m) => m[1])).toEqual(['to be led or smuggled.', ' ']);
    expect([...html.matchAll(marked([whole]))].map((m) => m[1])).toEqual([' usually starts with a flight to Ecuador, ', '.']);
    for (const id of [whole, inner, across]) expect(html).toContain(`href="#fc-${id}" data-claim-id="${id}" data-overlay="badge"`);
  });
});
