import { servicesOf } from '../../support/services';
import request from 'supertest';
import { createApiToken, createUser } from '../../support/factories';
import { createTestApp, SEED_SLUG, type TestApp } from '../../support/app';
import { apiCsrf, csrfFrom, signIn } from '../../support/http';
import { countRows } from '../../support/database';

import path from 'node:path';

let t: TestApp;
let editorToken: string;
let reviewerToken: string;

beforeAll(async () => {
  t = await createTestApp();
  editorToken = await createApiToken(t.db, await createUser(t.db, 'editor'));
  reviewerToken = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
});
afterAll(() => t.close());

async function rowCounts() {
  return { articles: await countRows(t.db, 'articles'), blocks: await countRows(t.db, 'article_blocks'), sentences: await countRows(t.db, 'sentences') };
}

describe('the seed article', () => {
  test('when the home page is requested, then it lists the seed article', async () => {
    const res = await request(t.app).get('/').expect(200);
    expect(res.text).toContain(`href="/articles/${SEED_SLUG}"`);
    expect(res.text).toContain('Soaring Numbers of Chinese Nationals Arrested');
  });

  test('when the article page is requested, then it is semantic HTML with every sentence its own linkable element', async () => {
    const res = await request(t.app).get(`/articles/${SEED_SLUG}`).expect(200).expect('content-type', /html/);
    const html = res.text;
    expect(html).toMatch(/<article[^>]*>/);
    expect(html).toMatch(/<header class="article-header">/);
    expect(html).toMatch(/<h1 class="headline"><span class="sentence" id="s-[0-9a-f]{12}"/);
    expect(html).toContain('<time datetime="2023-11-23">November 23, 2023</time>');
    expect(html).toMatch(/<figure class="lead-figure">[\s\S]*<figcaption>[\s\S]*\(Image: Getty Images\)<\/span><\/figcaption>/);
    expect(html.match(/<h2>/g)).toHaveLength(2);
    expect(html).toContain('Truth, Inspiration, Hope.');
    expect(html).toContain('Leo Timm');

    const api = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}`).expect(200)).body;
    for (const sentence of api.sentences) {
      expect(html).toContain(`id="${sentence.id}" data-sentence-id="${sentence.id}"`);
    }
    expect(html.match(/class="sentence"/g)).toHaveLength(api.sentences.length);
  });

  test('when the API returns the article, then its sentences tile the text and the known traps are split right', async () => {
    const article = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}`).expect(200)).body;
    expect(article).toMatchObject({ slug: SEED_SLUG, byline: 'Leo Timm', publishedAt: '2023-11-23', publisher: { tagline: 'Truth, Inspiration, Hope.' } });
    expect(article.text.startsWith('Soaring Numbers')).toBe(true);
    expect(article.text).not.toContain('Truth, Inspiration, Hope.');
    expect(article.text).not.toContain('(Image: Getty Images)');
    expect(article.blocks.map((b: { kind: string }) => b.kind).filter((k: string) => k === 'heading')).toHaveLength(2);
    expect(article.blocks[1]).toMatchObject({ kind: 'caption', credit: 'Getty Images' });
    for (const s of article.sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
    for (const block of article.blocks) {
      for (const id of block.sentences) expect(article.sentences.find((s: { id: string }) => s.id === id).blockIndex).toBe(block.index);
    }
    const texts: string[] = article.sentences.map((s: { text: string }) => s.text);
    expect(texts).toContain(
      'More and more people from mainland China are attempting the difficult and illegal journey from Latin America to the United States via the Mexican border, with over 22,000 arrested by U.S. Customs and Border Patrol officials this year.',
    );
    expect(texts).toContain('Chinese nationals hold up documents while waiting arrest by U.S. border control officers.');
    expect(texts.some((text) => text.startsWith('2023 has seen a massive increase'))).toBe(true);
  });

  test('when the content is imported again, then nothing is duplicated', async () => {
    const before = await rowCounts();
    const imported = await servicesOf(t.db).articles.importContentDirectory(path.join(t.config.rootDir, 'content', 'articles'));
    expect(imported).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  test('when an article does not exist, then the page and the API answer 404', async () => {
    const page = await request(t.app).get('/articles/no-such-article').expect(404);
    expect(page.text).toContain('There is no article at this address.');
    const api = await request(t.app).get('/api/v1/articles/no-such-article').expect(404);
    expect(api.body).toEqual({ error: { code: 'not_found', message: 'There is no article at this address.' } });
  });

  test('when the articles API is listed, then it includes the seed article', async () => {
    const res = await request(t.app).get('/api/v1/articles').expect(200);
    expect(res.body.articles).toEqual(expect.arrayContaining([expect.objectContaining({ slug: SEED_SLUG, title: expect.any(String) })]));
  });
});

describe('POST /api/v1/articles', () => {
  const post = (body: unknown, token = editorToken) =>
    request(t.app)
      .post('/api/v1/articles')
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);

  test('when an editor posts plain text, then the article is created with blocks and sentences', async () => {
    const res = await post({
      title: 'Council approves budget',
      text: 'The council met on Tuesday. It approved the budget.\n\n## Reactions\n\nMr. Lee said it was fair.',
      byline: 'A. Writer',
      publishedAt: '2024-02-29',
      sourceUrl: 'https://example.org/budget',
    }).expect(201);
    expect(res.headers.location).toBe('/api/v1/articles/council-approves-budget');
    expect(res.body).toMatchObject({
      slug: 'council-approves-budget',
      title: 'Council approves budget',
      byline: 'A. Writer',
      publishedAt: '2024-02-29',
      sourceUrl: 'https://example.org/budget',
    });
    expect(res.body.blocks.map((b: { kind: string }) => b.kind)).toEqual(['headline', 'paragraph', 'heading', 'paragraph']);
    expect(res.body.sentences.map((s: { text: string }) => s.text)).toEqual([
      'Council approves budget',
      'The council met on Tuesday.',
      'It approved the budget.',
      'Reactions',
      'Mr. Lee said it was fair.',
    ]);
    await request(t.app).get('/articles/council-approves-budget').expect(200);
  });

  test('when the slug an editor chose is already taken, then it is a 409 and nothing is written', async () => {
    await post({ title: 'Unique story', text: 'Body text.', slug: 'unique-story' }).expect(201);
    const before = await rowCounts();
    const res = await post({ title: 'Another story', text: 'Another body.', slug: 'unique-story' }).expect(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.message).toMatch(/already exists/);
    expect(await rowCounts()).toEqual(before);
  });

  test('when the address a title gives is taken, then the new article takes the next free number', async () => {
    expect((await post({ title: 'Same headline', text: 'First body.' }).expect(201)).body.slug).toBe('same-headline');
    expect((await post({ title: 'Same headline', text: 'Second body.' }).expect(201)).body.slug).toBe('same-headline-2');
    expect((await post({ title: 'Same headline!', text: 'Third body.' }).expect(201)).body.slug).toBe('same-headline-3');
  });

  test('when a title is in another script, then its address is transliterated; one with no letters at all is numbered', async () => {
    expect((await post({ title: '宇航员在太空中喝酒', text: 'Body.' }).expect(201)).body.slug).toBe('yu-hang-yuan-zai-tai-kong-zhong-he-jiu');
    expect((await post({ title: 'Новости дня', text: 'Body.' }).expect(201)).body.slug).toBe('novosti-dnya');
    expect((await post({ title: '¿?', text: 'Body.' }).expect(201)).body.slug).toBe('article');
    expect((await post({ title: '!!!', text: 'Body.' }).expect(201)).body.slug).toBe('article-2');
  });

  test('when the text is only headings or list items, then it is an article all the same', async () => {
    const res = await post({ title: 'Only lists', text: '## What changes\n\n- Fares rise.\n\n- Timetables shrink.' }).expect(201);
    expect(res.body.blocks.map((b: { kind: string }) => b.kind)).toEqual(['headline', 'heading', 'list-item', 'list-item']);
  });

  test.each([
    ['empty text', { title: 'T', text: '   ' }, 400, /text: is required/],
    ['missing title', { text: 'Body.' }, 400, /title: is required/],
    ['impossible date', { title: 'T', text: 'Body.', publishedAt: '2023-02-30' }, 400, /publishedAt: must be a date/],
    ['free-text date', { title: 'T', text: 'Body.', publishedAt: 'last week' }, 400, /publishedAt/],
    ['javascript: source', { title: 'T', text: 'Body.', sourceUrl: 'javascript:alert(1)' }, 400, /sourceUrl: must be an http/],
    ['source with credentials', { title: 'T', text: 'Body.', sourceUrl: 'https://user:pw@example.org/' }, 400, /sourceUrl/],
    ['bad slug', { title: 'T', text: 'Body.', slug: 'Not A Slug' }, 400, /slug/],
    ['text over the limit', { title: 'T', text: 'a'.repeat(200_001) }, 413, /text: must be at most 200,000 characters/],
  ])('when the input has %s, then it is refused and nothing is written', async (_name, body, status, message) => {
    const before = await rowCounts();
    const res = await post(body).expect(status);
    expect(res.body.error.message).toMatch(message);
    expect(typeof res.body.error.code).toBe('string');
    expect(await rowCounts()).toEqual(before);
  });

  test('when the body is not JSON, then it is a 400 with a JSON error', async () => {
    const res = await request(t.app)
      .post('/api/v1/articles')
      .set('Authorization', `Bearer ${editorToken}`)
      .set('content-type', 'application/json')
      .send('{"title":')
      .expect(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  test('when the body exceeds the request limit, then it is a 413', async () => {
    const res = await post({ title: 'T', text: 'a'.repeat(1_100_000) }).expect(413);
    expect(res.body.error.code).toBe('too_large');
  });

  test('when a reviewer or anonymous caller posts, then it is 403 or 401', async () => {
    expect((await post({ title: 'T', text: 'B.' }, reviewerToken).expect(403)).body.error.code).toBe('forbidden');
    expect((await request(t.app).post('/api/v1/articles').send({ title: 'T', text: 'B.' }).expect(401)).body.error.code).toBe('unauthenticated');
  });

  test('when the token is unknown, then it is a 401 and never treated as anonymous', async () => {
    const res = await request(t.app).get('/api/v1/articles').set('Authorization', 'Bearer fl_not-a-real-token').expect(401);
    expect(res.body.error.code).toBe('invalid_token');
  });

  test('when a signed-in editor posts with the session cookie, then the CSRF header is required', async () => {
    const editor = await createUser(t.db, 'editor');
    const agent = await signIn(t.app, editor.username, editor.password);
    await agent.post('/api/v1/articles').send({ title: 'Cookie story', text: 'Body.' }).expect(403);
    const csrf = await apiCsrf(agent);
    await agent.post('/api/v1/articles').set('x-csrf-token', csrf).send({ title: 'Cookie story', text: 'Body.' }).expect(201);
  });
});

describe('the new-article form', () => {
  test('when an editor submits the form, then they are taken to the new article', async () => {
    const editor = await createUser(t.db, 'editor');
    const agent = await signIn(t.app, editor.username, editor.password);
    const csrf = csrfFrom((await agent.get('/articles/new').expect(200)).text);
    const res = await agent.post('/articles').type('form').send({ _csrf: csrf, title: 'Form story', text: 'It works. Really.', publishedAt: '' }).expect(303);
    expect(res.headers.location).toBe('/articles/form-story');
  });

  test('when the form has a bad date, then it is shown again with the message and the typed values', async () => {
    const editor = await createUser(t.db, 'editor');
    const agent = await signIn(t.app, editor.username, editor.password);
    const csrf = csrfFrom((await agent.get('/articles/new').expect(200)).text);
    const res = await agent
      .post('/articles')
      .type('form')
      .send({ _csrf: csrf, title: 'Dated story', text: 'Body <b>bold</b>.', publishedAt: '31/12/2023' })
      .expect(400);
    expect(res.text).toContain('role="alert"');
    expect(res.text).toContain('publishedAt: must be a date like 2023-11-23');
    expect(res.text).toContain('value="Dated story"');
    expect(res.text).toContain('Body &lt;b&gt;bold&lt;/b&gt;.');
    expect(await t.db('articles').where({ slug: 'dated-story' }).first()).toBeUndefined();
  });

  test('when a reviewer opens the form, then it is 403; anonymous is asked to sign in', async () => {
    const reviewer = await createUser(t.db, 'reviewer');
    const agent = await signIn(t.app, reviewer.username, reviewer.password);
    await agent.get('/articles/new').expect(403);
    const anonymous = await request(t.app).get('/articles/new').set('accept', 'text/html').expect(401);
    expect(anonymous.text).toContain('/login?next=');
  });
});

describe('addresses and order (hardening)', () => {
  test('when an article is titled "New", then it does not take /articles/new; an explicit reserved slug is refused', async () => {
    const created = await request(t.app)
      .post('/api/v1/articles')
      .set('Authorization', `Bearer ${editorToken}`)
      .send({ title: 'New', text: 'A body.' })
      .expect(201);
    expect(created.body.slug).toBe('new-article');
    const refused = await request(t.app)
      .post('/api/v1/articles')
      .set('Authorization', `Bearer ${editorToken}`)
      .send({ title: 'Edit', text: 'A body.', slug: 'edit' })
      .expect(400);
    expect(refused.body.error.message).toMatch(/slug: is the address of one of Factline’s own pages/);
  });

  test('when some articles have no date, then they come after the dated ones on every database', async () => {
    const post = (title: string, publishedAt?: string) =>
      request(t.app)
        .post('/api/v1/articles')
        .set('Authorization', `Bearer ${editorToken}`)
        .send({ title, text: 'A body.', ...(publishedAt ? { publishedAt } : {}) })
        .expect(201);
    await post('Undated story for ordering');
    await post('Dated story for ordering', '2024-02-01');
    const list = (await request(t.app).get('/api/v1/articles').expect(200)).body.articles as { publishedAt: string | null }[];
    const firstUndated = list.findIndex((a) => a.publishedAt === null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(list.slice(firstUndated).every((a) => a.publishedAt === null)).toBe(true);
  });

  test('when publication times come with different offsets, then they are stored in UTC and the list is newest first by the real time', async () => {
    const post = (title: string, publishedAt: string) =>
      request(t.app).post('/api/v1/articles').set('Authorization', `Bearer ${editorToken}`).send({ title, text: 'A body.', publishedAt }).expect(201);
    // 23:00 in New York on 1 January is 04:00 UTC on 2 January: later than 01:00 UTC on 2 January.
    const evening = await post('New York evening story', '2030-01-01T23:00-05:00');
    const night = await post('London night story', '2030-01-02T01:00:00Z');
    expect(evening.body.publishedAt).toBe('2030-01-02T04:00:00Z');
    expect(night.body.publishedAt).toBe('2030-01-02T01:00:00Z');
    const titles = ((await request(t.app).get('/api/v1/articles').expect(200)).body.articles as { title: string }[]).map((a) => a.title);
    expect(titles.indexOf('New York evening story')).toBeLessThan(titles.indexOf('London night story'));
  });
});

describe('the article list in pages', () => {
  const slugsOf = (body: { articles: { slug: string }[] }) => body.articles.map((a) => a.slug);

  beforeAll(async () => {
    const post = (slug: string, publishedAt?: string) =>
      request(t.app)
        .post('/api/v1/articles')
        .set('Authorization', `Bearer ${editorToken}`)
        .send({ title: `Paged ${slug}`, text: 'A body.', slug, ...(publishedAt ? { publishedAt } : {}) })
        .expect(201);
    // Two on the same date (the id breaks the tie), two undated, one in the future.
    for (const [slug, date] of [['paged-a', '2023-05-01'], ['paged-b', '2023-05-01'], ['paged-c'], ['paged-d', '2030-01-01'], ['paged-e']] as const)
      await post(slug, date);
  });

  test('when a client follows the next cursors, then the pages together are the whole list in order, each article once', async () => {
    const whole = (await request(t.app).get('/api/v1/articles').query({ limit: 200 }).expect(200)).body;
    expect(whole.next).toBeNull();
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const res = await request(t.app)
        .get('/api/v1/articles')
        .query({ limit: 2, ...(after ? { after } : {}) })
        .expect(200);
      expect(res.body.articles.length).toBeLessThanOrEqual(2);
      seen.push(...slugsOf(res.body));
      if (!res.body.next) break;
      after = res.body.next;
    }
    expect(seen).toEqual(slugsOf(whole));
    expect(new Set(seen).size).toBe(seen.length);
    // Newest first, the same date newest created first, undated last (newest created first).
    const order = seen.filter((slug) => slug.startsWith('paged-'));
    expect(order).toEqual(['paged-d', 'paged-b', 'paged-a', 'paged-e', 'paged-c']);
  });

  test('when a reader pages the home page, then each page links the older one and a later page is not the cached first', async () => {
    const first = await request(t.app).get('/').query({ limit: 2 }).expect(200);
    const older = /<a href="(\/\?after=[^"]+)" rel="next">Older articles<\/a>/.exec(first.text);
    expect(older).not.toBeNull();
    await request(t.app).get('/').expect(200); // the first page, now cached for anonymous readers
    const second = await request(t.app).get(older![1].replace(/&amp;/g, '&')).expect(200);
    expect(second.text).toContain('<a href="/">Newest articles</a>');
    const titles = (html: string) => [...html.matchAll(/class="article-list-title" href="\/articles\/([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(titles(second.text).length).toBeGreaterThan(0);
    for (const slug of titles(first.text)) expect(titles(second.text)).not.toContain(slug);
  });

  test('when the cursor or the limit is not one the list accepts, then 400 says so, as JSON and as a page', async () => {
    const forged = Buffer.from(JSON.stringify(['2023-05-01', 'x'])).toString('base64url');
    for (const query of [{ after: 'not-a-cursor' }, { after: forged }])
      expect((await request(t.app).get('/api/v1/articles').query(query).expect(400)).body.error.message).toMatch(/after: is not a cursor this list gave/);
    expect((await request(t.app).get('/api/v1/articles').query({ limit: 0 }).expect(400)).body.error.message).toMatch(/limit: must be a number from 1 to 200/);
    expect((await request(t.app).get('/').query({ after: 'not-a-cursor' }).expect(400)).text).toContain('is not a cursor this list gave');
  });
});
