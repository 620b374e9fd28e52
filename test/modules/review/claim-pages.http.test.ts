import request from 'supertest';
import { krippendorffAlpha, VERDICT_VALUE, type Verdict } from '../../../src/modules/verdicts';
import { createTestApp, SEED_SLUG, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../../support/claims';
import { countRows } from '../../support/database';
import { createApiToken, createUser, type TestUser } from '../../support/factories';
import { csrfFrom, signIn, type Agent } from '../../support/http';

let t: TestApp;
let rita: TestUser;
let omar: TestUser;
let edna: TestUser;
let sentences: string[];

beforeAll(async () => {
  t = await createTestApp();
  rita = await createUser(t.db, 'reviewer', 'rita');
  omar = await createUser(t.db, 'reviewer', 'omar');
  edna = await createUser(t.db, 'editor', 'edna');
  sentences = await seedSentenceIds(t.app);
});
afterAll(() => t.close());

/** Loads the page for its CSRF token, submits the form, and expects the status. */
async function post(agent: Agent, pageUrl: string, action: string, fields: Record<string, string | string[]>, status: number) {
  const csrf = csrfFrom((await agent.get(pageUrl).expect(200)).text);
  return agent
    .post(action)
    .type('form')
    .send({ _csrf: csrf, ...fields })
    .expect(status);
}

const checkForm = (verdict: string, rationale = 'Checked against CBP monthly data.') => ({
  verdict,
  confidence: 'medium',
  rationale,
  source_url: ['https://www.cbp.gov/newsroom/stats', ''],
  source_title: ['CBP statistics', ''],
  source_stance: ['supports', 'supports'],
  source_quote: ['', ''],
});

describe('the whole loop with plain forms (no JavaScript)', () => {
  test('when two reviewers check, an editor publishes, then an anonymous reader sees the verdict on the article', async () => {
    const ritaAgent = await signIn(t.app, rita.username, rita.password);
    const article = (await ritaAgent.get(`/articles/${SEED_SLUG}`).expect(200)).text;
    expect(article).toContain(`href="/articles/${SEED_SLUG}/claims/new"`);

    const created = await post(
      ritaAgent,
      `/articles/${SEED_SLUG}/claims/new?sentence=${sentences[2]}`,
      `/articles/${SEED_SLUG}/claims`,
      { sentenceId: sentences[2], quote: '', statement: 'Arrests rose sharply in 2023' },
      303,
    );
    const claimUrl = created.headers.location as string;
    expect(claimUrl).toMatch(/^\/claims\/\d+$/);

    await post(ritaAgent, claimUrl, `${claimUrl}/checks`, checkForm('mostly-true'), 303);
    const ritaView = (await ritaAgent.get(claimUrl).expect(200)).text;
    expect(ritaView).toContain('Edit your check');

    const omarAgent = await signIn(t.app, omar.username, omar.password);
    const before = (await omarAgent.get(claimUrl).expect(200)).text;
    expect(before).toContain('you will see the other reviewers’ checks');
    expect(before).not.toContain('Mostly true</span> <span class="meta">');
    await post(omarAgent, claimUrl, `${claimUrl}/checks`, checkForm('true'), 303);
    const after = (await omarAgent.get(claimUrl).expect(200)).text;
    expect(after).toContain('Reviewers’ verdict');
    expect(after).toMatch(/<h3 id="check-\d+-title">rita <span class="username">@rita<\/span><\/h3>/);
    expect(after).toContain('<caption>Distribution of the 2 verdicts</caption>');

    const ednaAgent = await signIn(t.app, edna.username, edna.password);
    const summary = 'Arrests of Chinese nationals rose more than tenfold in 2023.';
    await post(ednaAgent, claimUrl, `${claimUrl}/decision`, { verdict: 'mostly-true', summary, note: '', publish: 'true' }, 303);

    const reader = (await request(t.app).get(`/articles/${SEED_SLUG}`).expect(200)).text;
    expect(reader).toMatch(
      new RegExp(`<span class="sentence" id="${sentences[2]}"[^>]*><mark class="claim-mark verdict-mostly-true" data-claim-id="\\d+" data-claim-ids="\\d+">`),
    );
    expect(reader).toContain(summary);
    const publicClaim = (await request(t.app).get(claimUrl).expect(200)).text;
    expect(publicClaim).toContain('Published verdict');
    expect(publicClaim).toContain('CBP statistics');
    expect(publicClaim).not.toContain('Reviewers’ verdict');
  });

  test('when a check form has an empty rationale, then the form comes back with the message and the typed source', async () => {
    const claimId = await createClaim(t.app, await createApiToken(t.db, rita), { sentenceId: sentences[11] });
    const agent = await signIn(t.app, omar.username, omar.password);
    const before = await countRows(t.db, 'checks');
    const res = await post(agent, `/claims/${claimId}`, `/claims/${claimId}/checks`, checkForm('false', '   '), 400);
    expect(res.text).toContain('rationale: is required');
    expect(res.text).toContain('value="https://www.cbp.gov/newsroom/stats"');
    expect(res.text).toMatch(/value="false" required checked/);
    expect(await countRows(t.db, 'checks')).toBe(before);
  });

  test('when a decision differs from the consensus without a note, then the decision form comes back with the message', async () => {
    const token = await createApiToken(t.db, rita);
    const claimId = await createClaim(t.app, token, { sentenceId: sentences[12] });
    await fileCheck(t.app, token, claimId, { verdict: 'false' });
    const agent = await signIn(t.app, edna.username, edna.password);
    const res = await post(
      agent,
      `/claims/${claimId}`,
      `/claims/${claimId}/decision`,
      { verdict: 'true', summary: 'Typed summary', note: '', publish: 'true' },
      400,
    );
    expect(res.text).toContain('say why in a note');
    expect(res.text).toContain('Typed summary</textarea>');
  });

  test('when a reviewer quotes text that is not in the article, then the claim form says so', async () => {
    const agent = await signIn(t.app, rita.username, rita.password);
    const res = await post(
      agent,
      `/articles/${SEED_SLUG}/claims/new`,
      `/articles/${SEED_SLUG}/claims`,
      { sentenceId: '', quote: 'Not in the article at all', statement: '' },
      422,
    );
    expect(res.text).toContain('The quote was not found in the article’s text.');
    expect(res.text).toContain('Not in the article at all</textarea>');
  });

  test('when an unpublished claim page is requested anonymously, then it is a 404 page', async () => {
    const claimId = await createClaim(t.app, await createApiToken(t.db, rita), { sentenceId: sentences[13] });
    expect((await request(t.app).get(`/claims/${claimId}`).expect(404)).text).toContain('There is no published fact-check here.');
  });
});

describe('review queue and agreement', () => {
  test('when claims have different statuses, then the queue lists disputed first and filters by status and article', async () => {
    const a = await createApiToken(t.db, rita);
    const b = await createApiToken(t.db, omar);
    const disputed = await createClaim(t.app, a, { sentenceId: sentences[14] });
    await fileCheck(t.app, a, disputed, { verdict: 'false' });
    await fileCheck(t.app, b, disputed, { verdict: 'true' });
    const agreed = await createClaim(t.app, a, { sentenceId: sentences[15] });
    await fileCheck(t.app, a, agreed, { verdict: 'true' });
    await fileCheck(t.app, b, agreed, { verdict: 'true' });
    const agent = await signIn(t.app, edna.username, edna.password);
    const html = (await agent.get('/review').expect(200)).text;
    const firstRow = /<tr class="status-row-([a-z-]+)">/.exec(html);
    expect(firstRow![1]).toBe('disputed');
    const onlyConsensus = (await agent.get('/review?status=consensus').expect(200)).text;
    expect(onlyConsensus).toContain(`/claims/${agreed}"`);
    expect(onlyConsensus).not.toContain(`/claims/${disputed}"`);
    const api = (
      await request(t.app)
        .get(`/api/v1/review?status=disputed&article=${SEED_SLUG}`)
        .set(bearer(await createApiToken(t.db, edna)))
        .expect(200)
    ).body;
    expect(api.claims.every((c: { aggregate: { status: string } }) => c.aggregate.status === 'disputed')).toBe(true);
    await agent.get('/review?status=bogus').expect(400);
    await agent.get('/review?article=no-such-article').expect(404);
  });

  test('when an editor filters the queue, then the article choices are the newest articles and the one chosen, never the whole archive', async () => {
    const editorToken = await createApiToken(t.db, edna);
    const post = (slug: string, publishedAt: string) =>
      request(t.app)
        .post('/api/v1/articles')
        .set(bearer(editorToken))
        .send({ title: `Queue choice ${slug}`, text: 'A body.', slug, publishedAt })
        .expect(201);
    await post('queue-choice-oldest', '1999-01-01');
    for (let i = 0; i < 50; i++) await post(`queue-choice-${i}`, `2031-01-${String(1 + (i % 28)).padStart(2, '0')}`);
    const agent = await signIn(t.app, edna.username, edna.password);
    const options = (html: string) => [...html.matchAll(/<option value="([a-z0-9-]+)"[^>]*>Queue choice/g)].map((m) => m[1]);
    const unfiltered = (await agent.get('/review').expect(200)).text;
    expect(options(unfiltered)).toHaveLength(50);
    expect(options(unfiltered)).not.toContain('queue-choice-oldest');
    const chosen = (await agent.get('/review?article=queue-choice-oldest').expect(200)).text;
    expect(chosen).toMatch(/<option value="queue-choice-oldest" selected>/);
    expect(chosen).toContain('/api/v1/articles/queue-choice-oldest/export.csv');
    // And the article's own page leads an editor to its claims in the queue.
    expect((await agent.get('/articles/queue-choice-oldest').expect(200)).text).toContain('href="/review?article=queue-choice-oldest"');
  });

  test('when the agreement is requested, then alpha matches a direct calculation over the article’s ratings', async () => {
    const editorToken = await createApiToken(t.db, edna);
    const res = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}/agreement`).set(bearer(editorToken)).expect(200)).body;
    // The same ratings read straight from the database (independent verdicts; unverifiable is missing), grouped per claim.
    const rows: { claim_id: number; independent_verdict: Verdict }[] = await t.db('checks').select('claim_id', 'independent_verdict');
    const units = new Map<number, number[]>();
    for (const row of rows) {
      const value = VERDICT_VALUE[row.independent_verdict];
      if (value !== null) units.set(Number(row.claim_id), [...(units.get(Number(row.claim_id)) ?? []), value]);
    }
    const direct = krippendorffAlpha([...units.values()]);
    expect(res.ratings).toBe([...units.values()].flat().length);
    expect(res.ratings).toBeGreaterThan(4);
    for (const level of ['nominal', 'ordinal', 'interval'] as const) expect(res.alpha[level]).toBeCloseTo(direct[level] as number, 10);
    expect(res.pairableClaims).toBe(direct.units);
    await request(t.app)
      .get(`/api/v1/articles/${SEED_SLUG}/agreement`)
      .set(bearer(await createApiToken(t.db, rita)))
      .expect(403);
  });
});

describe('user text is shown safely', () => {
  test('when a rationale, statement and source title carry HTML and script links, then they are escaped or removed', async () => {
    const token = await createApiToken(t.db, rita);
    const claimId = await createClaim(t.app, token, { sentenceId: sentences[16], statement: '<img src=x onerror=alert(1)>' });
    await fileCheck(t.app, token, claimId, {
      rationale: '<script>alert(1)</script> [click](javascript:alert(2)) **bold** <b onclick="x()">b</b>',
      sources: [{ url: 'https://example.org/a"onmouseover="alert(3)', title: '<svg onload=alert(4)>', stance: 'context' }],
    });
    const html = (await (await signIn(t.app, rita.username, rita.password)).get(`/claims/${claimId}`).expect(200)).text;
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toMatch(/href="javascript:/);
    const withoutAttributeValues = html.replace(/"[^"]*"/g, '""');
    expect(withoutAttributeValues).not.toMatch(/<[a-z][^>]*\son(click|error|load|mouseover)=/i);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('href="https://example.org/a&#34;onmouseover=&#34;alert(3)"');
  });
});
