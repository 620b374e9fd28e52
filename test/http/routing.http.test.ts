/**
 * The route table mounted one router per method (src/http/routes.ts `mountRoutes`): each request
 * is matched against its method's routes only, and answers as it did when one router held them all.
 */
import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

describe('routing by method', () => {
  test('when a path is asked with OPTIONS, then the answer lists every method its routes allow, across the method routers', async () => {
    const res = await request(t.app).options('/api/v1/articles').expect(200);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    expect((await request(t.app).options('/api/v1/claims/1/checks').expect(200)).headers.allow).toBe('POST');
  });

  test('when a GET route is asked with HEAD, then it answers as GET does, without a body', async () => {
    const get = await request(t.app).get(`/articles/${SEED_SLUG}`).expect(200);
    const head = await request(t.app).head(`/articles/${SEED_SLUG}`).expect(200);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.text ?? '').toBe('');
  });

  test('when a path exists only for another method, then it is a 404, as before', async () => {
    expect((await request(t.app).delete('/api/v1/articles').expect(404)).body.error.code).toBe('not_found');
    expect((await request(t.app).patch('/api/v1/me').expect(404)).body.error.code).toBe('not_found');
  });
});
