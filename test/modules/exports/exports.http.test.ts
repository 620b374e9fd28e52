import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';
import { annotationErrors, collectionErrors, pageErrors } from '../../support/web-annotation-model';

const BASE = 'https://factcheck.example.org';
let t: TestApp;
let rita: string;
let omar: string;
let editor: string;
let published: number;
let sentences: string[];

beforeAll(async () => {
  t = await createTestApp({ publicBaseUrl: BASE, publisherName: 'Example Fact Desk' });
  rita = await createApiToken(t.db, await createUser(t.db, 'reviewer', 'rita'));
  omar = await createApiToken(t.db, await createUser(t.db, 'reviewer', 'omar'));
  editor = await createApiToken(t.db, await createUser(t.db, 'editor', 'edna'));
  sentences = await seedSentenceIds(t.app);
  published = await createClaim(t.app, rita, { sentenceId: sentences[3] });
  await fileCheck(t.app, rita, published, {
    verdict: 'mostly-true',
    sources: [
      { url: 'https://www.cbp.gov/stats', title: 'CBP', stance: 'supports', quote: '24,000 encounters' },
      { url: 'https://example.org/context', stance: 'context' },
    ],
  });
  await fileCheck(t.app, omar, published, { verdict: 'true' });
  await request(t.app)
    .post(`/api/v1/claims/${published}/decision`)
    .set(bearer(editor))
    .send({ verdict: 'mostly-true', summary: 'About 24,000.', publish: true })
    .expect(200);
  const onlyOmar = await createClaim(t.app, omar, { sentenceId: sentences[4] });
  await fileCheck(t.app, omar, onlyOmar, { verdict: 'false' });
});
afterAll(() => t.close());

const collectionUrl = (slug = SEED_SLUG) => `/api/v1/articles/${slug}/annotations`;
const items = (body: { first: { items: Record<string, unknown>[] } }) => body.first.items;

describe('W3C Web Annotation export', () => {
  test('when a reader asks, then the collection holds only published decisions, valid against the model', async () => {
    const res = await request(t.app).get(collectionUrl()).expect(200);
    expect(res.headers['content-type']).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    const body = JSON.parse(res.text);
    expect(collectionErrors(body)).toEqual([]);
    expect(body).toMatchObject({ type: 'AnnotationCollection', total: 1, id: `${BASE}${collectionUrl()}` });
    expect(items(body)).toEqual([
      expect.objectContaining({
        id: `${BASE}/api/v1/annotations/decision-${published}`,
        motivation: 'assessing',
        creator: { id: BASE, type: 'Organization', name: 'Example Fact Desk' },
      }),
    ]);
  });

  test('when an editor asks, then every check is an annotation with verdict, rationale, linked sources and both selectors', async () => {
    const body = JSON.parse((await request(t.app).get(collectionUrl()).set(bearer(editor)).expect(200)).text);
    expect(collectionErrors(body)).toEqual([]);
    expect(body.total).toBe(4);
    const check = items(body).find((a) => (a.creator as { name: string }).name === 'rita')!;
    expect(check.body).toEqual([
      { type: 'TextualBody', purpose: 'assessing', value: 'mostly-true', format: 'text/plain', 'schema:name': 'Mostly true' },
      { type: 'TextualBody', purpose: 'describing', value: expect.stringContaining('CBP'), format: 'text/markdown' },
      {
        type: 'SpecificResource',
        purpose: 'linking',
        source: { id: 'https://www.cbp.gov/stats', type: 'Text', format: 'text/html', 'schema:name': 'CBP' },
        'factline:stance': 'supports',
        'factline:excerpt': '24,000 encounters',
      },
      {
        type: 'SpecificResource',
        purpose: 'linking',
        source: { id: 'https://example.org/context', type: 'Text', format: 'text/html' },
        'factline:stance': 'context',
      },
    ]);
    const selectors = (check.target as { selector: { type: string }[] }).selector;
    expect(selectors.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect((check.target as { source: string }).source).toBe(`${BASE}/articles/${SEED_SLUG}`);
  });

  test('when a reviewer asks, then they see checks only on claims they have checked', async () => {
    const body = JSON.parse((await request(t.app).get(collectionUrl()).set(bearer(rita)).expect(200)).text);
    const creators = items(body)
      .map((a) => (a.creator as { name: string }).name)
      .sort();
    expect(creators).toEqual(['Example Fact Desk', 'omar', 'rita']);
  });

  test('when one annotation is requested, then it matches the collection entry; a reader gets 404 for a check', async () => {
    const collection = JSON.parse((await request(t.app).get(collectionUrl()).set(bearer(editor))).text);
    const entry = items(collection)[0];
    const id = String(entry.id).split('/').pop();
    const single = JSON.parse((await request(t.app).get(`/api/v1/annotations/${id}`).set(bearer(editor)).expect(200)).text);
    expect(annotationErrors(single)).toEqual([]);
    expect({ ...single, '@context': undefined }).toEqual({ ...entry, '@context': undefined });
    await request(t.app).get(`/api/v1/annotations/${id}`).expect(404);
    await request(t.app).get('/api/v1/annotations/nonsense').expect(400);
  });

  test('when pages are requested, then page 0 is a valid AnnotationPage and a page past the end is 404', async () => {
    const page = JSON.parse((await request(t.app).get(`${collectionUrl()}?page=0`).set(bearer(editor)).expect(200)).text);
    expect(pageErrors(page)).toEqual([]);
    expect(page).toMatchObject({ type: 'AnnotationPage', startIndex: 0, partOf: { total: 4 } });
    await request(t.app).get(`${collectionUrl()}?page=3`).expect(404);
    await request(t.app).get(`${collectionUrl()}?page=-1`).expect(400);
  });

  test('when the model checks meet a broken annotation, then they fail (the validator can fail)', () => {
    expect(annotationErrors({ type: 'Annotation', body: { type: 'TextualBody' }, motivation: 'praising', created: 'yesterday' })).toEqual([
      '3.1 @context MUST include http://www.w3.org/ns/anno.jsonld'.replace(/^/, '$: '),
      '3.1 an Annotation MUST have an IRI id',
      '3.1 an Annotation MUST have at least one target',
      'body[0]: 3.2.4 TextualBody MUST have a string value',
      '3.3.5 motivation MUST be a defined motivation',
      '3.3.1 created MUST be an xsd:dateTime with a timezone',
    ]);
    expect(
      annotationErrors({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'urn:x',
        type: 'Annotation',
        target: { source: 'urn:y', selector: { type: 'TextPositionSelector', start: 5, end: 2 } },
      }),
    ).toEqual(['target[0].selector[0]: 4.2.5 TextPositionSelector MUST have integer start <= end, both >= 0']);
  });
});

describe('importing annotations', () => {
  const articleText = 'The council met on Tuesday. It approved a budget of 4 million dollars.\n\nCritics said the figure was too low.';

  test('when an article’s export is imported into a copy, then exporting the copy gives the same annotations', async () => {
    const writer = await createApiToken(t.db, await createUser(t.db, 'reviewer', 'writer'));
    await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ slug: 'budget-original', title: 'Budget', text: articleText }).expect(201);
    await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ slug: 'budget-copy', title: 'Budget', text: articleText }).expect(201);
    for (const [exact, verdict] of [
      ['It approved a budget of 4 million dollars.', 'true'],
      ['Critics said the figure was too low', 'unverifiable'],
    ]) {
      const claim = await request(t.app).post('/api/v1/articles/budget-original/claims').set(bearer(writer)).send({ quote: { exact } }).expect(201);
      await fileCheck(t.app, writer, claim.body.id, {
        verdict,
        sources: [{ url: 'https://example.org/minutes', title: 'Minutes', stance: 'supports', quote: 'approved' }],
      });
    }
    const exported = JSON.parse((await request(t.app).get('/api/v1/articles/budget-original/annotations').set(bearer(writer))).text);
    const report = await request(t.app).post('/api/v1/articles/budget-copy/annotations').set(bearer(writer)).send(exported).expect(200);
    expect(report.body).toMatchObject({ imported: 2, unanchored: 0, invalid: 0, conflicts: 0 });
    const again = JSON.parse((await request(t.app).get('/api/v1/articles/budget-copy/annotations').set(bearer(writer))).text);
    const comparable = (body: { first: { items: Record<string, unknown>[] } }) =>
      items(body).map(({ id: _id, created: _c, modified: _m, target, ...rest }) => ({
        ...rest,
        target: { ...(target as object), source: 'article', state: { ...(target as { state: object }).state, cached: 'revision 1', sourceDate: 'its date' } },
      }));
    expect(comparable(again)).toEqual(comparable(exported));
  });

  test('when annotations cannot be anchored or are invalid, then each is reported and nothing is created for it', async () => {
    const importer = await createApiToken(t.db, await createUser(t.db, 'reviewer', 'importer'));
    await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ slug: 'budget-import', title: 'Budget', text: articleText }).expect(201);
    const anchored = {
      type: 'Annotation',
      target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'The council met on Tuesday.' } },
      body: [
        { type: 'TextualBody', purpose: 'assessing', value: 'true' },
        { type: 'TextualBody', purpose: 'describing', value: 'Minutes confirm it.' },
        { type: 'SpecificResource', purpose: 'linking', source: 'https://example.org/m' },
      ],
    };
    const payload = [
      anchored,
      { ...anchored, target: { selector: { type: 'TextQuoteSelector', exact: 'Words that are not in the article' } } },
      { ...anchored, body: [{ type: 'TextualBody', purpose: 'assessing', value: 'pants-on-fire' }] },
      {
        ...anchored,
        body: [
          { type: 'TextualBody', purpose: 'assessing', value: 'true' },
          { type: 'TextualBody', value: 'r' },
          { type: 'SpecificResource', source: 'javascript:alert(1)' },
        ],
      },
      { type: 'Annotation', body: [] },
      anchored,
    ];
    const before = Number((await t.db('checks').count({ n: '*' }).first())?.n);
    const report = (await request(t.app).post('/api/v1/articles/budget-import/annotations').set(bearer(importer)).send(payload).expect(200)).body;
    expect(report.results.map((r: { status: string }) => r.status)).toEqual(['created', 'unanchored', 'invalid', 'invalid', 'unanchored', 'conflict']);
    expect(report.results[2].message).toMatch(/verdict/);
    expect(report.results[3].message).toMatch(/sources.0.url/);
    expect(Number((await t.db('checks').count({ n: '*' }).first())?.n)).toBe(before + 1);
  });

  test('when Hypothesis annotations are imported, then their quotes become claims with the comment as statement', async () => {
    const importer = await createApiToken(t.db, await createUser(t.db, 'reviewer', 'hypo'));
    const rows = [
      {
        id: 'h1',
        text: 'Is 4 million right?',
        target: [
          {
            source: 'https://news.example/budget',
            selector: [
              { type: 'RangeSelector' },
              { type: 'TextPositionSelector', start: 0, end: 1 },
              { type: 'TextQuoteSelector', exact: 'a budget of 4 million dollars', prefix: 'It approved ', suffix: '.' },
            ],
          },
        ],
      },
    ];
    const report = (await request(t.app).post('/api/v1/articles/budget-original/annotations').set(bearer(importer)).send({ total: 1, rows }).expect(200)).body;
    expect(report.results).toEqual([expect.objectContaining({ status: 'created' })]);
    const claim = (await request(t.app).get(`/api/v1/claims/${report.results[0].claimId}`).set(bearer(editor))).body;
    expect(claim).toMatchObject({ statement: 'Is 4 million right?', target: { exact: 'a budget of 4 million dollars' } });
  });

  test('when the body holds no annotation, or a reader imports, then it is refused', async () => {
    expect((await request(t.app).post(collectionUrl()).set(bearer(rita)).send({ hello: 'world' }).expect(200)).body.results[0].status).toBe('unanchored');
    await request(t.app).post(collectionUrl()).set(bearer(rita)).send([]).expect(400);
    await request(t.app).post(collectionUrl()).send([{}]).expect(401);
  });
});

describe('CSV and JSON exports', () => {
  test('when an editor exports, then CSV and JSON carry statement, quote, verdicts, consensus, decision, agreement and sources', async () => {
    await createClaim(t.app, rita, { sentenceId: sentences[6], statement: '=HYPERLINK("http://evil.example","click")' });
    const csv = await request(t.app)
      .get(`/api/v1/articles/${SEED_SLUG}/export.csv`)
      .set(bearer(editor))
      .expect(200)
      .expect('content-type', /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'claim_id,statement,quote,start,end,status,consensus,rating_value,reviewers,agreement,verdicts,decision,decision_published,decision_summary,source_urls',
    );
    const publishedRow = lines.find((line) => line.startsWith(`${published},`))!;
    expect(publishedRow).toContain(
      ',published,mostly-true,4,2,0.75,mostly-true:1 true:1,mostly-true,true,"About 24,000.",https://www.cbp.gov/stats https://example.org/context https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters',
    );
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const json = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}/export.json`).set(bearer(editor)).expect(200)).body;
    expect(json.claims.find((c: { claimId: number }) => c.claimId === published)).toMatchObject({
      consensus: 'mostly-true',
      agreement: 0.75,
      decision: { verdict: 'mostly-true', published: true },
      sourceUrls: ['https://www.cbp.gov/stats', 'https://example.org/context', 'https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters'],
    });
    await request(t.app).get(`/api/v1/articles/${SEED_SLUG}/export.csv`).set(bearer(rita)).expect(403);
  });
});
