import request from 'supertest';
import { rebuildClaimStats, runStatsCommand, verifyClaimStats } from '../../../src/modules/review';
import { decisionsReader, VERDICTS } from '../../../src/modules/verdicts';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer, createClaim, validCheck } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';
import { seededRandom } from '../../support/random';

let t: TestApp;
let editor: string;
let reviewers: string[];

const sentences = (count: number, word = 'harbour') =>
  Array.from({ length: count }, (_, i) => `Sentence ${i + 1} says the ${word} cost ${i + 3} million euros.`).join(' ');

async function newArticle(title: string, count: number): Promise<string> {
  return (
    await request(t.app)
      .post('/api/v1/articles')
      .set(bearer(editor))
      .send({ title, text: sentences(count) })
      .expect(201)
  ).body.slug;
}

/** A new article with one claim, checked "true" by the first reviewer. */
async function claimWithOneTrueCheck(title: string): Promise<{ slug: string; claimId: number }> {
  const slug = await newArticle(title, 3);
  const claimId = await createClaim(t.app, reviewers[0], { quote: { exact: 'Sentence 2 says the harbour' } }, slug);
  await request(t.app)
    .post(`/api/v1/claims/${claimId}/checks`)
    .set(bearer(reviewers[0]))
    .send(validCheck({ verdict: 'true' }))
    .expect(201);
  return { slug, claimId };
}

const stats = () => decisionsReader(t.db, { minOrdinalChecks: t.config.minReviewsForConsensus });

beforeEach(async () => {
  t = await createTestApp();
  editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
  reviewers = [];
  for (let i = 0; i < 5; i++) reviewers.push(await createApiToken(t.db, await createUser(t.db, 'reviewer')));
});
afterEach(() => t.close());

describe('stored claim aggregates', () => {
  test('when a random sequence of claims, checks, edits, decisions and article revisions runs, then the stored aggregates equal ones recomputed from scratch', async () => {
    const slug = await newArticle('Stats story', 14);
    const rng = seededRandom(20261129);
    const claimIds: number[] = [];
    const checksOf = new Map<string, number>(); // "token|claim" → check id
    let current = 14; // sentences in the article now
    let word = 'harbour'; // and the word a revision may change (claims on it need a recheck once published)
    const tally: Record<string, number> = {};
    for (let step = 0; step < 90; step++) {
      const action = claimIds.length < 3 ? 'claim' : rng.pick(['claim', 'check', 'check', 'check', 'edit', 'decide', 'revise'] as const);
      tally[action] = (tally[action] ?? 0) + 1;
      if (action === 'claim') {
        const n = 1 + Math.floor(rng.next() * current);
        const exact = rng.next() < 0.5 ? `Sentence ${n} says the` : `Sentence ${n} says the ${word} cost`;
        claimIds.push(await createClaim(t.app, rng.pick(reviewers), { quote: { exact } }, slug));
      } else if (action === 'check') {
        const token = rng.pick(reviewers);
        const claimId = rng.pick(claimIds);
        const res = await request(t.app)
          .post(`/api/v1/claims/${claimId}/checks`)
          .set(bearer(token))
          .send(validCheck({ verdict: rng.pick(VERDICTS) }));
        if (res.status === 201) checksOf.set(`${token}|${claimId}`, res.body.id);
        else expect(res.status).toBe(409); // this reviewer already checked it
      } else if (action === 'edit' && checksOf.size > 0) {
        const [key, checkId] = rng.pick([...checksOf.entries()]);
        await request(t.app)
          .patch(`/api/v1/checks/${checkId}`)
          .set(bearer(key.split('|')[0]))
          .send({ verdict: rng.pick(VERDICTS) })
          .expect(200);
      } else if (action === 'decide') {
        const claimId = rng.pick(claimIds);
        const res = await request(t.app)
          .post(`/api/v1/claims/${claimId}/decision`)
          .set(bearer(editor))
          .send({ verdict: rng.pick(VERDICTS), summary: 'Decided.', note: 'The desk decided so.', publish: rng.next() < 0.7 });
        expect([200, 422]).toContain(res.status); // 422: no checks yet
      } else if (action === 'revise') {
        // A corrected article: some claims move, some lose their text (needs-recheck for published ones).
        current = 14 - Math.floor(rng.next() * 3);
        word = rng.pick(['harbour', 'port', 'quay']);
        await request(t.app)
          .put(`/api/v1/articles/${slug}`)
          .set(bearer(editor))
          .send({ text: sentences(current, word) })
          .expect(200);
      }
      // Checked after every step, so a write path that forgot its aggregate cannot hide behind a later one.
      const { drift } = await verifyClaimStats(t.db, stats());
      expect({ step, action, drift }).toEqual({ step, action, drift: [] });
    }
    expect(Object.keys(tally).sort()).toEqual(['check', 'claim', 'decide', 'edit', 'revise']); // every kind of write happened
    const statuses: { status: string }[] = await t.db('claim_stats').select('status');
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['disputed', 'needs-recheck', 'needs-review', 'consensus', 'published']));

    const result = await verifyClaimStats(t.db, stats());
    expect(result.claims).toBe(new Set(claimIds).size);
    expect(result.drift).toEqual([]);
  });

  test('when a stored aggregate is wrong, then stats verify reports the claim and field and exits 1, and stats rebuild repairs it', async () => {
    const { claimId } = await claimWithOneTrueCheck('Drift story');
    await t.db('claim_stats').where({ claim_id: claimId }).update({ n_true: 3, status: 'disputed' });
    const lines: string[] = [];
    expect(await runStatsCommand(t.db, ['stats', 'verify'], stats(), (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toMatch(/^checked the stored aggregates of \d+ claims: 2 differences$/);
    expect(lines.slice(1).sort()).toEqual([
      `  claim ${claimId} n_true: stored 3, recomputed 1`,
      `  claim ${claimId} status: stored "disputed", recomputed "needs-review"`,
    ]);
    expect(await runStatsCommand(t.db, ['stats', 'rebuild'], stats(), () => {})).toBe(0);
    expect(await runStatsCommand(t.db, ['stats', 'verify'], stats(), () => {})).toBe(0);
  });

  test("when a claim is read, then its page, the reviewer's article list and the queue all show the one stored aggregate", async () => {
    const { slug, claimId } = await claimWithOneTrueCheck('One aggregate story');
    // A row that differs from what the checks give: whoever shows it reads the stored aggregate.
    await t.db('claim_stats').where({ claim_id: claimId }).update({ n_true: 3, reviewers: 3, status: 'disputed' });
    const claim = (await request(t.app).get(`/api/v1/claims/${claimId}`).set(bearer(editor)).expect(200)).body;
    expect(claim.aggregate).toMatchObject({ status: 'disputed', reviewers: 3, distribution: expect.objectContaining({ true: 3 }) });
    const queued = (await request(t.app).get('/api/v1/review').set(bearer(editor)).expect(200)).body.claims.find((c: { id: number }) => c.id === claimId);
    expect(queued.aggregate).toEqual(claim.aggregate);
    const listed = (await request(t.app).get(`/api/v1/articles/${slug}/claims`).set(bearer(reviewers[0])).expect(200)).body.claims;
    expect(listed).toEqual([expect.objectContaining({ id: claimId, checkedByMe: true, status: 'disputed' })]);
  });

  test('when the stored aggregates are missing (an upgraded database), then a rebuild fills them and the queue shows every claim', async () => {
    const slug = await newArticle('Upgrade story', 4);
    for (const n of [1, 2, 3]) await createClaim(t.app, reviewers[0], { quote: { exact: `Sentence ${n} says the harbour` } }, slug);
    await t.db('claim_stats').delete();
    expect((await verifyClaimStats(t.db, stats())).drift).toHaveLength(3);
    expect((await request(t.app).get('/api/v1/review').set(bearer(editor)).expect(200)).body.claims).toHaveLength(0);
    expect(await rebuildClaimStats(t.db, stats())).toBe(3);
    expect((await request(t.app).get('/api/v1/review').set(bearer(editor)).expect(200)).body.claims).toHaveLength(3);
  });
});

describe('review queue pages', () => {
  type Page = { claims: { id: number }[]; next: string | null; counts: Record<string, number> };
  const page = async (query: Record<string, string>) => (await request(t.app).get('/api/v1/review').query(query).set(bearer(editor)).expect(200)).body as Page;
  async function walk(query: Record<string, string>, between: () => Promise<void> = async () => {}): Promise<number[][]> {
    const pages: number[][] = [];
    let after: string | null = null;
    do {
      const body: Page = await page({ ...query, ...(after ? { after } : {}) });
      pages.push(body.claims.map((c) => c.id));
      after = body.next;
      await between();
    } while (after);
    return pages;
  }

  async function varied(count: number, slug: string): Promise<number[]> {
    const rng = seededRandom(7);
    const ids: number[] = [];
    for (let n = 1; n <= count; n++) {
      const id = await createClaim(t.app, reviewers[0], { quote: { exact: `Sentence ${n} says the harbour` } }, slug);
      ids.push(id);
      const checks = Math.floor(rng.next() * 4);
      for (let r = 0; r < checks; r++)
        await request(t.app)
          .post(`/api/v1/claims/${id}/checks`)
          .set(bearer(reviewers[r]))
          .send(validCheck({ verdict: rng.pick(VERDICTS) }))
          .expect(201);
    }
    return ids;
  }

  test('when the queue is read in pages in each order, then the pages together are the whole order, each claim once, and the counts come with every page', async () => {
    const slug = await newArticle('Pages story', 30);
    const ids = await varied(30, slug);
    await request(t.app)
      .post(`/api/v1/claims/${ids[0]}/assignments`)
      .set(bearer(editor))
      .send({ username: (await t.db('users').where({ role: 'reviewer' }).first()).username, due: '2099-03-01' })
      .expect(201);
    for (const sort of ['status', 'newest', 'reviewers', 'agreement', 'article', 'due']) {
      const whole = (await page({ sort, limit: '200' })).claims.map((c) => c.id);
      const pages = await walk({ sort, limit: '4' });
      expect(pages.flat()).toEqual(whole);
      expect(pages.slice(0, -1).every((p) => p.length === 4)).toBe(true);
      if (sort !== 'due') expect(whole.sort()).toEqual([...ids].sort());
    }
    expect((await page({ sort: 'due' })).claims.map((c) => c.id)).toEqual([ids[0]]); // only claims with open dated work
    const first = await page({ limit: '4' });
    expect(Object.values(first.counts).reduce((a, b) => a + b, 0)).toBe(30);
    expect(first.counts).toEqual((await page({ limit: '4', after: first.next! })).counts);
  });

  test('when checks are filed and claims created while an editor pages through the queue, then no claim that kept its place is skipped or repeated', async () => {
    const slug = await newArticle('Busy story', 45);
    const ids = await varied(36, slug);
    const rng = seededRandom(99);
    const touched = new Set<number>();
    let extra = 37;
    const writeSome = async () => {
      for (let i = 0; i < 2; i++) {
        const id = rng.pick(ids);
        const token = rng.pick(reviewers);
        const res = await request(t.app)
          .post(`/api/v1/claims/${id}/checks`)
          .set(bearer(token))
          .send(validCheck({ verdict: rng.pick(VERDICTS) }));
        if (res.status === 201) touched.add(id);
      }
      if (extra <= 45) await createClaim(t.app, reviewers[1], { quote: { exact: `Sentence ${extra++} says the harbour` } }, slug); // new claims rank among the first
    };
    const seen = (await walk({ limit: '5' }, writeSome)).flat();
    expect(touched.size).toBeGreaterThan(3);
    expect(extra).toBeGreaterThan(40); // the writes really happened between pages
    for (const id of ids.filter((id) => !touched.has(id))) expect(seen.filter((s) => s === id)).toHaveLength(1);
  });

  test('when the cursor is not one the queue gave, then 400 says so', async () => {
    const res = await request(t.app).get('/api/v1/review').query({ after: 'bm90IGEgY3Vyc29y' }).set(bearer(editor)).expect(400);
    expect(res.body.error.message).toBe('after: is not a cursor this queue gave (start again from the first page)');
    await request(t.app).get('/api/v1/review').query({ limit: '0' }).set(bearer(editor)).expect(400);
  });
});
