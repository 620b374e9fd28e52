/**
 * Request bodies (src/http/body-parsers.ts): 1 MB everywhere, except on the routes that declare
 * they take a whole page's HTML (`takesPage`), which read up to 12 MB and say what the limit is for.
 */
import request from 'supertest';
import { createApiToken, createUser } from '../support/factories';
import { createTestApp, SEED_SLUG, type TestApp } from '../support/app';
import { bearer } from '../support/claims';

let t: TestApp;
let editor: string;
beforeAll(async () => {
  t = await createTestApp();
  editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
});
afterAll(() => t.close());

const megabytes = (n: number) => 'x'.repeat(n * 1024 * 1024);

describe('request body limits declared on the routes', () => {
  test('when a route that does not take a page gets a body over 1 MB, then it is a 413 before any handler runs', async () => {
    const res = await request(t.app)
      .post(`/api/v1/articles/${SEED_SLUG}/claims`)
      .set(bearer(editor))
      .send({ quote: { exact: megabytes(2) } })
      .expect(413);
    expect(res.body.error).toEqual({ code: 'too_large', message: 'The request body is too large.' });
  });

  test('when a route that takes a page gets a body of several megabytes, then it reads it; past 12 MB it says the limit', async () => {
    const within = await request(t.app)
      .put(`/api/v1/articles/${SEED_SLUG}`)
      .set(bearer(editor))
      .send({ html: `<p>${megabytes(3)}</p>`, title: '' })
      .expect(422);
    expect(within.body.error.code).not.toBe('too_large');
    const beyond = await request(t.app)
      .post('/api/v1/articles')
      .set(bearer(editor))
      .send({ html: megabytes(13) })
      .expect(413);
    expect(beyond.body.error.message).toBe('The request is too large: a page’s HTML may be at most 5 MB.');
  });

  test('when a page-taking route is also a form, then a large form post is read too', async () => {
    const res = await request(t.app)
      .post('/articles')
      .type('form')
      .send({ mode: 'html', html: megabytes(2), intent: 'preview' })
      .expect(403); // read in full (no 413), then refused for want of a CSRF token
    expect(res.text).not.toContain('too large');
  });
});
