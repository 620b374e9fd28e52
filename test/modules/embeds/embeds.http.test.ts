import request from 'supertest';
import { createApiToken, createUser } from '../../support/factories';
import { createTestApp, SEED_SLUG, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../../support/claims';

/** The fact-check card other sites frame, and oEmbed for it: published claims only. */
let t: TestApp;
let published: number;
let unpublished: number;
const base = () => t.config.publicBaseUrl;

beforeAll(async () => {
  t = await createTestApp();
  const reviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
  const editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
  const sentences = await seedSentenceIds(t.app);
  published = await createClaim(t.app, reviewer, { sentenceId: sentences[3], statement: 'Over 22,000 Chinese nationals were arrested in 2023.' });
  await fileCheck(t.app, reviewer, published);
  await request(t.app)
    .post(`/api/v1/claims/${published}/decision`)
    .set(bearer(editor))
    .send({ verdict: 'mostly-true', summary: 'CBP counted about 24,000.', publish: true })
    .expect(200);
  unpublished = await createClaim(t.app, reviewer, { sentenceId: sentences[4] });
  await fileCheck(t.app, reviewer, unpublished);
});
afterAll(() => t.close());

describe('the fact-check card', () => {
  test('when a published claim’s card is requested, then it shows the verdict and any site may frame it', async () => {
    const res = await request(t.app).get(`/embed/claims/${published}`).expect(200);
    expect(res.text).toContain('Mostly true');
    expect(res.text).toContain('CBP counted about 24,000.');
    expect(res.text).toContain(`href="${base()}/claims/${published}"`);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors \*/);
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  test('when any other page is requested, then only Factline may frame it', async () => {
    for (const path of [`/articles/${SEED_SLUG}`, `/claims/${published}`, '/']) {
      const res = await request(t.app).get(path).expect(200);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  test('when the claim is unpublished or does not exist, then the card is a 404, even for its reviewer', async () => {
    await request(t.app).get(`/embed/claims/${unpublished}`).expect(404);
    await request(t.app).get('/embed/claims/999999').expect(404);
  });
});

describe('oEmbed', () => {
  const oembed = (query: Record<string, string>) => request(t.app).get('/oembed').query(query);

  test('when a consumer asks for a published fact-check, then the answer has every field the oEmbed specification requires of a rich type', async () => {
    const res = await oembed({ url: `${base()}/claims/${published}`, format: 'json', maxwidth: '480' })
      .expect(200)
      .expect('content-type', /json/);
    const answer = res.body;
    // oEmbed 1.0, section 2.3.4: version and type always; rich: html, width, height (2.3.4.4).
    expect(answer.version).toBe('1.0');
    expect(answer.type).toBe('rich');
    expect(typeof answer.html).toBe('string');
    expect(Number.isInteger(answer.width) && Number.isInteger(answer.height)).toBe(true);
    expect(answer.width).toBeLessThanOrEqual(480);
    expect(answer.html).toContain(`src="${base()}/embed/claims/${published}"`);
    expect(answer).toMatchObject({
      provider_name: t.config.publisherName,
      provider_url: base(),
      title: 'Over 22,000 Chinese nationals were arrested in 2023.',
    });
  });

  test.each([
    ['an unpublished claim', () => ({ url: `${base()}/claims/${unpublished}` }), 404],
    ['a claim that does not exist', () => ({ url: `${base()}/claims/999999` }), 404],
    ['another site’s address', () => ({ url: `https://elsewhere.example/claims/${published}` }), 404],
    ['an article’s address', () => ({ url: `${base()}/articles/${SEED_SLUG}` }), 404],
    ['format=xml', () => ({ url: `${base()}/claims/${published}`, format: 'xml' }), 501],
    ['no url', () => ({}), 400],
    ['a negative maxwidth', () => ({ url: `${base()}/claims/${published}`, maxwidth: '-5' }), 400],
  ])('when a consumer asks for %s, then the answer is an error with a message', async (_name, query, status) => {
    const res = await oembed(query()).expect(status);
    expect(res.body.error.message).toEqual(expect.any(String));
  });

  test('when a published claim’s page is read, then it links its oEmbed for discovery; an unpublished one does not', async () => {
    const page = (await request(t.app).get(`/claims/${published}`).expect(200)).text;
    const href = `/oembed?url=${encodeURIComponent(`${base()}/claims/${published}`)}&amp;format=json`;
    expect(page).toContain(`<link rel="alternate" type="application/json+oembed" href="${href}"`);
    const reviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
    const draft = (await request(t.app).get(`/claims/${unpublished}`).set(bearer(reviewer)).expect(200)).text;
    expect(draft).not.toContain('json+oembed');
  });
});
