import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';
import { signIn } from '../../support/http';

/**
 * Regression tests for blind review and evidence integrity (hardening issue, items 2, 3, 16, 18
 * and 20): each reproduces an attack or defect that the code before the fix allowed.
 */
let t: TestApp;
let sentences: string[];
let editor: string;
let next = 20;
const newUserToken = async (role: 'reviewer' | 'editor') => createApiToken(t.db, await createUser(t.db, role));

beforeAll(async () => {
  t = await createTestApp();
  sentences = await seedSentenceIds(t.app);
  editor = await newUserToken('editor');
});
afterAll(() => t.close());

async function decide(claimId: number, body: Record<string, unknown>) {
  return request(t.app).post(`/api/v1/claims/${claimId}/decision`).set(bearer(editor)).send(body).expect(200);
}

describe('decision internals and blind review', () => {
  test('when an editor departs from the consensus with a note, then a reviewer who has not filed learns neither the note nor who decided', async () => {
    const [a, b, late] = [await newUserToken('reviewer'), await newUserToken('reviewer'), await newUserToken('reviewer')];
    const claimId = await createClaim(t.app, a, { sentenceId: sentences[next++] });
    await fileCheck(t.app, a, claimId, { verdict: 'false' });
    await fileCheck(t.app, b, claimId, { verdict: 'false' });
    await decide(claimId, { verdict: 'mixed', summary: 'Public summary.', note: 'SECRET-EDITOR-NOTE departs from consensus', publish: true });

    const api = await request(t.app).get(`/api/v1/claims/${claimId}`).set(bearer(late)).expect(200);
    expect(api.body.visibility).toBe('own');
    expect(api.body.decision).toMatchObject({ verdict: 'mixed', summary: 'Public summary.' });
    expect(api.body.decision).not.toHaveProperty('note');
    expect(api.body.decision).not.toHaveProperty('decidedBy');
    expect(JSON.stringify(api.body)).not.toContain('SECRET-EDITOR-NOTE');

    const lateUser = await createUser(t.db, 'reviewer');
    const agent = await signIn(t.app, lateUser.username, lateUser.password);
    const page = (await agent.get(`/claims/${claimId}`).expect(200)).text;
    expect(page).not.toContain('SECRET-EDITOR-NOTE');
    expect(page).not.toContain('Editor’s note');

    // After filing, the reviewer sees the internals like everything else.
    await fileCheck(t.app, late, claimId, { verdict: 'false' });
    const after = await request(t.app).get(`/api/v1/claims/${claimId}`).set(bearer(late)).expect(200);
    expect(after.body.decision.note).toBe('SECRET-EDITOR-NOTE departs from consensus');
  });
});

describe('independent verdicts', () => {
  test('when a reviewer files a throwaway verdict, reads the others and changes it, then the consensus and agreement keep the first and editors see the revision', async () => {
    const [a, b, gamer] = [await newUserToken('reviewer'), await newUserToken('reviewer'), await newUserToken('reviewer')];
    const claimId = await createClaim(t.app, a, { sentenceId: sentences[next++] });
    await fileCheck(t.app, a, claimId, { verdict: 'false' });
    await fileCheck(t.app, b, claimId, { verdict: 'mostly-false' });
    const throwaway = await fileCheck(t.app, gamer, claimId, { verdict: 'true' });
    const seen = await request(t.app).get(`/api/v1/claims/${claimId}`).set(bearer(gamer)).expect(200);
    expect(seen.body.visibility).toBe('all'); // the gamer now sees the others
    const edited = await request(t.app).patch(`/api/v1/checks/${throwaway}`).set(bearer(gamer)).send({ verdict: 'false' }).expect(200);
    expect(edited.body).toMatchObject({ verdict: 'false', independentVerdict: 'true' });
    expect(edited.body.revisedAfterOthersAt).toEqual(expect.any(String));

    const view = await request(t.app).get(`/api/v1/claims/${claimId}`).set(bearer(editor)).expect(200);
    // Independent verdicts: false, mostly-false, true. Had the revision counted, there would be two "false".
    expect(view.body.aggregate.distribution).toMatchObject({ false: 1, 'mostly-false': 1, true: 1 });
    const page = (await signInAs('editor')).get(`/claims/${claimId}`);
    expect((await page.expect(200)).text).toContain('Revised after seeing others');
  });

  test('when a reviewer changes their verdict before anyone else has filed, then the change is still independent', async () => {
    const solo = await newUserToken('reviewer');
    const claimId = await createClaim(t.app, solo, { sentenceId: sentences[next++] });
    const checkId = await fileCheck(t.app, solo, claimId, { verdict: 'true' });
    const edited = await request(t.app).patch(`/api/v1/checks/${checkId}`).set(bearer(solo)).send({ verdict: 'mostly-true' }).expect(200);
    expect(edited.body).toMatchObject({ verdict: 'mostly-true', independentVerdict: 'mostly-true', revisedAfterOthersAt: null });
  });
});

describe('published evidence', () => {
  test('when a newcomer adds a check with a link after publication, then readers keep the published sources, and the queue flags new evidence until an editor republishes', async () => {
    const [a, b] = [await newUserToken('reviewer'), await newUserToken('reviewer')];
    const claimId = await createClaim(t.app, a, { sentenceId: sentences[next++] });
    await fileCheck(t.app, a, claimId, { verdict: 'true', sources: [{ url: 'https://example.org/original', stance: 'supports' }] });
    await decide(claimId, { verdict: 'true', summary: 'Checked.', publish: true });
    const newcomer = await newUserToken('reviewer');
    await fileCheck(t.app, newcomer, claimId, { verdict: 'false', sources: [{ url: 'https://spam.example.net/buy-now', stance: 'refutes' }] });

    const reader = await request(t.app).get(`/api/v1/claims/${claimId}`).expect(200);
    expect(reader.body.sources.map((s: { url: string }) => s.url)).toEqual(['https://example.org/original']);
    expect((await request(t.app).get(`/claims/${claimId}`).expect(200)).text).not.toContain('spam.example.net');

    const queue = await request(t.app).get('/api/v1/review').set(bearer(editor)).expect(200);
    const item = queue.body.claims.find((c: { id: number }) => c.id === claimId);
    expect(item.decision.newEvidenceAt).toEqual(expect.any(String));
    const disputedCount = queue.body.claims.filter((c: { aggregate: { status: string } }) => c.aggregate.status === 'disputed').length;
    expect(queue.body.claims.findIndex((c: { id: number }) => c.id === claimId)).toBeLessThanOrEqual(disputedCount);

    await fileCheck(t.app, b, claimId, { verdict: 'true', sources: [{ url: 'https://example.org/second', stance: 'supports' }] });
    await decide(claimId, { verdict: 'true', summary: 'Checked again.', note: 'Took in new evidence.', publish: true });
    const republished = await request(t.app).get(`/api/v1/claims/${claimId}`).expect(200);
    expect(republished.body.sources.map((s: { url: string }) => s.url)).toEqual([
      'https://example.org/original',
      'https://spam.example.net/buy-now',
      'https://example.org/second',
    ]);
    const cleared = await request(t.app).get(`/api/v1/claims/${claimId}`).set(bearer(editor)).expect(200);
    expect(cleared.body.decision.newEvidenceAt).toBeNull();
  });
});

describe('audit of decisions', () => {
  test('when a decision is saved without ever being published, then no "unpublished" event is written; unpublishing a published one writes one', async () => {
    const a = await newUserToken('reviewer');
    const claimId = await createClaim(t.app, a, { sentenceId: sentences[next++] });
    await fileCheck(t.app, a, claimId, { verdict: 'true' });
    const events = () =>
      t
        .db('audit_events')
        .where({ subject: `claim ${claimId}` })
        .orderBy('id')
        .pluck('event');
    await decide(claimId, { verdict: 'true', summary: 'Draft.', publish: false });
    expect(await events()).toEqual([]);
    await decide(claimId, { verdict: 'true', summary: 'Out.', publish: true });
    await decide(claimId, { verdict: 'true', summary: 'Back.', publish: false });
    expect(await events()).toEqual(['decision.published', 'decision.unpublished']);
  });
});

describe('concurrent edits of one check', () => {
  test('when several edits of one check run at once, then each revision records the version it replaced', async () => {
    const author = await newUserToken('reviewer');
    const claimId = await createClaim(t.app, author, { sentenceId: sentences[next++] });
    const checkId = await fileCheck(t.app, author, claimId, { verdict: 'true', rationale: 'r0' });
    await Promise.all(
      ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((rationale) =>
        request(t.app).patch(`/api/v1/checks/${checkId}`).set(bearer(author)).send({ rationale }).expect(200),
      ),
    );
    const revisions = (await t.db('check_revisions').where({ check_id: checkId }).orderBy('id')).map((r: { before: string | null; after: string }) => ({
      before: r.before ? (JSON.parse(r.before) as { rationale: string }).rationale : null,
      after: (JSON.parse(r.after) as { rationale: string }).rationale,
    }));
    expect(revisions).toHaveLength(7);
    for (let i = 1; i < revisions.length; i++) expect(revisions[i].before).toBe(revisions[i - 1].after);
  });
});

async function signInAs(role: 'editor' | 'reviewer') {
  const user = await createUser(t.db, role);
  return signIn(t.app, user.username, user.password);
}
