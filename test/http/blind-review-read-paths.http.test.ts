/**
 * Blind review, over every read path: a reviewer who has not filed on a claim learns nothing of
 * the others' work there — not their verdicts, rationales or sources, not the dispute, not the
 * editor's note or draft. The GET routes come from the live route table, so a new read path
 * joins this test by existing (and fails it if it leaks).
 */
import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../support/claims';
import { createApiToken, createUser } from '../support/factories';
import { signIn, type Agent } from '../support/http';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function getRoutes(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) return layer.route.methods.get ? [layer.route.path] : [];
    return layer.handle?.stack ? getRoutes(layer.handle.stack) : [];
  });
}

const SECRETS = [
  'SECRET-RATIONALE-A',
  'SECRET-RATIONALE-B',
  'secret-source-a.example',
  'secret-source-b.example',
  'SECRET-EDITOR-NOTE',
  'SECRET-DRAFT-SUMMARY',
];

let t: TestApp;
let claimId: number;
let checkA: number;
let newcomerToken: string;
let newcomerPage: Agent;
let editorToken: string;

beforeAll(async () => {
  t = await createTestApp();
  const reviewerA = await createUser(t.db, 'reviewer');
  const [a, b] = [await createApiToken(t.db, reviewerA), await createApiToken(t.db, await createUser(t.db, 'reviewer'))];
  editorToken = await createApiToken(t.db, await createUser(t.db, 'editor'));
  const sentences = await seedSentenceIds(t.app);
  claimId = await createClaim(t.app, a, { sentenceId: sentences[6] });
  checkA = await fileCheck(t.app, a, claimId, {
    verdict: 'false',
    rationale: 'SECRET-RATIONALE-A',
    sources: [{ url: 'https://secret-source-a.example/x', stance: 'refutes' }],
  });
  await fileCheck(t.app, b, claimId, {
    verdict: 'true',
    rationale: 'SECRET-RATIONALE-B',
    sources: [{ url: 'https://secret-source-b.example/y', stance: 'supports' }],
  });
  await request(t.app)
    .post(`/api/v1/claims/${claimId}/decision`)
    .set(bearer(editorToken))
    .send({ verdict: 'mixed', summary: 'SECRET-DRAFT-SUMMARY', note: 'SECRET-EDITOR-NOTE', publish: false })
    .expect(200);
  const newcomer = await createUser(t.db, 'reviewer');
  newcomerToken = await createApiToken(t.db, newcomer);
  newcomerPage = await signIn(t.app, newcomer.username, newcomer.password);
  // Both the newcomer and a reviewer who has filed are assigned: the claim page lists them.
  for (const username of [reviewerA.username, newcomer.username])
    await request(t.app).post(`/api/v1/claims/${claimId}/assignments`).set(bearer(editorToken)).send({ username, due: '2099-01-01' }).expect(201);
  await t.db('assignments').update({ due_on: '2020-01-01' }); // both past due now: one of them has filed, which must not show
});
afterAll(() => t.close());

function concrete(path: string): string {
  return path.replace(':slug', SEED_SLUG).replace('/annotations/:id', `/annotations/check-${checkA}`).replace(':id', String(claimId));
}

async function everyReadPath(): Promise<{ path: string; status: number; body: string }[]> {
  const paths = [...new Set(getRoutes((t.app as unknown as { router: { stack: Layer[] } }).router.stack).map(concrete))];
  paths.push(`/api/v1/annotations/decision-${claimId}`, `/articles/${SEED_SLUG}/claims/new`);
  const out = [];
  for (const path of paths) {
    for (const call of [() => request(t.app).get(path).set(bearer(newcomerToken)), () => newcomerPage.get(path)]) {
      const res = await call();
      out.push({ path, status: res.status, body: res.text });
    }
  }
  return out;
}

describe('every read path, as a reviewer who has not filed', () => {
  test('when the claim is disputed and an editor has drafted a decision with a note, then no path shows any of it', async () => {
    const results = await everyReadPath();
    expect(results.length).toBeGreaterThan(40);
    for (const { path, body } of results) {
      for (const secret of SECRETS) expect({ path, leaks: body.includes(secret) ? secret : null }).toEqual({ path, leaks: null });
      expect({ path, disputed: /\bdisputed\b/i.test(body) && body.includes(`/claims/${claimId}`) }).toEqual({ path, disputed: false });
      // Not even that others have filed: no count of checks, no assignee marked checked (or, past the date, not overdue).
      expect({ path, count: /\b2 checks\b|"checks":2\b/.test(body), checkedMark: /— checked\b/.test(body) }).toEqual({
        path,
        count: false,
        checkedMark: false,
      });
    }
    const mine = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}/claims`).set(bearer(newcomerToken)).expect(200)).body.claims;
    expect(mine.find((c: { id: number }) => c.id === claimId)).toMatchObject({ checkedByMe: false, checks: null, status: null });
    const claimPage = await newcomerPage.get(`/claims/${claimId}`).expect(200);
    // The newcomer's own assignment is overdue; the one who filed shows only its date.
    expect(claimPage.text.match(/— (overdue \(due 2020-01-01\)|due 2020-01-01)/g)?.sort()).toEqual(['— due 2020-01-01', '— overdue (due 2020-01-01)']);
  });

  test('when the decision is published with its note, then readers and the newcomer see the verdict and summary, still not the note or the checks', async () => {
    await request(t.app)
      .post(`/api/v1/claims/${claimId}/decision`)
      .set(bearer(editorToken))
      .send({ verdict: 'mixed', summary: 'Public summary of the claim.', note: 'SECRET-EDITOR-NOTE', publish: true })
      .expect(200);
    const results = await everyReadPath();
    expect(results.some(({ body }) => body.includes('Public summary of the claim.'))).toBe(true);
    for (const { path, body } of results) {
      for (const secret of ['SECRET-RATIONALE-A', 'SECRET-RATIONALE-B', 'SECRET-EDITOR-NOTE'])
        expect({ path, leaks: body.includes(secret) ? secret : null }).toEqual({ path, leaks: null });
    }
  });

  test('when the same paths are read by an editor, then the secrets are there (the test can see a leak)', async () => {
    const claim = await request(t.app).get(`/api/v1/claims/${claimId}`).set(bearer(editorToken)).expect(200);
    for (const secret of ['SECRET-RATIONALE-A', 'SECRET-RATIONALE-B', 'SECRET-EDITOR-NOTE']) expect(claim.text).toContain(secret);
    const list = (await request(t.app).get(`/api/v1/articles/${SEED_SLUG}/claims`).set(bearer(editorToken)).expect(200)).body.claims;
    expect(list.find((c: { id: number }) => c.id === claimId)).toMatchObject({ checks: 2 });
    expect((await request(t.app).get(`/claims/${claimId}`).set(bearer(editorToken)).expect(200)).text).toMatch(/— checked/);
  });
});
