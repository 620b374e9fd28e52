import { servicesOf } from '../../support/services';
import request from 'supertest';

import { createExportsService } from '../../../src/modules/exports/exports-service';
import { csvChunks, jsonChunks } from '../../../src/modules/exports/tabular-export';
import { VERDICTS } from '../../../src/modules/verdicts';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer, createClaim, validCheck } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';
import { exportCsv, exportJson } from '../../support/in-memory-exports';

let t: TestApp;
let editor: string;
let slugs: string[];

const STATEMENTS = [
  null,
  'Plain statement.',
  'A "quoted", comma; statement',
  '=HYPERLINK("http://evil.example")',
  'Two\nlines',
  'Ünïcödé — “curly” ✓',
  '-12 million',
  '@mention',
];

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
  const reviewers = [];
  for (let i = 0; i < 3; i++) reviewers.push(await createApiToken(t.db, await createUser(t.db, 'reviewer')));
  slugs = [];
  for (const [a, title] of ['First, “export” story', 'Second story'].entries()) {
    const text = Array.from({ length: 9 }, (_, i) => `Line ${i + 1} of story ${a} says ${i * 7 + a} things happened.`).join(' ');
    const slug = (await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title, text }).expect(201)).body.slug;
    slugs.push(slug);
    for (let i = 1; i <= 8; i++) {
      const statement = STATEMENTS[(i + a) % STATEMENTS.length];
      const claimId = await createClaim(t.app, reviewers[0], { quote: { exact: `Line ${i} of story ${a}` }, ...(statement ? { statement } : {}) }, slug);
      for (let r = 0; r < i % 4; r++)
        await request(t.app)
          .post(`/api/v1/claims/${claimId}/checks`)
          .set(bearer(reviewers[r]))
          .send(validCheck({ verdict: VERDICTS[(i + r) % VERDICTS.length], sources: [{ url: `https://example.org/${a}/${i}?q=a,b`, stance: 'supports' }] }))
          .expect(201);
      if (i % 4 !== 0 && i % 3 === 0)
        await request(t.app)
          .post(`/api/v1/claims/${claimId}/decision`)
          .set(bearer(editor))
          .send({ verdict: 'mixed', summary: `Summary, with "quotes" ${i}`, note: 'Desk call.', publish: i % 2 === 1 })
          .expect(200);
    }
  }
});
afterAll(() => t.close());

function services() {
  const { articles, claims, checks, review } = servicesOf(t.db, t.config.minReviewsForConsensus);
  return { articles, claims, checks, review };
}

/** What the previous implementation was given: every claim of the article at once. */
async function articleData(slug: string) {
  const { articles, review } = services();
  const article = await articles.getBySlug(slug);
  return {
    article: { slug: article.slug, title: article.title, text: article.text },
    claims: await review.records(article.id),
    revisionDates: new Map<number, string>(),
  };
}

describe('streamed exports', () => {
  test('when an article is exported as CSV and JSON, then the streamed bodies are byte for byte what the in-memory implementation produced, however small the batches', async () => {
    const { articles, review } = services();
    const min = t.config.minReviewsForConsensus;
    for (const slug of slugs) {
      const data = await articleData(slug);
      const expectedCsv = exportCsv(data, min);
      expect(expectedCsv.split('\r\n').length).toBe(10); // header, 8 claims, the final line break
      const article = await articles.getBySlug(slug);
      for (const batch of [1, 3, 500]) expect(await collect(csvChunks(review.recordBatches(article.id, batch), min))).toBe(expectedCsv);
      const at = '2026-11-29T06:00:00.000Z';
      for (const batch of [1, 3, 500])
        expect(await collect(jsonChunks(data.article, at, review.recordBatches(article.id, batch), min))).toBe(JSON.stringify(exportJson(data, min, at)));

      const csv = await request(t.app).get(`/api/v1/articles/${slug}/export.csv`).set(bearer(editor)).buffer(true).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.text).toBe(expectedCsv);
      const json = await request(t.app).get(`/api/v1/articles/${slug}/export.json`).set(bearer(editor)).expect(200);
      expect(json.text).toBe(JSON.stringify(exportJson(data, min, json.body.exportedAt)));
    }
  });

  test('when every claim is exported, then each article’s rows follow in order, each with its slug first', async () => {
    const min = t.config.minReviewsForConsensus;
    const all = await request(t.app).get('/api/v1/exports/claims.csv').set(bearer(editor)).buffer(true).expect(200);
    expect(all.headers['content-disposition']).toBe('attachment; filename=factline-claims.csv');
    const [header, ...lines] = all.text.split('\r\n');
    expect(header).toBe(`article,${exportCsv(await articleData(slugs[0]), min).split('\r\n')[0]}`);
    const expected: string[] = [];
    for (const slug of slugs)
      for (const line of exportCsv(await articleData(slug), min)
        .split('\r\n')
        .slice(1, -1))
        expected.push(`${slug},${line}`); // the shipped article has no claims
    expect(lines.slice(0, -1)).toEqual(expected);
    await request(t.app)
      .get('/api/v1/exports/claims.csv')
      .set(bearer(await createApiToken(t.db, await createUser(t.db, 'reviewer'))))
      .expect(403);
  });

  test('when the annotations are read in windows, then the windows together are the whole collection, with the same total, for an editor and for a reader', async () => {
    const { articles, claims, checks, review } = services();
    const exportsService = createExportsService({
      articles,
      claims,
      checks,
      review,
      publishing: { baseUrl: 'https://factcheck.example.org', publisherName: 'Desk' },
    });
    const editorViewer = { id: (await t.db('users').where({ role: 'editor' }).first()).id, role: 'editor' as const };
    for (const viewer of [editorViewer, null]) {
      const whole = await exportsService.annotationWindow(slugs[0], viewer, 0, 10_000);
      expect(whole.items.length).toBe(whole.total);
      const pieces = [];
      for (let start = 0; start < whole.total; start += 4) {
        const window = await exportsService.annotationWindow(slugs[0], viewer, start, 4);
        expect(window.total).toBe(whole.total);
        pieces.push(...window.items);
      }
      expect(pieces).toEqual(whole.items);
    }
    expect((await exportsService.annotationWindow(slugs[0], editorViewer, 0, 10_000)).total).toBeGreaterThan(
      (await exportsService.annotationWindow(slugs[0], null, 0, 10_000)).total,
    );
  });
});
