import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';
import { undefinedProperties } from '../../support/schema-org';

let t: TestApp;
let claimId: number;
beforeAll(async () => {
  t = await createTestApp({ publicBaseUrl: 'https://factcheck.example.org', publisherName: 'Example Fact Desk' });
  const reviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
  const editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
  const sentences = await seedSentenceIds(t.app);
  claimId = await createClaim(t.app, reviewer, { sentenceId: sentences[3], statement: 'Over 22,000 arrests </script><script>alert(1)</script>' });
  await fileCheck(t.app, reviewer, claimId, { verdict: 'mostly-true' });
  await request(t.app)
    .post(`/api/v1/claims/${claimId}/decision`)
    .set(bearer(editor))
    .send({ verdict: 'mostly-true', summary: 'About 24,000.', publish: true })
    .expect(200);
  const unpublished = await createClaim(t.app, reviewer, { sentenceId: sentences[4] });
  await fileCheck(t.app, reviewer, unpublished);
  await request(t.app)
    .post(`/api/v1/claims/${unpublished}/decision`)
    .set(bearer(editor))
    .send({ verdict: 'false', summary: 'Draft.', note: 'n', publish: false })
    .expect(200);
});
afterAll(() => t.close());

const jsonLdBlocks = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));

describe('ClaimReview output', () => {
  test('when the article feed is requested, then it lists only published decisions as valid ClaimReviews', async () => {
    const reviews = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}/claimreview`).expect(200)).body;
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      '@type': 'ClaimReview',
      url: `https://factcheck.example.org/claims/${claimId}`,
      author: { name: 'Example Fact Desk' },
      reviewRating: { ratingValue: 4, alternateName: 'Mostly true' },
    });
    expect(reviews[0].itemReviewed).toMatchObject({
      author: { '@type': 'Person', name: 'Leo Timm' },
      datePublished: '2023-11-23',
      appearance: { url: `https://factcheck.example.org/articles/${SEED_SLUG}` },
    });
    expect(undefinedProperties(reviews)).toEqual([]);
  });

  test('when the site-wide feed is requested, then it is JSON-LD with the same reviews', async () => {
    const res = await request(t.app)
      .get('/claimreview.json')
      .expect(200)
      .expect('content-type', /application\/ld\+json/);
    expect(JSON.parse(res.text)).toEqual((await request(t.app).get(`/api/v1/articles/${SEED_SLUG}/claimreview`)).body);
  });

  test('when a claim page is served, then it embeds its ClaimReview, escaped so it cannot close its script element; the article page, which may list hundreds, leaves them to the claim pages and feeds', async () => {
    const claim = (await request(t.app).get(`/claims/${claimId}`).expect(200)).text;
    const [embedded] = jsonLdBlocks(claim);
    expect(embedded).toMatchObject({ '@type': 'ClaimReview', claimReviewed: 'Over 22,000 arrests </script><script>alert(1)</script>' });
    expect(claim).toContain('\\u003c/script>\\u003cscript>');
    const article = (await request(t.app).get(`/articles/${SEED_SLUG}`).expect(200)).text;
    expect(jsonLdBlocks(article)).toEqual([]);
    expect(article).toContain(`href="/claims/${claimId}">Full fact-check with its 1 source</a>`);
  });
});
