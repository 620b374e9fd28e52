import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../../support/app';
import { bearer } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';

/** Hardening issue items 9, 15 and 17: the annotation import's work is bounded and validated, and positions are code points. */
let t: TestApp;
let editor: string;
beforeAll(async () => {
  t = await createTestApp();
  editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
});
afterAll(() => t.close());

const annotation = (exact: string, extra: Record<string, unknown>[] = []) => ({
  type: 'Annotation',
  target: { source: 'x', selector: [{ type: 'TextQuoteSelector', exact }, ...extra] },
});

async function article(title: string, text: string): Promise<string> {
  const res = await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title, text }).expect(201);
  return res.body.slug;
}

describe('annotation import', () => {
  test('when an annotation has an empty or blank quote, then it is reported invalid at once and nothing is stored', async () => {
    const claimsBefore = await t.db('claims').count({ n: '*' }).first();
    const res = await request(t.app)
      .post(`/api/v1/articles/${SEED_SLUG}/annotations`)
      .set(bearer(editor))
      .send([annotation(''), annotation('   ')])
      .expect(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['invalid', 'invalid']);
    expect(res.body.results[0].message).toMatch(/exact: is required/);
    expect(await t.db('claims').count({ n: '*' }).first()).toEqual(claimsBefore);
  });

  test('when a quote is longer than a claim may be, then that item is invalid and the others are imported', async () => {
    const seed = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}`).expect(200)).body;
    const res = await request(t.app)
      .post(`/api/v1/articles/${SEED_SLUG}/annotations`)
      .set(bearer(editor))
      .send([annotation(seed.text.slice(0, 2500)), annotation(seed.sentences[3].text)])
      .expect(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['invalid', 'created']);
  });

  test('when the quotes of one import hold too many characters in all, then it is a 413 before any work', async () => {
    const many = Array.from({ length: 120 }, (_, i) => annotation(`${i} `.padEnd(1900, 'x')));
    const res = await request(t.app).post(`/api/v1/articles/${SEED_SLUG}/annotations`).set(bearer(editor)).send(many).expect(413);
    expect(res.body.error.message).toMatch(/at most 200,000 characters in all/);
  });

  test('when a quote covers more than 500 sentences, then the claim is stored (no statement grows past the database limits)', async () => {
    const slug = await article('Exclamations', 'A! '.repeat(700));
    const text = (await request(t.app).get(`/api/v1/articles/${slug}`).expect(200)).body.text as string;
    const quote = text.slice(0, 1998).trim();
    const res = await request(t.app)
      .post(`/api/v1/articles/${slug}/claims`)
      .set(bearer(editor))
      .send({ quote: { exact: quote } });
    expect(res.status).toBe(201);
    expect(res.body.target.sentenceIds.length).toBeGreaterThan(600);
  });
});

describe('TextPositionSelector counts code points', () => {
  const emoji = '😀'.repeat(20);

  test('when a claim follows emoji, then the export counts code points and the import of those positions anchors the same words', async () => {
    const slug = await article('Emoji text A', `${emoji} Same words here. Same words here. End.`);
    const text = (await request(t.app).get(`/api/v1/articles/${slug}`).expect(200)).body.text as string;
    const second = text.lastIndexOf('Same words here.');
    const created = await request(t.app)
      .post(`/api/v1/articles/${slug}/claims`)
      .set(bearer(editor))
      .send({ quote: { exact: 'Same words here.', start: second, end: second + 16 } })
      .expect(201);
    expect(created.body.target.start).toBe(second);

    // A claim is exported through its checks and decision: file one.
    const checkRes = await request(t.app)
      .post(`/api/v1/claims/${created.body.id}/checks`)
      .set(bearer(editor))
      .send({ verdict: 'true', confidence: 'high', rationale: 'Yes.', sources: [{ url: 'https://example.org', stance: 'supports' }] })
      .expect(201);
    const one = (await request(t.app).get(`/api/v1/annotations/check-${checkRes.body.id}`).set(bearer(editor)).expect(200)).body;
    const position = one.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
    expect(position.start).toBe([...text.slice(0, second)].length);
    expect(position.start).toBe(second - 20);

    // Another article with the same text (same-length title): import by position only, no prefix or suffix.
    const copy = await article('Emoji text B', `${emoji} Same words here. Same words here. End.`);
    const imported = await request(t.app)
      .post(`/api/v1/articles/${copy}/annotations`)
      .set(bearer(editor))
      .send([annotation('Same words here.', [{ type: 'TextPositionSelector', start: position.start, end: position.end }])])
      .expect(200);
    const claim = (await request(t.app).get(`/api/v1/claims/${imported.body.results[0].claimId}`).set(bearer(editor)).expect(200)).body;
    expect(claim.target.start).toBe(second);
  });
});
