import request from 'supertest';
import { createApiToken, createUser } from '../../support/factories';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck } from '../../support/claims';

/**
 * A published verdict whose words changed in the article ("22,000" became "2,200": fuzzy) is shown
 * on every surface with the words as checked and a note, never as a verdict on the new words.
 */
let t: TestApp;
let claimId: number;
let slug: string;

beforeAll(async () => {
  t = await createTestApp();
  const reviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
  const editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
  const text = 'Officials said 22,000 people were arrested at the border last year.\n\nThe report came out in May.';
  slug = (await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title: 'Border arrests', text }).expect(201)).body.slug;
  claimId = await createClaim(t.app, reviewer, { quote: { exact: '22,000 people were arrested at the border last year.' } }, slug);
  await fileCheck(t.app, reviewer, claimId, { verdict: 'true' });
  await request(t.app)
    .post(`/api/v1/claims/${claimId}/decision`)
    .set(bearer(editor))
    .send({ verdict: 'true', summary: 'The agency counted 22,000.', publish: true })
    .expect(200);
  await request(t.app)
    .put(`/api/v1/articles/${slug}`)
    .set(bearer(editor))
    .send({ text: text.replace('22,000', '2,200') })
    .expect(200);
});
afterAll(() => t.close());

describe('a published verdict whose words changed', () => {
  test('when the framed card is opened, then it shows the words as checked and what the article says now', async () => {
    const html = (await request(t.app).get(`/embed/claims/${claimId}`).expect(200)).text;
    expect(html).toContain('<blockquote class="card-quote">“22,000 people were arrested at the border last year.”</blockquote>');
    expect(html).toContain('Checked against an earlier version of the article, which now reads: “2,200 people were arrested at the border last year.”');
    expect(html).toContain('<title>Fact-check: “22,000 people were arrested at the border last year.”');
  });

  test('when oEmbed is asked, then its title quotes the words as checked', async () => {
    const res = await request(t.app)
      .get('/oembed')
      .query({ url: `${t.config.publicBaseUrl}/claims/${claimId}` })
      .expect(200);
    expect(res.body.title).toBe('“22,000 people were arrested at the border last year.”');
  });

  test('when embed.js reads the verdicts feed, then the claim carries the note and the words as checked', async () => {
    const feed = (await request(t.app).get(`/api/v1/articles/${slug}/verdicts`).expect(200)).body.verdicts;
    expect(feed[0]).toMatchObject({
      claimId,
      target: { exact: '2,200 people were arrested at the border last year.' },
      anchor: { status: 'fuzzy', previousQuote: '22,000 people were arrested at the border last year.' },
      note: 'Checked against an earlier version of this article.',
      quoteAsChecked: '22,000 people were arrested at the border last year.',
    });
  });

  test('when Factline’s own article page is read, then the verdict is not drawn on the new figure, and is listed with the words as checked', async () => {
    const html = (await request(t.app).get(`/articles/${slug}`).expect(200)).text;
    expect(html).not.toContain(`data-claim-id="${claimId}" data-overlay="badge"`);
    expect(html).toContain('The passage as checked: “22,000 people were arrested at the border last year.”');
  });

  test('when only a word’s spelling changed under a verdict (no figure, no negation), then it is still drawn, with its note', async () => {
    const editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
    const reviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
    const text = 'The ferry to the iland left at noon on Sunday.\n\nPassengers waited.';
    const other = (await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title: 'Ferry typo', text }).expect(201)).body.slug;
    const id = await createClaim(t.app, reviewer, { quote: { exact: 'The ferry to the iland left at noon on Sunday.' } }, other);
    await fileCheck(t.app, reviewer, id, { verdict: 'true' });
    await request(t.app).post(`/api/v1/claims/${id}/decision`).set(bearer(editor)).send({ verdict: 'true', summary: 'It did.', publish: true }).expect(200);
    await request(t.app)
      .put(`/api/v1/articles/${other}`)
      .set(bearer(editor))
      .send({ text: text.replace('iland', 'island') })
      .expect(200);
    const html = (await request(t.app).get(`/articles/${other}`).expect(200)).text;
    expect(html).toContain(`data-claim-id="${id}" data-overlay="badge"`);
    expect(html).toContain('The passage as checked: “The ferry to the iland left at noon on Sunday.”');
  });
});
