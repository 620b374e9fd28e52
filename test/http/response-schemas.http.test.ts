import request from 'supertest';
import type { RouteSpec } from '../../src/http/routes';
import { createTestApp, SEED_SLUG, type TestApp } from '../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds, validCheck } from '../support/claims';
import { createApiToken, createUser } from '../support/factories';

/**
 * Every API route declares the shape of its success response beside its input schemas; here
 * each one is called for real (as an editor, on a claim with checks and a published decision)
 * and its answer is parsed with the schema its own route spec declares.
 */
let t: TestApp;
let editor: string;
let admin: string;
let claimId: number;
let checkId: number;
let specs: RouteSpec[];
let reviewer: string;
let otherUserId: number;
let secondClaimId: number;
let reviewerName: string;
let commentId: number;
let deliveryId: number;

beforeAll(async () => {
  t = await createTestApp();
  editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
  admin = await createApiToken(t.db, await createUser(t.db, 'admin'));
  const reviewerUser = await createUser(t.db, 'reviewer');
  reviewerName = reviewerUser.username;
  reviewer = await createApiToken(t.db, reviewerUser);
  otherUserId = (await createUser(t.db, 'reviewer')).id;
  const sentences = await seedSentenceIds(t.app);
  claimId = await createClaim(t.app, reviewer, { sentenceId: sentences[2] });
  checkId = await fileCheck(t.app, reviewer, claimId);
  await fileCheck(t.app, editor, claimId);
  await request(t.app)
    .post(`/api/v1/claims/${claimId}/decision`)
    .set(bearer(editor))
    .send({ verdict: 'mostly-true', summary: 'Published.', publish: true })
    .expect(200);
  secondClaimId = await createClaim(t.app, reviewer, { sentenceId: sentences[3] });
  await request(t.app)
    .post('/api/v1/webhooks')
    .set(bearer(admin))
    .send({ url: 'https://93.184.216.34/schema-hook', events: ['article.created'], secret: 'a secret of sixteen+' })
    .expect(201);
  await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title: 'Webhook schema story', text: 'Body.' }).expect(201);
  deliveryId = Number((await t.db('webhook_deliveries').first('id')).id);
  commentId = (await request(t.app).post(`/api/v1/claims/${claimId}/comments`).set(bearer(editor)).send({ body: 'To edit.' }).expect(201)).body.comment.id;
  specs = t.app.locals.routes as RouteSpec[];
});
afterAll(() => t.close());

const specFor = (method: string, path: string) => specs.find((s) => s.method === method && s.path === path)!;

/** One real call per API route: [method, route path, concrete path, token, body]. */
const calls = (): [string, string, string, string, unknown][] => [
  ['get', '/api/v1/articles', '/api/v1/articles', editor, undefined],
  ['post', '/api/v1/articles', '/api/v1/articles', editor, { title: 'Schema story', text: 'A body.', sourceUrl: 'https://news.example/schema-story' }],
  ['get', '/api/v1/articles/:slug', `/api/v1/articles/${SEED_SLUG}`, editor, undefined],
  ['put', '/api/v1/articles/:slug', '/api/v1/articles/schema-story', editor, { text: 'A changed body.' }],
  ['get', '/api/v1/articles/:slug/revisions', '/api/v1/articles/schema-story/revisions', '', undefined],
  ['post', '/api/v1/articles/:slug/claims', `/api/v1/articles/${SEED_SLUG}/claims`, editor, { quote: { exact: 'Chinese' } }],
  ['get', '/api/v1/articles/:slug/claims', `/api/v1/articles/${SEED_SLUG}/claims`, editor, undefined],
  ['get', '/api/v1/claims/:id', `/api/v1/claims/${claimId}`, editor, undefined],
  ['post', '/api/v1/claims/:id/checks', `/api/v1/claims/${claimId}/checks`, admin, validCheck()],
  ['patch', '/api/v1/checks/:id', `/api/v1/checks/${checkId}`, reviewer, { confidence: 'low' }],
  ['post', '/api/v1/claims/:id/decision', `/api/v1/claims/${claimId}/decision`, editor, { verdict: 'mostly-true', summary: 'Again.', publish: true }],
  ['post', '/api/v1/claims/:id/same-as', `/api/v1/claims/${secondClaimId}/same-as`, editor, { claimId }],
  ['delete', '/api/v1/claims/:id/same-as', `/api/v1/claims/${secondClaimId}/same-as`, editor, undefined],
  ['get', '/api/v1/search', '/api/v1/search?q=Ecuador', '', undefined],
  ['get', '/api/v1/notifications', '/api/v1/notifications', reviewer, undefined],
  ['post', '/api/v1/webhooks', '/api/v1/webhooks', admin, { url: 'https://93.184.216.34/hook', events: ['claim.created'], secret: 'a secret of sixteen+' }],
  ['get', '/api/v1/webhooks', '/api/v1/webhooks', admin, undefined],
  ['patch', '/api/v1/webhooks/:id', '/api/v1/webhooks/1', admin, { enabled: true }],
  ['get', '/api/v1/webhooks/:id/deliveries', '/api/v1/webhooks/1/deliveries', admin, undefined],
  ['post', '/api/v1/webhook-deliveries/:id/replay', `/api/v1/webhook-deliveries/${deliveryId}/replay`, admin, undefined],
  ['post', '/api/v1/notifications/:id/read', '/api/v1/notifications/1/read', reviewer, undefined],
  ['post', '/api/v1/notifications/read-all', '/api/v1/notifications/read-all', reviewer, undefined],
  ['get', '/api/v1/me/email-settings', '/api/v1/me/email-settings', reviewer, undefined],
  ['put', '/api/v1/me/email-settings', '/api/v1/me/email-settings', reviewer, { address: 'schema@newsroom.test', kinds: ['assigned', 'mentioned'] }],
  ['post', '/api/v1/claims/:id/comments', `/api/v1/claims/${claimId}/comments`, editor, { body: 'Schema comment.' }],
  ['get', '/api/v1/claims/:id/comments', `/api/v1/claims/${claimId}/comments`, editor, undefined],
  ['patch', '/api/v1/comments/:id', `/api/v1/comments/${commentId}`, editor, { body: 'Edited schema comment.' }],
  ['post', '/api/v1/comments/:id/hide', `/api/v1/comments/${commentId}/hide`, editor, { reason: 'Schema reason.' }],
  ['post', '/api/v1/claims/:id/assignments', `/api/v1/claims/${secondClaimId}/assignments`, editor, { username: reviewerName }],
  ['post', '/api/v1/assignments', '/api/v1/assignments', editor, { claimIds: [claimId, secondClaimId], username: reviewerName }],
  ['get', '/api/v1/assignments', `/api/v1/assignments?assignee=${reviewerName}`, editor, undefined],
  ['get', '/api/v1/claims/similar', '/api/v1/claims/similar?text=Chinese%20migrants%20fly%20to%20Ecuador', editor, undefined],
  ['get', '/api/v1/articles/:slug/agreement', `/api/v1/articles/${SEED_SLUG}/agreement`, editor, undefined],
  ['get', '/api/v1/review', '/api/v1/review', editor, undefined],
  ['get', '/api/v1/articles/:slug/verdicts', `/api/v1/articles/${SEED_SLUG}/verdicts`, '', undefined],
  ['get', '/api/v1/articles/:slug/claimreview', `/api/v1/articles/${SEED_SLUG}/claimreview`, '', undefined],
  ['get', '/api/v1/articles/:slug/annotations', `/api/v1/articles/${SEED_SLUG}/annotations`, editor, undefined],
  ['get', '/api/v1/annotations/:id', `/api/v1/annotations/decision-${claimId}`, '', undefined],
  ['get', '/api/v1/articles/:slug/export.json', `/api/v1/articles/${SEED_SLUG}/export.json`, editor, undefined],
  ['get', '/api/v1/me', '/api/v1/me', editor, undefined],
  ['get', '/api/v1/tokens', '/api/v1/tokens', editor, undefined],
  ['post', '/api/v1/tokens', '/api/v1/tokens', editor, { name: 'schema' }],
  ['get', '/api/v1/users', '/api/v1/users', admin, undefined],
  ['post', '/api/v1/users', '/api/v1/users', admin, { username: 'schema-user', password: 'a long passphrase', role: 'reviewer' }],
  ['patch', '/api/v1/users/:id', `/api/v1/users/${otherUserId}`, admin, { role: 'editor' }],
  ['get', '/api/v1/audit', '/api/v1/audit', admin, undefined],
  ['get', '/api/v1/admin/queues', '/api/v1/admin/queues', admin, undefined],
  ['get', '/api/v1/openapi.json', '/api/v1/openapi.json', '', undefined],
  ['get', '/api/v1/lookup', '/api/v1/lookup?url=https%3A%2F%2Fnews.example%2Fschema-story', '', undefined],
  ['get', '/oembed', `/oembed?url=${encodeURIComponent(`${t.config.publicBaseUrl}/claims/${claimId}`)}&format=json`, '', undefined],
  [
    'post',
    '/api/v1/articles/:slug/annotations',
    `/api/v1/articles/${SEED_SLUG}/annotations`,
    editor,
    [{ type: 'Annotation', target: { selector: [{ type: 'TextQuoteSelector', exact: 'Ecuador' }] } }],
  ],
];

describe('API response schemas', () => {
  test('when every API route that answers with a body is listed, then it declares a response schema and is called here', () => {
    const withBody = specs.filter((s) => s.path.startsWith('/api/v1/') && s.doc?.success !== 204 && !s.path.endsWith('.csv'));
    expect(withBody.filter((s) => !s.doc?.response).map((s) => `${s.method} ${s.path}`)).toEqual([]);
    const called = new Set(calls().map(([method, path]) => `${method} ${path}`));
    expect(withBody.map((s) => `${s.method} ${s.path}`).filter((key) => !called.has(key))).toEqual([]);
  });

  test('when each route is called for real, then its answer matches the schema its route declares', async () => {
    for (const [method, path, concrete, token, body] of calls()) {
      const spec = specFor(method, path);
      let req = request(t.app)[method as 'get'](concrete);
      if (token) req = req.set(bearer(token));
      const res = body === undefined ? await req : await req.send(body as object);
      expect({ route: `${method} ${path}`, status: res.status < 300 }).toEqual({ route: `${method} ${path}`, status: true });
      const parsed = spec.doc!.response!.safeParse(res.body);
      expect({ route: `${method} ${path}`, issues: parsed.success ? [] : parsed.error.issues.slice(0, 3) }).toEqual({ route: `${method} ${path}`, issues: [] });
    }
  });

  test('when the OpenAPI document is read, then each documented response carries its schema', async () => {
    const doc = (await request(t.app).get('/api/v1/openapi.json').expect(200)).body;
    const claim = doc.paths['/api/v1/claims/{id}'].get.responses['200'].content['application/json'].schema;
    expect(claim.properties.visibility.enum).toEqual(['all', 'own', 'none']);
    expect(doc.paths['/api/v1/tokens/{id}'].delete.responses['204']).toEqual({ description: 'Success, no content' });
  });
});
