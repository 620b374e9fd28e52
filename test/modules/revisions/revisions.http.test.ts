import request from 'supertest';
import { createApiToken, createUser, TEST_PASSWORD } from '../../support/factories';
import { createTestApp, type TestApp } from '../../support/app';
import { csrfFrom, signIn, type Agent } from '../../support/http';
import { countRows } from '../../support/database';
import { bearer, createClaim, fileCheck } from '../../support/claims';
import { newsPage } from '../../support/news-page';
import { startOrigin, type Origin } from '../../support/origin';

/**
 * Living articles through the real app: updates become revisions, claims are re-anchored in the
 * same transaction, published verdicts whose text changed wait for an editor (needs-recheck),
 * readers are told, and nothing is half-written when an update fails.
 */
let t: TestApp;
let origin: Origin;
let editor: string;
let reviewer: string;
let editorAgent: Agent;

const FIGURE = 'The council counted 1,200 passengers a day in 2025.';
const STEADY = 'The harbour master said the timetable would not change.';
const DOOMED = 'A second ferry was promised for the summer.';
const BODY = [`${FIGURE} ${STEADY}`, `${DOOMED} Its cost was not disclosed.`, '## Reactions', 'Commuters said they would wait and see.'].join('\n\n');

let unique = 0;
async function article(text = BODY): Promise<string> {
  const res = await request(t.app)
    .post('/api/v1/articles')
    .set(bearer(editor))
    .send({ title: `Ferry story ${unique++}`, text })
    .expect(201);
  return res.body.slug;
}

async function publish(claimId: number, summary = 'Checked.') {
  await request(t.app).post(`/api/v1/claims/${claimId}/decision`).set(bearer(editor)).send({ verdict: 'mostly-true', summary, publish: true }).expect(200);
}

const update = (slug: string, body: object, status = 200) => request(t.app).put(`/api/v1/articles/${slug}`).set(bearer(editor)).send(body).expect(status);
const claimOf = async (id: number) => (await request(t.app).get(`/api/v1/claims/${id}`).set(bearer(editor)).expect(200)).body;
const articleOf = async (slug: string, revision?: number) =>
  (
    await request(t.app)
      .get(`/api/v1/articles/${slug}${revision ? `?revision=${revision}` : ''}`)
      .expect(200)
  ).body;

beforeAll(async () => {
  origin = await startOrigin();
  t = await createTestApp({ outboundAllowHosts: [origin.host] });
  const editorUser = await createUser(t.db, 'editor');
  editor = await createApiToken(t.db, editorUser);
  reviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
  editorAgent = await signIn(t.app, editorUser.username, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
  await origin.close();
});

describe('an update that changes what a published quote says without touching its words', () => {
  test('when "said" becomes "denied that" before a published quote, then its verdict needs a recheck and readers are told, though the words are as checked', async () => {
    const slug = await article('Officials said 22,000 people were arrested at the border last year.\n\nThe report came out in May.');
    const claimId = await createClaim(t.app, reviewer, { quote: { exact: '22,000 people were arrested at the border last year.' } }, slug);
    await fileCheck(t.app, reviewer, claimId, { verdict: 'mostly-true' });
    await publish(claimId);
    await update(slug, { text: 'Officials denied that 22,000 people were arrested at the border last year.\n\nThe report came out in May.' });
    const claim = await claimOf(claimId);
    expect(claim.anchor.status).toBe('moved');
    expect(claim.aggregate.status).toBe('needs-recheck');
    const html = (await request(t.app).get(`/articles/${slug}`).expect(200)).text;
    expect(html).toMatch(
      new RegExp(`id="fc-${claimId}"[\\s\\S]*?The article changed around this passage after it was checked; the desk is checking the verdict again\\.`),
    );
  });
});

describe('an update that changes published claims', () => {
  let slug: string;
  let figureClaim: number;
  let steadyClaim: number;
  let doomedClaim: number;
  let result: { revision: number; changed: boolean; anchoring: Record<string, number> };
  let before: { sentences: { id: string; text: string }[] };

  beforeAll(async () => {
    slug = await article();
    figureClaim = await createClaim(t.app, reviewer, { quote: { exact: '1,200 passengers a day' } }, slug);
    steadyClaim = await createClaim(t.app, reviewer, { quote: { exact: STEADY } }, slug);
    doomedClaim = await createClaim(t.app, reviewer, { quote: { exact: DOOMED } }, slug);
    for (const id of [figureClaim, steadyClaim, doomedClaim]) {
      await fileCheck(t.app, reviewer, id);
      await publish(id);
    }
    before = await articleOf(slug);
    const corrected = BODY.replace('1,200 passengers', '1,300 passengers').replace(`${DOOMED} `, '');
    result = (await update(slug, { text: `Editor’s note: figures corrected on November 24.\n\n${corrected}` })).body;
  });

  test('when the text changes, then a new revision is made and the response counts how the claims anchored', () => {
    expect(result).toMatchObject({ revision: 2, changed: true, anchoring: { exact: 0, moved: 1, fuzzy: 1, orphaned: 1 } });
  });

  test('when a quote changed a little, then its claim is fuzzy with the old quote, the similarity and offsets that address the new words', async () => {
    const claim = await claimOf(figureClaim);
    expect(claim.anchor).toMatchObject({ status: 'fuzzy', revision: 2, checkedRevision: 1, previousQuote: '1,200 passengers a day' });
    expect(claim.anchor.similarity).toBeGreaterThan(0.9);
    expect(claim.anchor.similarity).toBeLessThan(1);
    const now = await articleOf(slug);
    expect(now.text.slice(claim.target.start, claim.target.end)).toBe('1,300 passengers a day');
    expect(claim.target.exact).toBe('1,300 passengers a day');
    expect(claim.checks[0].revision).toBe(1);
  });

  test('when a quote only moved, then its claim is moved and keeps its sentence, whose id did not change', async () => {
    const claim = await claimOf(steadyClaim);
    expect(claim.anchor).toEqual({ status: 'moved', revision: 2, checkedRevision: 1 });
    const now = await articleOf(slug);
    const oldId = before.sentences.find((s) => s.text === STEADY)!.id;
    expect(now.sentences.find((s: { text: string }) => s.text === STEADY).id).toBe(oldId);
    expect(claim.target.sentenceIds).toEqual([oldId]);
  });

  test('when a quote’s sentence was deleted, then its claim is orphaned and highlights nothing', async () => {
    const claim = await claimOf(doomedClaim);
    expect(claim.anchor).toMatchObject({ status: 'orphaned', previousQuote: DOOMED });
    expect(claim.target.sentenceIds).toEqual([]);
  });

  test('when the queue is read, then the two changed published verdicts need a recheck and come first', async () => {
    const queue = (await request(t.app).get('/api/v1/review').set(bearer(editor)).expect(200)).body.claims;
    const mine = queue.filter((c: { article: { slug: string } }) => c.article.slug === slug);
    expect(mine.map((c: { id: number; aggregate: { status: string } }) => [c.id, c.aggregate.status])).toEqual([
      [doomedClaim, 'needs-recheck'],
      [figureClaim, 'needs-recheck'],
      [steadyClaim, 'published'],
    ]);
    const firstOther = queue.findIndex((c: { aggregate: { status: string } }) => c.aggregate.status !== 'needs-recheck' && c.aggregate.status !== 'disputed');
    const lastRecheck = queue.map((c: { aggregate: { status: string } }) => c.aggregate.status).lastIndexOf('needs-recheck');
    expect(lastRecheck).toBeLessThan(firstOther);
  });

  test('when a reader opens the article, then the fuzzy claim carries a note, the orphaned one is listed but not highlighted', async () => {
    const html = (await request(t.app).get(`/articles/${slug}`).expect(200)).text;
    expect(html).toMatch(
      new RegExp(
        `id="fc-${figureClaim}"[\\s\\S]*?Checked against an earlier version of this article \\([A-Z][a-z]+ \\d+, \\d{4}\\)\\. The passage as checked: “1,200 passengers a day”`,
      ),
    );
    expect(html).toMatch(new RegExp(`id="fc-${doomedClaim}"[\\s\\S]*?“${DOOMED}”[\\s\\S]*?This passage is no longer in the article`));
    expect(html).not.toContain(`data-claim-id="${doomedClaim}" data-overlay="badge"`);
    // 1,200 became 1,300: the verdict is about a figure no longer there, so it is not drawn on the new words (it is listed above).
    expect(html).not.toContain(`data-claim-id="${figureClaim}" data-overlay="badge"`);
    expect(html).toContain(`data-claim-id="${steadyClaim}" data-overlay="badge"`);
  });

  test('when an earlier revision is asked for, then its own text, blocks and sentences come back', async () => {
    const first = await articleOf(slug, 1);
    expect(first).toMatchObject({ revision: 1, currentRevision: 2 });
    expect(first.text).toContain('1,200 passengers');
    for (const s of first.sentences) expect(first.text.slice(s.start, s.end)).toBe(s.text);
    await request(t.app).get(`/api/v1/articles/${slug}?revision=9`).expect(404);
    const bad = await request(t.app).get(`/api/v1/articles/${slug}?revision=two`).expect(400);
    expect(bad.body.error.message).toMatch(/revision: must be a revision number/);
  });

  test('when the revisions are listed and shown, then each says what changed, and the page marks insertions and deletions in text', async () => {
    const list = (await request(t.app).get(`/api/v1/articles/${slug}/revisions`).expect(200)).body;
    expect(list.revisions.map((r: { number: number; origin: string }) => [r.number, r.origin])).toEqual([
      [2, 'text'],
      [1, 'import'],
    ]);
    expect(list.revisions[0].change.deletedWords).toBeGreaterThan(0);
    expect(list.revisions[0].anchoring).toEqual({ exact: 0, moved: 1, fuzzy: 1, orphaned: 1 });
    const html = (await request(t.app).get(`/articles/${slug}/revisions`).expect(200)).text;
    expect(html).toMatch(
      /counted 1,<del><span class="visually-hidden">\[deleted: <\/span>200<span class="visually-hidden">\]<\/span><\/del><ins><span class="visually-hidden">\[inserted: <\/span>300/,
    );
  });

  test('when the editor publishes the fuzzy verdict again, then it no longer needs a recheck, the quote as checked is the new one and ClaimReview shows the new date', async () => {
    const reviewBefore = (await request(t.app).get(`/api/v1/articles/${slug}/claimreview`).expect(200)).body;
    const modifiedBefore = reviewBefore.find((r: { url: string }) => r.url.endsWith(`/claims/${figureClaim}`)).dateModified;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await publish(figureClaim, 'Still mostly true with the corrected figure.');
    const claim = await claimOf(figureClaim);
    expect(claim.anchor).toEqual({ status: 'exact', revision: 2, checkedRevision: 2 });
    expect(claim.aggregate.status).toBe('published');
    const html = (await request(t.app).get(`/articles/${slug}`).expect(200)).text;
    expect(html).not.toMatch(new RegExp(`id="fc-${figureClaim}"[^]*?Checked against an earlier version[^]*?id="fc-${doomedClaim}"`));
    const reviewAfter = (await request(t.app).get(`/api/v1/articles/${slug}/claimreview`).expect(200)).body;
    expect(reviewAfter.find((r: { url: string }) => r.url.endsWith(`/claims/${figureClaim}`)).dateModified > modifiedBefore).toBe(true);
  });

  test('when the annotations are exported, then each target names the revision it addresses', async () => {
    const page = (await request(t.app).get(`/api/v1/articles/${slug}/annotations`).set(bearer(editor)).expect(200)).body;
    const items = page.first?.items ?? page.items;
    const decisionOf = (id: number) => items.find((a: { id: string }) => a.id.endsWith(`/annotations/decision-${id}`));
    expect(decisionOf(steadyClaim).target.state).toEqual({
      type: 'TimeState',
      cached: expect.stringContaining(`/api/v1/articles/${slug}?revision=2`),
      sourceDate: expect.any(String),
    });
    const orphan = decisionOf(doomedClaim).target;
    expect(orphan.state.cached).toContain('?revision=1');
    expect(orphan.selector).toEqual([{ type: 'TextQuoteSelector', exact: DOOMED, prefix: expect.any(String), suffix: expect.any(String) }]);
  });
});

describe('updates that change nothing or cannot be made', () => {
  test('when the text is the same, then no revision is made and the answer says so', async () => {
    const slug = await article();
    const res = await update(slug, { text: BODY });
    expect(res.body).toEqual({ revision: 1, changed: false, message: 'The text is the same as revision 1: no new revision was made.', anchoring: null });
    expect((await request(t.app).get(`/api/v1/articles/${slug}/revisions`).expect(200)).body.revisions).toHaveLength(1);
  });

  test.each([
    ['text and HTML together', { text: 'A.', html: '<p>A.</p>' }, 400, /give exactly one of “text”, “html”, “refetch”/],
    ['no new text at all', { title: 'Only a title' }, 400, /give exactly one of/],
    ['refetch of an article without a source address', { refetch: true }, 422, /no source address to fetch again/],
    [
      'HTML that is only a photo and its caption',
      {
        html: '<html><body><figure><img src="p.jpg"><figcaption>The old quay, seen from the harbour wall at dawn, before the repairs that the port authority has planned.</figcaption></figure></body></html>',
      },
      422,
      /no body text to check/,
    ],
    ['a malformed date', { text: 'New.', publishedAt: 'yesterday' }, 400, /publishedAt: must be a date/],
  ])(
    'when the update has %s, then it is refused with a clear message and the article, its revisions and its claims stay as they were',
    async (_n, body, status, message) => {
      const slug = await article();
      const claim = await createClaim(t.app, reviewer, { quote: { exact: STEADY } }, slug);
      const rows = { revisions: await countRows(t.db, 'article_revisions'), sentences: await countRows(t.db, 'sentences') };
      const res = await update(slug, body, status);
      expect(res.body.error.message).toMatch(message);
      expect({ revisions: await countRows(t.db, 'article_revisions'), sentences: await countRows(t.db, 'sentences') }).toEqual(rows);
      expect((await articleOf(slug)).text).toContain(FIGURE);
      expect((await claimOf(claim)).anchor).toEqual({ status: 'exact', revision: 1, checkedRevision: 1 });
    },
  );

  test('when a reviewer tries to update an article, then it is refused', async () => {
    const slug = await article();
    await request(t.app).put(`/api/v1/articles/${slug}`).set(bearer(reviewer)).send({ text: 'New.' }).expect(403);
  });
});

describe('update from the source page', () => {
  test('when the publisher corrected the page, then fetching it again makes a revision from the source', async () => {
    const page = (figure: string) =>
      newsPage({
        headline: 'Ferry numbers',
        canonical: origin.url('/ferry'),
        body: [`The council counted ${figure} passengers a day in 2025. ${STEADY}`, 'Commuters said they would wait and see.'],
      });
    origin.set('/ferry', page('1,200'));
    const slug = (
      await request(t.app)
        .post('/api/v1/articles')
        .set(bearer(editor))
        .send({ url: origin.url('/ferry') })
        .expect(201)
    ).body.slug;
    const claim = await createClaim(t.app, reviewer, { quote: { exact: '1,200 passengers a day' } }, slug);
    origin.set('/ferry', page('1,300'));
    const res = await update(slug, { refetch: true });
    expect(res.body).toMatchObject({ revision: 2, changed: true, anchoring: { fuzzy: 1 } });
    expect((await request(t.app).get(`/api/v1/articles/${slug}/revisions`).expect(200)).body.revisions[0].origin).toBe('source');
    expect((await claimOf(claim)).target.exact).toBe('1,300 passengers a day');
  });
});

describe('the Edit page (works without JavaScript)', () => {
  test('when an editor saves a changed text, then they land on the revisions; an unchanged text says nothing changed', async () => {
    const slug = await article();
    const edit = await editorAgent.get(`/articles/${slug}/edit`).expect(200);
    expect(edit.text).toContain(`${FIGURE} ${STEADY}`);
    expect(edit.text).toContain('## Reactions');
    const csrf = csrfFrom(edit.text);
    const same = await editorAgent.post(`/articles/${slug}/edit`).type('form').send({ _csrf: csrf, mode: 'text', text: BODY }).expect(200);
    expect(same.text).toContain('no new revision was made');
    const saved = await editorAgent
      .post(`/articles/${slug}/edit`)
      .type('form')
      .send({ _csrf: csrf, mode: 'text', text: BODY.replace('wait and see', 'wait') })
      .expect(303);
    expect(saved.headers.location).toBe(`/articles/${slug}/revisions#revision-2`);
    const bad = await editorAgent.post(`/articles/${slug}/edit`).type('form').send({ _csrf: csrf, mode: 'source', text: BODY }).expect(422);
    expect(bad.text).toContain('no source address to fetch again');
  });
});

describe('a long history', () => {
  test('when an article has more revisions than the page diffs, then the newest ten are diffed and the older ones link to their text', async () => {
    const slug = await article();
    for (let n = 2; n <= 13; n++) await update(slug, { text: `${BODY}\n\nUpdate number ${n}.` });
    const html = (await request(t.app).get(`/articles/${slug}/revisions`).expect(200)).text;
    expect(html.match(/<div class="diff"/g)).toHaveLength(10);
    for (const older of [2, 3]) expect(html).toContain(`href="/api/v1/articles/${slug}?revision=${older}"`);
    expect(html).not.toContain(`?revision=4"`);
    expect(html).toContain('The article as first imported.');
  });
});
