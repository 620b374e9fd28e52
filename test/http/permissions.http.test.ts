/**
 * Every route against every role. API routes are called with each role's Bearer token; page
 * routes with each role's signed-in session and a valid CSRF token, so the status shows the
 * access rule, not a missing token. Each call builds its own fixtures.
 */
import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../support/claims';
import { createApiToken, createUser, type TestUser } from '../support/factories';
import { csrfFrom, signIn, type Agent } from '../support/http';

const ROLES = ['anonymous', 'reviewer', 'otherReviewer', 'editor', 'admin'] as const;
type RoleName = (typeof ROLES)[number];
type Expected = [number, number, number, number, number];

let t: TestApp;
const users = {} as Record<Exclude<RoleName, 'anonymous'>, TestUser>;
const tokens = {} as Record<Exclude<RoleName, 'anonymous'>, string>;
let sentences: string[];
let sentenceCursor = 0;
let unique = 0;

beforeAll(async () => {
  t = await createTestApp();
  users.reviewer = await createUser(t.db, 'reviewer', 'perm-rev');
  users.otherReviewer = await createUser(t.db, 'reviewer', 'perm-other');
  users.editor = await createUser(t.db, 'editor', 'perm-ed');
  users.admin = await createUser(t.db, 'admin', 'perm-admin');
  for (const role of Object.keys(users) as (keyof typeof users)[]) tokens[role] = await createApiToken(t.db, users[role]);
  sentences = await seedSentenceIds(t.app);
});
afterAll(() => t.close());

/** A claim on a sentence not used before (quotes keep spans distinct once sentences run out). */
async function freshClaim(): Promise<number> {
  const index = sentenceCursor++;
  if (index < sentences.length) return createClaim(t.app, tokens.reviewer, { sentenceId: sentences[index] });
  const article = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}`)).body;
  const offset = (index - sentences.length) * 3;
  return createClaim(t.app, tokens.reviewer, { quote: { exact: article.text.slice(offset + 200, offset + 240), start: offset + 200, end: offset + 240 } });
}

async function claimWithCheck(): Promise<{ claimId: number; checkId: number }> {
  const claimId = await freshClaim();
  return { claimId, checkId: await fileCheck(t.app, tokens.reviewer, claimId) };
}

async function publishedClaim(): Promise<number> {
  const { claimId } = await claimWithCheck();
  await request(t.app)
    .post(`/api/v1/claims/${claimId}/decision`)
    .set(bearer(tokens.editor))
    .send({ verdict: 'mostly-true', summary: 'Published.', publish: true })
    .expect(200);
  return claimId;
}

/** A claim an editor has marked as the same claim as a published fact-check. */
async function linkedClaim(): Promise<number> {
  const claimId = await freshClaim();
  await request(t.app)
    .post(`/api/v1/claims/${claimId}/same-as`)
    .set(bearer(tokens.editor))
    .send({ claimId: await publishedClaim() })
    .expect(200);
  return claimId;
}

/** A comment by the reviewer, on a claim they have checked (the other reviewer has not). */
async function reviewersComment(): Promise<number> {
  const { claimId } = await claimWithCheck();
  const res = await request(t.app).post(`/api/v1/claims/${claimId}/comments`).set(bearer(tokens.reviewer)).send({ body: 'Mine.' }).expect(201);
  return res.body.comment.id;
}

/** A webhook to a public address (nothing is sent: no delivery worker runs in these tests). */
async function aWebhook(): Promise<number> {
  const res = await request(t.app)
    .post('/api/v1/webhooks')
    .set(bearer(tokens.admin))
    .send({ url: 'https://93.184.216.34/hook', events: ['article.created'], secret: 'a secret of sixteen+' })
    .expect(201);
  return res.body.id;
}

/** A delivery in a webhook's queue (an article created while it listens). */
async function aDelivery(): Promise<number> {
  const webhookId = await aWebhook();
  await freshArticle();
  return Number((await t.db('webhook_deliveries').where({ webhook_id: webhookId }).first('id')).id);
}

/** A claim assigned to the reviewer. */
async function assignedClaim(): Promise<number> {
  const claimId = await freshClaim();
  await request(t.app).post(`/api/v1/claims/${claimId}/assignments`).set(bearer(tokens.editor)).send({ username: 'perm-rev' }).expect(201);
  return claimId;
}

/** An article of its own, so updating it disturbs no other case. */
async function freshArticle(): Promise<string> {
  const res = await request(t.app)
    .post('/api/v1/articles')
    .set(bearer(tokens.editor))
    .send({ title: `Living story ${unique++}`, text: 'First version.' })
    .expect(201);
  return res.body.slug;
}

const check = { verdict: 'true', confidence: 'low', rationale: 'Because.', sources: [{ url: 'https://example.org', stance: 'context' }] };

interface ApiCase {
  name: string;
  expected: Expected;
  call: (req: request.Test | null, role: RoleName) => Promise<{ method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; body?: object }>;
}

const api = (
  name: string,
  expected: Expected,
  call: (role: RoleName) => Promise<{ method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; body?: object }>,
): ApiCase => ({ name, expected, call: (_r, role) => call(role) });

const API_CASES: ApiCase[] = [
  api('GET /api/v1/articles', [200, 200, 200, 200, 200], async () => ({ method: 'get', path: '/api/v1/articles' })),
  api('GET /api/v1/articles/:slug', [200, 200, 200, 200, 200], async () => ({ method: 'get', path: `/api/v1/articles/${SEED_SLUG}` })),
  api('POST /api/v1/articles', [401, 403, 403, 201, 201], async () => ({
    method: 'post',
    path: '/api/v1/articles',
    body: { title: `Permission story ${unique++}`, text: 'Body.' },
  })),
  api('PUT /api/v1/articles/:slug', [401, 403, 403, 200, 200], async () => ({
    method: 'put',
    path: `/api/v1/articles/${await freshArticle()}`,
    body: { text: 'Second version.' },
  })),
  api('GET /api/v1/articles/:slug/revisions', [200, 200, 200, 200, 200], async () => ({ method: 'get', path: `/api/v1/articles/${SEED_SLUG}/revisions` })),
  api('GET /api/v1/lookup (no article has this source: a 404 for everyone)', [404, 404, 404, 404, 404], async () => ({
    method: 'get',
    path: '/api/v1/lookup?url=https%3A%2F%2Fnews.example%2Fnone',
  })),
  api('GET /oembed (a published claim)', [200, 200, 200, 200, 200], async () => ({
    method: 'get',
    path: `/oembed?url=${encodeURIComponent(`${t.config.publicBaseUrl}/claims/${await publishedClaim()}`)}`,
  })),
  api('GET /api/v1/me', [401, 200, 200, 200, 200], async () => ({ method: 'get', path: '/api/v1/me' })),
  api('GET /api/v1/tokens', [401, 200, 200, 200, 200], async () => ({ method: 'get', path: '/api/v1/tokens' })),
  api('POST /api/v1/tokens', [401, 201, 201, 201, 201], async () => ({ method: 'post', path: '/api/v1/tokens', body: { name: 'matrix' } })),
  api('DELETE /api/v1/tokens/:id (the reviewer’s token)', [401, 204, 404, 404, 404], async () => {
    await createApiToken(t.db, users.reviewer, 'to delete');
    const { id } = await t.db('api_tokens').where({ user_id: users.reviewer.id, name: 'to delete' }).whereNull('revoked_at').first();
    return { method: 'delete', path: `/api/v1/tokens/${id}` };
  }),
  api('POST /api/v1/me/password (wrong current password: access passes, the check refuses)', [401, 400, 400, 400, 400], async () => ({
    method: 'post',
    path: '/api/v1/me/password',
    body: { currentPassword: 'not the password', newPassword: 'a brand new passphrase' },
  })),
  api('POST /api/v1/users/:id/password', [401, 403, 403, 403, 204], async () => ({
    method: 'post',
    path: `/api/v1/users/${(await createUser(t.db, 'reviewer')).id}/password`,
    body: { password: 'a reset passphrase' },
  })),
  api('GET /api/v1/users', [401, 403, 403, 403, 200], async () => ({ method: 'get', path: '/api/v1/users' })),
  api('POST /api/v1/users', [401, 403, 403, 403, 201], async () => ({
    method: 'post',
    path: '/api/v1/users',
    body: { username: `matrix-${unique++}`, password: 'a long password', role: 'reviewer' },
  })),
  api('PATCH /api/v1/users/:id', [401, 403, 403, 403, 200], async () => ({
    method: 'patch',
    path: `/api/v1/users/${(await createUser(t.db, 'reviewer')).id}`,
    body: { role: 'editor' },
  })),
  api('POST /api/v1/articles/:slug/claims', [401, 201, 201, 201, 201], async () => ({
    method: 'post',
    path: `/api/v1/articles/${SEED_SLUG}/claims`,
    body: { sentenceId: sentences[sentenceCursor++] },
  })),
  api('GET /api/v1/articles/:slug/claims', [401, 200, 200, 200, 200], async () => ({ method: 'get', path: `/api/v1/articles/${SEED_SLUG}/claims` })),
  api('GET /api/v1/claims/:id (unpublished)', [404, 200, 200, 200, 200], async () => ({
    method: 'get',
    path: `/api/v1/claims/${(await claimWithCheck()).claimId}`,
  })),
  api('GET /api/v1/claims/:id (published)', [200, 200, 200, 200, 200], async () => ({ method: 'get', path: `/api/v1/claims/${await publishedClaim()}` })),
  api('POST /api/v1/claims/:id/checks', [401, 201, 201, 201, 201], async () => ({
    method: 'post',
    path: `/api/v1/claims/${await freshClaim()}/checks`,
    body: check,
  })),
  api('PATCH /api/v1/checks/:id (the reviewer’s check)', [401, 200, 403, 403, 403], async () => ({
    method: 'patch',
    path: `/api/v1/checks/${(await claimWithCheck()).checkId}`,
    body: { confidence: 'high' },
  })),
  api('POST /api/v1/claims/:id/decision', [401, 403, 403, 200, 200], async () => ({
    method: 'post',
    path: `/api/v1/claims/${(await claimWithCheck()).claimId}/decision`,
    body: { verdict: 'mostly-true', summary: 'S.', publish: false },
  })),
  api('POST /api/v1/claims/:id/same-as', [401, 403, 403, 200, 200], async () => ({
    method: 'post',
    path: `/api/v1/claims/${await freshClaim()}/same-as`,
    body: { claimId: await publishedClaim() },
  })),
  api('DELETE /api/v1/claims/:id/same-as', [401, 403, 403, 200, 200], async () => ({
    method: 'delete',
    path: `/api/v1/claims/${await linkedClaim()}/same-as`,
  })),
  api('POST /api/v1/claims/:id/assignments', [401, 403, 403, 201, 201], async () => ({
    method: 'post',
    path: `/api/v1/claims/${await freshClaim()}/assignments`,
    body: { username: 'perm-rev' },
  })),
  api('DELETE /api/v1/claims/:id/assignments/:username', [401, 403, 403, 204, 204], async () => ({
    method: 'delete',
    path: `/api/v1/claims/${await assignedClaim()}/assignments/perm-rev`,
  })),
  api('POST /api/v1/assignments', [401, 403, 403, 201, 201], async () => ({
    method: 'post',
    path: '/api/v1/assignments',
    body: { claimIds: [await freshClaim()], username: 'perm-rev' },
  })),
  api('GET /api/v1/assignments', [401, 200, 200, 200, 200], async () => ({ method: 'get', path: '/api/v1/assignments?mine=true' })),
  api('GET /api/v1/claims/:id/comments (the reviewer has filed; the other has not)', [401, 200, 403, 200, 200], async () => ({
    method: 'get',
    path: `/api/v1/claims/${(await claimWithCheck()).claimId}/comments`,
  })),
  api('POST /api/v1/claims/:id/comments', [401, 201, 403, 201, 201], async () => ({
    method: 'post',
    path: `/api/v1/claims/${(await claimWithCheck()).claimId}/comments`,
    body: { body: 'A thought.' },
  })),
  api('PATCH /api/v1/comments/:id (the reviewer’s comment; to one who may not read it, as if it did not exist)', [401, 200, 404, 403, 403], async () => ({
    method: 'patch',
    path: `/api/v1/comments/${await reviewersComment()}`,
    body: { body: 'Edited.' },
  })),
  api('DELETE /api/v1/comments/:id (the reviewer’s comment; to one who may not read it, as if it did not exist)', [401, 204, 404, 403, 403], async () => ({
    method: 'delete',
    path: `/api/v1/comments/${await reviewersComment()}`,
  })),
  api('POST /api/v1/comments/:id/hide', [401, 403, 403, 200, 200], async () => ({
    method: 'post',
    path: `/api/v1/comments/${await reviewersComment()}/hide`,
    body: { reason: 'Off topic.' },
  })),
  api('GET /api/v1/notifications', [401, 200, 200, 200, 200], async () => ({ method: 'get', path: '/api/v1/notifications' })),
  api('POST /api/v1/notifications/:id/read', [401, 200, 200, 200, 200], async () => ({ method: 'post', path: '/api/v1/notifications/1/read' })),
  api('POST /api/v1/notifications/read-all', [401, 200, 200, 200, 200], async () => ({ method: 'post', path: '/api/v1/notifications/read-all' })),
  api('GET /api/v1/me/email-settings', [401, 200, 200, 200, 200], async () => ({ method: 'get', path: '/api/v1/me/email-settings' })),
  api('PUT /api/v1/me/email-settings', [401, 200, 200, 200, 200], async () => ({
    method: 'put',
    path: '/api/v1/me/email-settings',
    body: { address: 'someone@newsroom.test', kinds: ['assigned'] },
  })),
  api('POST /api/v1/webhooks', [401, 403, 403, 403, 201], async () => ({
    method: 'post',
    path: '/api/v1/webhooks',
    body: { url: 'https://93.184.216.34/hook', events: ['claim.created'], secret: 'a secret of sixteen+' },
  })),
  api('GET /api/v1/webhooks', [401, 403, 403, 403, 200], async () => ({ method: 'get', path: '/api/v1/webhooks' })),
  api('PATCH /api/v1/webhooks/:id', [401, 403, 403, 403, 200], async () => ({
    method: 'patch',
    path: `/api/v1/webhooks/${await aWebhook()}`,
    body: { enabled: false },
  })),
  api('DELETE /api/v1/webhooks/:id', [401, 403, 403, 403, 204], async () => ({ method: 'delete', path: `/api/v1/webhooks/${await aWebhook()}` })),
  api('GET /api/v1/webhooks/:id/deliveries', [401, 403, 403, 403, 200], async () => ({
    method: 'get',
    path: `/api/v1/webhooks/${await aWebhook()}/deliveries`,
  })),
  api('POST /api/v1/webhook-deliveries/:id/replay', [401, 403, 403, 403, 201], async () => ({
    method: 'post',
    path: `/api/v1/webhook-deliveries/${await aDelivery()}/replay`,
  })),
  api('GET /api/v1/search', [200, 200, 200, 200, 200], async () => ({ method: 'get', path: '/api/v1/search?q=Ecuador' })),
  api('GET /api/v1/claims/similar', [401, 200, 200, 200, 200], async () => ({
    method: 'get',
    path: '/api/v1/claims/similar?text=Chinese%20migrants%20fly%20to%20Ecuador',
  })),
  api('GET /api/v1/articles/:slug/verdicts', [200, 200, 200, 200, 200], async () => ({ method: 'get', path: `/api/v1/articles/${SEED_SLUG}/verdicts` })),
  api('GET /api/v1/articles/:slug/claimreview', [200, 200, 200, 200, 200], async () => ({ method: 'get', path: `/api/v1/articles/${SEED_SLUG}/claimreview` })),
  api('GET /claimreview.json', [200, 200, 200, 200, 200], async () => ({ method: 'get', path: '/claimreview.json' })),
  api('GET /api/v1/articles/:slug/annotations', [200, 200, 200, 200, 200], async () => ({ method: 'get', path: `/api/v1/articles/${SEED_SLUG}/annotations` })),
  api('POST /api/v1/articles/:slug/annotations', [401, 200, 200, 200, 200], async () => ({
    method: 'post',
    path: `/api/v1/articles/${SEED_SLUG}/annotations`,
    body: { rows: [{ text: 'Import', target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'Ecuador' }] }] }] },
  })),
  api('GET /api/v1/annotations/:id (a published decision)', [200, 200, 200, 200, 200], async () => ({
    method: 'get',
    path: `/api/v1/annotations/decision-${await publishedClaim()}`,
  })),
  api('GET /api/v1/articles/:slug/export.csv', [401, 403, 403, 200, 200], async () => ({ method: 'get', path: `/api/v1/articles/${SEED_SLUG}/export.csv` })),
  api('GET /api/v1/exports/claims.csv', [401, 403, 403, 200, 200], async () => ({ method: 'get', path: '/api/v1/exports/claims.csv' })),
  api('GET /api/v1/articles/:slug/export.json', [401, 403, 403, 200, 200], async () => ({ method: 'get', path: `/api/v1/articles/${SEED_SLUG}/export.json` })),
  api('GET /api/v1/articles/:slug/agreement', [401, 403, 403, 200, 200], async () => ({ method: 'get', path: `/api/v1/articles/${SEED_SLUG}/agreement` })),
  api('GET /api/v1/review', [401, 403, 403, 200, 200], async () => ({ method: 'get', path: '/api/v1/review' })),
  api('GET /api/v1/audit', [401, 403, 403, 403, 200], async () => ({ method: 'get', path: '/api/v1/audit' })),
  api('GET /api/v1/admin/queues', [401, 403, 403, 403, 200], async () => ({ method: 'get', path: '/api/v1/admin/queues' })),
  api('GET /api/v1/openapi.json', [200, 200, 200, 200, 200], async () => ({ method: 'get', path: '/api/v1/openapi.json' })),
  api('GET /healthz', [200, 200, 200, 200, 200], async () => ({ method: 'get', path: '/healthz' })),
];

interface PageCase {
  name: string;
  expected: Expected;
  prepare: (role: RoleName) => Promise<{ method: 'get' | 'post'; path: string; form?: Record<string, string> }>;
}

const checkForm = { verdict: 'true', confidence: 'low', rationale: 'Because.', source_url: 'https://example.org', source_stance: 'context' };

const PAGE_CASES: PageCase[] = [
  { name: 'GET /', expected: [200, 200, 200, 200, 200], prepare: async () => ({ method: 'get', path: '/' }) },
  { name: 'GET /articles/:slug', expected: [200, 200, 200, 200, 200], prepare: async () => ({ method: 'get', path: `/articles/${SEED_SLUG}` }) },
  { name: 'GET /articles/new', expected: [401, 403, 403, 200, 200], prepare: async () => ({ method: 'get', path: '/articles/new' }) },
  { name: 'GET /articles/:slug/edit', expected: [401, 403, 403, 200, 200], prepare: async () => ({ method: 'get', path: `/articles/${SEED_SLUG}/edit` }) },
  {
    name: 'GET /articles/:slug/revisions',
    expected: [200, 200, 200, 200, 200],
    prepare: async () => ({ method: 'get', path: `/articles/${SEED_SLUG}/revisions` }),
  },
  {
    name: 'POST /articles/:slug/edit',
    expected: [401, 403, 403, 303, 303],
    prepare: async () => ({ method: 'post', path: `/articles/${await freshArticle()}/edit`, form: { mode: 'text', text: 'Second version.' } }),
  },
  { name: 'GET /articles/:slug/embed', expected: [401, 403, 403, 200, 200], prepare: async () => ({ method: 'get', path: `/articles/${SEED_SLUG}/embed` }) },
  {
    name: 'GET /articles/:slug/embed/preview',
    expected: [401, 403, 403, 200, 200],
    prepare: async () => ({ method: 'get', path: `/articles/${SEED_SLUG}/embed/preview` }),
  },
  {
    name: 'GET /embed/claims/:id (published)',
    expected: [200, 200, 200, 200, 200],
    prepare: async () => ({ method: 'get', path: `/embed/claims/${await publishedClaim()}` }),
  },
  {
    name: 'GET /embed/claims/:id (unpublished: a 404 for everyone, the card is public data only)',
    expected: [404, 404, 404, 404, 404],
    prepare: async () => ({ method: 'get', path: `/embed/claims/${(await claimWithCheck()).claimId}` }),
  },
  { name: 'GET /api/docs', expected: [200, 200, 200, 200, 200], prepare: async () => ({ method: 'get', path: '/api/docs' }) },
  { name: 'GET /login', expected: [200, 200, 200, 200, 200], prepare: async () => ({ method: 'get', path: '/login' }) },
  { name: 'GET /register', expected: [200, 200, 200, 200, 200], prepare: async () => ({ method: 'get', path: '/register' }) },
  { name: 'GET /account', expected: [401, 200, 200, 200, 200], prepare: async () => ({ method: 'get', path: '/account' }) },
  { name: 'GET /admin/users', expected: [401, 403, 403, 403, 200], prepare: async () => ({ method: 'get', path: '/admin/users' }) },
  { name: 'GET /admin/audit', expected: [401, 403, 403, 403, 200], prepare: async () => ({ method: 'get', path: '/admin/audit' }) },
  { name: 'GET /review', expected: [401, 403, 403, 200, 200], prepare: async () => ({ method: 'get', path: '/review' }) },
  { name: 'GET /search', expected: [200, 200, 200, 200, 200], prepare: async () => ({ method: 'get', path: '/search?q=Ecuador' }) },
  { name: 'GET /me/work', expected: [401, 200, 200, 200, 200], prepare: async () => ({ method: 'get', path: '/me/work' }) },
  { name: 'GET /admin/webhooks', expected: [401, 403, 403, 403, 200], prepare: async () => ({ method: 'get', path: '/admin/webhooks' }) },
  {
    name: 'POST /admin/webhooks',
    expected: [401, 403, 403, 403, 303],
    prepare: async () => ({
      method: 'post',
      path: '/admin/webhooks',
      form: { url: 'https://93.184.216.34/form-hook', events: 'article.created', secret: 'a secret of sixteen+' },
    }),
  },
  {
    name: 'POST /admin/webhooks/:id/enabled',
    expected: [401, 403, 403, 403, 303],
    prepare: async () => ({ method: 'post', path: `/admin/webhooks/${await aWebhook()}/enabled`, form: { enabled: 'false' } }),
  },
  {
    name: 'POST /admin/webhooks/:id/delete',
    expected: [401, 403, 403, 403, 303],
    prepare: async () => ({ method: 'post', path: `/admin/webhooks/${await aWebhook()}/delete`, form: {} }),
  },
  {
    name: 'POST /admin/webhook-deliveries/:id/replay',
    expected: [401, 403, 403, 403, 303],
    prepare: async () => ({ method: 'post', path: `/admin/webhook-deliveries/${await aDelivery()}/replay`, form: {} }),
  },
  { name: 'GET /notifications', expected: [401, 200, 200, 200, 200], prepare: async () => ({ method: 'get', path: '/notifications' }) },
  {
    name: 'POST /notifications/read-all',
    expected: [401, 303, 303, 303, 303],
    prepare: async () => ({ method: 'post', path: '/notifications/read-all', form: {} }),
  },
  {
    name: 'POST /notifications/:id/read',
    expected: [401, 303, 303, 303, 303],
    prepare: async () => ({ method: 'post', path: '/notifications/1/read', form: {} }),
  },
  {
    name: 'POST /claims/:id/comments (the reviewer has filed; the other has not)',
    expected: [401, 303, 403, 303, 303],
    prepare: async () => ({ method: 'post', path: `/claims/${(await claimWithCheck()).claimId}/comments`, form: { body: 'A thought.' } }),
  },
  {
    name: 'GET /comments/:id/edit (the reviewer’s comment: others who may read it are sent back to the claim; to one who may not, it does not exist)',
    expected: [401, 200, 404, 303, 303],
    prepare: async () => ({ method: 'get', path: `/comments/${await reviewersComment()}/edit` }),
  },
  {
    name: 'POST /comments/:id/edit (the reviewer’s comment; 404 to one who may not read it)',
    expected: [401, 303, 404, 403, 403],
    prepare: async () => ({ method: 'post', path: `/comments/${await reviewersComment()}/edit`, form: { body: 'Edited.' } }),
  },
  {
    name: 'POST /comments/:id/delete (the reviewer’s comment; 404 to one who may not read it)',
    expected: [401, 303, 404, 403, 403],
    prepare: async () => ({ method: 'post', path: `/comments/${await reviewersComment()}/delete`, form: {} }),
  },
  {
    name: 'POST /comments/:id/hide',
    expected: [401, 403, 403, 303, 303],
    prepare: async () => ({ method: 'post', path: `/comments/${await reviewersComment()}/hide`, form: { reason: 'Off topic.' } }),
  },
  {
    name: 'GET /review/assign',
    expected: [401, 403, 403, 200, 200],
    prepare: async () => ({ method: 'get', path: `/review/assign?claimIds=${await freshClaim()}` }),
  },
  {
    name: 'POST /review/assign',
    expected: [401, 403, 403, 303, 303],
    prepare: async () => ({ method: 'post', path: '/review/assign', form: { claimIds: String(await freshClaim()), username: 'perm-rev' } }),
  },
  {
    name: 'POST /claims/:id/assignments/:username/remove',
    expected: [401, 403, 403, 303, 303],
    prepare: async () => ({ method: 'post', path: `/claims/${await assignedClaim()}/assignments/perm-rev/remove`, form: {} }),
  },
  {
    name: 'POST /claims/:id/same-as',
    expected: [401, 403, 403, 303, 303],
    prepare: async () => ({ method: 'post', path: `/claims/${await freshClaim()}/same-as`, form: { claimId: String(await publishedClaim()) } }),
  },
  {
    name: 'POST /claims/:id/same-as/remove',
    expected: [401, 403, 403, 303, 303],
    prepare: async () => ({ method: 'post', path: `/claims/${await linkedClaim()}/same-as/remove`, form: {} }),
  },
  {
    name: 'GET /claims/:id (unpublished)',
    expected: [404, 200, 200, 200, 200],
    prepare: async () => ({ method: 'get', path: `/claims/${(await claimWithCheck()).claimId}` }),
  },
  {
    name: 'GET /claims/:id (published)',
    expected: [200, 200, 200, 200, 200],
    prepare: async () => ({ method: 'get', path: `/claims/${await publishedClaim()}` }),
  },
  {
    name: 'GET /articles/:slug/claims/new',
    expected: [401, 200, 200, 200, 200],
    prepare: async () => ({ method: 'get', path: `/articles/${SEED_SLUG}/claims/new` }),
  },
  {
    name: 'POST /articles',
    expected: [401, 403, 403, 303, 303],
    prepare: async () => ({ method: 'post', path: '/articles', form: { title: `Form permission ${unique++}`, text: 'Body.' } }),
  },
  {
    name: 'POST /articles/:slug/claims',
    expected: [401, 303, 303, 303, 303],
    prepare: async () => ({ method: 'post', path: `/articles/${SEED_SLUG}/claims`, form: { sentenceId: sentences[sentenceCursor++] ?? sentences[0] } }),
  },
  {
    name: 'POST /claims/:id/checks',
    expected: [401, 303, 303, 303, 303],
    prepare: async () => ({ method: 'post', path: `/claims/${await freshClaim()}/checks`, form: checkForm }),
  },
  {
    name: 'POST /checks/:id (the reviewer’s check)',
    expected: [401, 303, 403, 403, 403],
    prepare: async () => ({ method: 'post', path: `/checks/${(await claimWithCheck()).checkId}`, form: checkForm }),
  },
  {
    name: 'POST /claims/:id/decision',
    expected: [401, 403, 403, 303, 303],
    prepare: async () => ({
      method: 'post',
      path: `/claims/${(await claimWithCheck()).claimId}/decision`,
      form: { verdict: 'mostly-true', summary: 'S.', publish: 'false' },
    }),
  },
  {
    name: 'POST /admin/users',
    expected: [401, 403, 403, 403, 303],
    prepare: async () => ({ method: 'post', path: '/admin/users', form: { username: `form-${unique++}`, password: 'a long password', role: 'reviewer' } }),
  },
  {
    name: 'POST /admin/users/:id/role',
    expected: [401, 403, 403, 403, 303],
    prepare: async () => ({ method: 'post', path: `/admin/users/${(await createUser(t.db, 'reviewer')).id}/role`, form: { role: 'editor' } }),
  },
  {
    name: 'POST /admin/users/:id/enabled',
    expected: [401, 403, 403, 403, 303],
    prepare: async () => ({ method: 'post', path: `/admin/users/${(await createUser(t.db, 'reviewer')).id}/enabled`, form: { enabled: 'false' } }),
  },
  {
    name: 'POST /admin/users/:id/password',
    expected: [401, 403, 403, 403, 303],
    prepare: async () => ({
      method: 'post',
      path: `/admin/users/${(await createUser(t.db, 'reviewer')).id}/password`,
      form: { password: 'a reset passphrase' },
    }),
  },
  {
    name: 'POST /account/email',
    expected: [401, 200, 200, 200, 200],
    prepare: async () => ({ method: 'post', path: '/account/email', form: { address: 'someone@newsroom.test', kinds: 'mentioned' } }),
  },
  {
    name: 'POST /account/password (wrong current password)',
    expected: [401, 400, 400, 400, 400],
    prepare: async () => ({ method: 'post', path: '/account/password', form: { currentPassword: 'not the password', newPassword: 'a brand new passphrase' } }),
  },
  {
    name: 'POST /admin/registration',
    expected: [401, 403, 403, 403, 303],
    prepare: async () => ({ method: 'post', path: '/admin/registration', form: { enabled: 'false' } }),
  },
  {
    name: 'POST /account/tokens',
    expected: [401, 201, 201, 201, 201],
    prepare: async () => ({ method: 'post', path: '/account/tokens', form: { name: 'form token' } }),
  },
  {
    name: 'POST /account/tokens/:id/revoke (the reviewer’s token)',
    expected: [401, 303, 404, 404, 404],
    prepare: async () => {
      await createApiToken(t.db, users.reviewer, 'form revoke');
      const { id } = await t.db('api_tokens').where({ user_id: users.reviewer.id, name: 'form revoke' }).whereNull('revoked_at').first();
      return { method: 'post', path: `/account/tokens/${id}/revoke`, form: {} };
    },
  },
  {
    name: 'POST /login',
    expected: [303, 303, 303, 303, 303],
    prepare: async () => ({ method: 'post', path: '/login', form: { username: users.reviewer.username, password: users.reviewer.password } }),
  },
  {
    name: 'POST /register (closed: refused by the service, not the route)',
    expected: [403, 403, 403, 403, 403],
    prepare: async () => ({ method: 'post', path: '/register', form: { username: `walk-in-${unique++}`, password: 'a long password' } }),
  },
  { name: 'POST /logout', expected: [401, 303, 303, 303, 303], prepare: async () => ({ method: 'post', path: '/logout', form: {} }) },
];

async function agentFor(role: RoleName): Promise<Agent> {
  if (role === 'anonymous') return request.agent(t.app);
  return signIn(t.app, users[role].username, users[role].password);
}

describe('API routes × roles', () => {
  test.each(API_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const actual: number[] = [];
    for (const role of ROLES) {
      const { method, path, body } = await c.call(null, role);
      let req = request(t.app)[method](path);
      if (role !== 'anonymous') req = req.set(bearer(tokens[role]));
      actual.push((await (body ? req.send(body) : req)).status);
    }
    expect(actual).toEqual(c.expected);
  });
});

describe('page routes × roles', () => {
  test.each(PAGE_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const actual: number[] = [];
    for (const role of ROLES) {
      const agent = await agentFor(role);
      const { method, path, form } = await c.prepare(role);
      if (method === 'get') {
        actual.push((await agent.get(path).set('accept', 'text/html')).status);
      } else {
        const csrf = csrfFrom((await agent.get('/login').expect(200)).text);
        actual.push(
          (
            await agent
              .post(path)
              .type('form')
              .set('accept', 'text/html')
              .send({ ...form, _csrf: csrf })
          ).status,
        );
      }
    }
    expect(actual).toEqual(c.expected);
  });

  test('when the route table is compared with the cases, then every route of the app is covered', () => {
    const covered = new Set([...API_CASES, ...PAGE_CASES].map((c) => c.name.split(' (')[0]));
    const app = t.app as unknown as { router: { stack: Layer[] } };
    const routes = collectRoutes(app.router.stack);
    const missing = routes.filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
  });
});

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function collectRoutes(stack: Layer[]): string[] {
  const found: string[] = [];
  for (const layer of stack) {
    if (layer.route) for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${layer.route.path}`);
    else if (layer.handle?.stack) found.push(...collectRoutes(layer.handle.stack));
  }
  return found;
}
