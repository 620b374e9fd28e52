import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';
import { MATCHING_PAIRS, RECORDED_CLAIMS } from './claim-matching-pairs';

let t: TestApp;
let reviewer: string;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  reviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
  editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
});
afterAll(() => t.close());

async function publish(claimId: number, summary = 'Checked.') {
  await fileCheck(t.app, reviewer, claimId);
  await request(t.app).post(`/api/v1/claims/${claimId}/decision`).set(bearer(editor)).send({ verdict: 'mostly-true', summary, publish: true }).expect(200);
}

/** The test set's recorded claims, in four articles, through the API; published where the set says so. */
async function recordTheTestSet(): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const article of ['migration', 'economy', 'health', 'climate'] as const) {
    const claims = RECORDED_CLAIMS.filter((c) => c.article === article);
    const created = await request(t.app)
      .post('/api/v1/articles')
      .set(bearer(editor))
      .send({ title: `Matching set: ${article}`, text: claims.map((c) => c.quote).join('\n\n') })
      .expect(201);
    for (const claim of claims) {
      const id = await createClaim(t.app, reviewer, { quote: { exact: claim.quote } }, created.body.slug);
      if (claim.published) await publish(id);
      ids.set(claim.key, id);
    }
  }
  return ids;
}

const similar = async (text: string, exclude?: number) =>
  (
    await request(t.app)
      .get('/api/v1/claims/similar')
      .query({ text, ...(exclude ? { exclude } : {}) })
      .set(bearer(reviewer))
      .expect(200)
  ).body.similar as { claimId: number; relation: string; published: boolean; score: number; verdict: string | null }[];

describe('claim matching over the test set', () => {
  let ids: Map<string, number>;
  beforeAll(async () => {
    ids = await recordTheTestSet();
  });

  test('when each test claim is matched, then paraphrases find their claim in the first five (recall ≥ 0.9) and no near-miss is presented as the same claim', async () => {
    let found = 0;
    let paraphrases = 0;
    let presentedSame = 0;
    let nearMissesSame = 0;
    const misses: string[] = [];
    for (const pair of MATCHING_PAIRS) {
      const list = await similar(pair.text);
      expect(list.length).toBeLessThanOrEqual(5);
      const target = list.find((s) => s.claimId === ids.get(pair.target));
      if (pair.kind === 'paraphrase') {
        paraphrases += 1;
        if (target) found += 1;
        else misses.push(pair.text);
        if (target?.relation === 'same') presentedSame += 1;
      } else if (target?.relation === 'same') {
        nearMissesSame += 1;
        misses.push(`near-miss shown as same: ${pair.text}`);
      }
    }
    const nearMisses = MATCHING_PAIRS.length - paraphrases;
    console.log(
      `claim matching: ${MATCHING_PAIRS.length} pairs; recall@5 ${(found / paraphrases).toFixed(3)} (${found}/${paraphrases}), paraphrases shown as "same" ${presentedSame}/${paraphrases}; near-misses shown as "same" ${nearMissesSame}/${nearMisses}${misses.length ? `; ${misses.join(' | ')}` : ''}`,
    );
    expect(MATCHING_PAIRS.length).toBeGreaterThanOrEqual(60);
    expect(found / paraphrases).toBeGreaterThanOrEqual(0.9);
    expect(nearMissesSame).toBe(0);
  });

  test('when similar claims are listed, then published fact-checks come first, each with its verdict; unpublished ones carry none', async () => {
    const list = await similar('Chinese migrants crossing the border, arrested by Border Patrol in 2023');
    const firstUnpublished = list.findIndex((s) => !s.published);
    if (firstUnpublished >= 0) expect(list.slice(firstUnpublished).every((s) => !s.published)).toBe(true);
    expect(list.filter((s) => s.published).every((s) => s.verdict === 'mostly-true')).toBe(true);
    expect(list.filter((s) => !s.published).every((s) => s.verdict === null)).toBe(true);
  });

  test('when a claim is excluded, then it is not listed', async () => {
    const a1 = ids.get('A1')!;
    expect((await similar(RECORDED_CLAIMS[0].quote)).map((s) => s.claimId)).toContain(a1);
    expect((await similar(RECORDED_CLAIMS[0].quote, a1)).map((s) => s.claimId)).not.toContain(a1);
  });

  test('when a reviewer creates a claim, then the response lists the similar claims on record in other articles', async () => {
    const sentences = await seedSentenceIds(t.app);
    const article = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}`).expect(200)).body;
    const ecuador = article.sentences.find((s: { text: string }) => /Ecuador/.test(s.text));
    const res = await request(t.app)
      .post(`/api/v1/articles/${SEED_SLUG}/claims`)
      .set(bearer(reviewer))
      .send({ sentenceId: ecuador?.id ?? sentences[0] })
      .expect(201);
    expect(res.body.similar.map((s: { claimId: number }) => s.claimId)).toContain(ids.get('A2'));
  });

  test('when a reviewer chooses a sentence on the no-JavaScript claim form, then the form lists the claims on record like it', async () => {
    const article = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}`).expect(200)).body;
    const ecuador = article.sentences.find((s: { text: string }) => /visa-free travel from the PRC/.test(s.text));
    const page = await request(t.app).get(`/articles/${SEED_SLUG}/claims/new?sentence=${ecuador.id}`).set(bearer(reviewer)).expect(200);
    expect(page.text).toContain('Checked before? Claims on record like this sentence');
    expect(page.text).toContain(`href="/claims/${ids.get('A2')}"`);
    const none = await request(t.app).get(`/articles/${SEED_SLUG}/claims/new`).set(bearer(reviewer)).expect(200);
    expect(none.text).not.toContain('Checked before?');
  });

  test('when the text is missing or too short, then it is a 400 that says so; anonymous callers get 401', async () => {
    expect((await request(t.app).get('/api/v1/claims/similar').set(bearer(reviewer)).expect(400)).body.error.message).toMatch(/text/);
    expect((await request(t.app).get('/api/v1/claims/similar?text=ab').set(bearer(reviewer)).expect(400)).body.error.message).toMatch(/at least 3/);
    await request(t.app).get('/api/v1/claims/similar?text=Ecuador%20visas').expect(401);
  });
});

describe('the same claim as an earlier fact-check', () => {
  let stories = 0;
  async function twoArticles(thing = 'bridge') {
    stories += 1;
    const first = await request(t.app)
      .post('/api/v1/articles')
      .set(bearer(editor))
      .send({ title: stories === 1 ? 'First story' : `First story ${stories}`, text: `The ${thing} cost 40 million euros to build. Other words follow.` })
      .expect(201);
    const second = await request(t.app)
      .post('/api/v1/articles')
      .set(bearer(editor))
      .send({ title: stories === 1 ? 'Second story' : `Second story ${stories}`, text: `Officials said the ${thing} cost 40 million euros. More text.` })
      .expect(201);
    const original = await createClaim(t.app, reviewer, { quote: { exact: `The ${thing} cost 40 million euros to build.` } }, first.body.slug);
    const again = await createClaim(t.app, reviewer, { quote: { exact: `the ${thing} cost 40 million euros` } }, second.body.slug);
    return { first: first.body.slug as string, second: second.body.slug as string, original, again };
  }

  test('when an editor marks a claim as the same as a published fact-check, then readers of the second article see that verdict with where it was first checked, and the ClaimReview lists both appearances', async () => {
    const { second, original, again } = await twoArticles();
    await publish(original, 'The budget shows 40 million.');
    const marked = await request(t.app).post(`/api/v1/claims/${again}/same-as`).set(bearer(editor)).send({ claimId: original }).expect(200);
    expect(marked.body.sameAs).toMatchObject({
      claimId: original,
      verdict: 'mostly-true',
      summary: 'The budget shows 40 million.',
      article: { title: 'First story' },
    });

    const verdicts = (await request(t.app).get(`/api/v1/articles/${second}/verdicts`).expect(200)).body.verdicts;
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({
      claimId: again,
      url: `/claims/${original}`,
      verdict: 'mostly-true',
      firstChecked: { claimId: original, article: { title: 'First story' } },
    });
    const page = await request(t.app).get(`/articles/${second}`).expect(200);
    expect(page.text).toMatch(/First checked in <a href="\/articles\/[a-z0-9-]+">First story<\/a> on <time/);
    expect(page.text).toContain(`data-claim-id="${again}"`);

    const reviews = (await request(t.app).get(`/api/v1/articles/${second}/claimreview`).expect(200)).body;
    expect(reviews[0].url).toMatch(new RegExp(`/claims/${original}$`));
    expect(reviews[0].itemReviewed.appearance.map((a: { headline: string }) => a.headline)).toEqual(['First story', 'Second story']);
    const originalReview = (
      await request(t.app).get(`/api/v1/articles/${(await request(t.app).get(`/api/v1/claims/${original}`).set(bearer(editor))).body.article.slug}/claimreview`)
    ).body;
    expect(originalReview[0].itemReviewed.appearance).toHaveLength(2);

    await request(t.app).delete(`/api/v1/claims/${again}/same-as`).set(bearer(editor)).expect(200);
    expect((await request(t.app).get(`/api/v1/articles/${second}/verdicts`).expect(200)).body.verdicts).toHaveLength(0);
    const history = await t.db('claim_same_as_events').where({ claim_id: again }).orderBy('id').select('action', 'target_claim_id');
    expect(history).toEqual([
      { action: 'linked', target_claim_id: original },
      { action: 'unlinked', target_claim_id: original },
    ]);
    const claimPage = await request(t.app).get(`/claims/${again}`).set(bearer(editor)).expect(200);
    expect(claimPage.text).toContain(`marked it as the same claim as claim ${original}`);
    expect(claimPage.text).toContain(`undid “the same claim as” claim ${original}`);
  });

  test('when the fact-check is unpublished later, then the second article shows nothing for it', async () => {
    const { second, original, again } = await twoArticles();
    await publish(original);
    await request(t.app).post(`/api/v1/claims/${again}/same-as`).set(bearer(editor)).send({ claimId: original }).expect(200);
    await request(t.app)
      .post(`/api/v1/claims/${original}/decision`)
      .set(bearer(editor))
      .send({ verdict: 'mostly-true', summary: 'Withdrawn.', publish: false })
      .expect(200);
    expect((await request(t.app).get(`/api/v1/articles/${second}/verdicts`).expect(200)).body.verdicts).toHaveLength(0);
  });

  test('when the target is not published, is the claim itself, or the claim has its own verdict, then it is refused with a reason and nothing changes', async () => {
    const { original, again } = await twoArticles();
    expect(
      (await request(t.app).post(`/api/v1/claims/${again}/same-as`).set(bearer(editor)).send({ claimId: original }).expect(422)).body.error.message,
    ).toMatch(/no published verdict/);
    await publish(original);
    expect(
      (await request(t.app).post(`/api/v1/claims/${original}/same-as`).set(bearer(editor)).send({ claimId: original }).expect(422)).body.error.message,
    ).toMatch(/itself/);
    await publish(again);
    expect(
      (await request(t.app).post(`/api/v1/claims/${again}/same-as`).set(bearer(editor)).send({ claimId: original }).expect(409)).body.error.message,
    ).toMatch(/its own published verdict/);
    expect((await request(t.app).post(`/api/v1/claims/${again}/same-as`).set(bearer(editor)).send({ claimId: 'x' }).expect(400)).body.error.message).toMatch(
      /claimId/,
    );
    expect((await request(t.app).post(`/api/v1/claims/${again}/same-as`).set(bearer(editor)).send({ claimId: 999999 }).expect(422)).body.error.message).toMatch(
      /no claim/,
    );
    expect(await t.db('claim_same_as_events').whereIn('claim_id', [original, again])).toHaveLength(0);
  });

  test('when an editor marks it from the claim page without JavaScript, then the form posts and the page shows the shared verdict and an undo button', async () => {
    const { original, again } = await twoArticles('funicular');
    await publish(original);
    const { signIn } = await import('../../support/http');
    const editorUser = await createUser(t.db, 'editor');
    const agent = await signIn(t.app, editorUser.username, 'correct horse battery');
    const before = await agent.get(`/claims/${again}`).expect(200);
    expect(before.text).toContain('Checked before?');
    expect(before.text).toContain(`name="claimId" value="${original}"`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(before.text)![1];
    await agent
      .post(`/claims/${again}/same-as`)
      .type('form')
      .send({ _csrf: csrf, claimId: String(original) })
      .expect(303);
    const after = await agent.get(`/claims/${again}`).expect(200);
    expect(after.text).toContain('The same claim as an earlier fact-check');
    expect(after.text).toContain('Undo “the same claim”');
    // One quote, one verdict: no decision form while the claim shows another's verdict, only the way out.
    expect(after.text).toContain(`This claim shows the verdict of <a href="/claims/${original}">claim ${original}</a>`);
    expect(after.text).not.toContain(`action="/claims/${again}/decision"`);
  });
});
