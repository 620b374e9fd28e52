import request from 'supertest';
import { isPostgres } from '../../../src/db/knex';
import { verifyClaimStats } from '../../../src/modules/review';
import { decisionsReader } from '../../../src/modules/verdicts';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer, createClaim, validCheck } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';
import * as checksRepository from '../../../src/modules/checks/checks-repository';

let t: TestApp;
afterEach(() => t.close());

describe('checks filed at the same moment (group commit)', () => {
  test('when many reviewers file at once, some twice and some on a claim that does not exist, then each request gets its own answer and the stored state is exactly the accepted checks', async () => {
    t = await createTestApp();
    const editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
    await request(t.app)
      .post('/api/v1/webhooks')
      .set(bearer(await createApiToken(t.db, await createUser(t.db, 'admin'))))
      .send({ url: 'https://93.184.216.34/hook', events: ['check.filed'], secret: 'a secret of sixteen+' })
      .expect(201);
    const text = Array.from({ length: 6 }, (_, i) => `Item ${i + 1} says ${i} ferries sailed.`).join(' ');
    const slug = (await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title: 'Busy desk', text }).expect(201)).body.slug;
    const claims: number[] = [];
    for (let i = 1; i <= 6; i++) claims.push(await createClaim(t.app, editor, { quote: { exact: `Item ${i} says` } }, slug));
    const reviewers: string[] = [];
    for (let r = 0; r < 8; r++) reviewers.push(await createApiToken(t.db, await createUser(t.db, 'reviewer')));

    // 8 reviewers × 6 claims, each pair sent twice, plus 8 checks on a claim that does not exist: all at once.
    const attempts = reviewers.flatMap((token, r) => [
      ...claims.flatMap((claimId, c) => [0, 1].map((copy) => ({ token, claimId, verdict: (['true', 'mixed', 'false'] as const)[(r + c + copy) % 3] }))),
      { token, claimId: 999_999, verdict: 'true' as const },
    ]);
    const answers = await Promise.all(
      attempts.map((a) =>
        request(t.app)
          .post(`/api/v1/claims/${a.claimId}/checks`)
          .set(bearer(a.token))
          .send(validCheck({ verdict: a.verdict, rationale: `By ${a.token.slice(0, 6)}` })),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(48);
    expect(statuses.filter((s) => s === 409)).toHaveLength(48);
    expect(statuses.filter((s) => s === 404)).toHaveLength(8);
    for (const [i, answer] of answers.entries()) {
      if (answer.status === 201)
        expect(answer.body).toMatchObject({
          claimId: attempts[i].claimId,
          verdict: attempts[i].verdict,
          sources: [expect.objectContaining({ stance: 'supports' })],
        });
      if (answer.status === 409) expect(answer.body.error.message).toBe('You have already checked this claim; edit your check instead.');
    }
    // Exactly the accepted checks, each with its sources and first revision, one webhook event each, aggregates right.
    const ids = answers.filter((a) => a.status === 201).map((a) => a.body.id);
    expect(new Set(ids).size).toBe(48);
    expect(Number((await t.db('checks').count({ n: '*' }).first())!.n)).toBe(48);
    expect(Number((await t.db('check_sources').count({ n: '*' }).first())!.n)).toBe(48);
    expect(Number((await t.db('check_revisions').count({ n: '*' }).first())!.n)).toBe(48);
    expect((await t.db('webhook_deliveries').select('payload')).map((row) => JSON.parse(row.payload).data.id).sort()).toEqual([...ids].sort());
    const stats = decisionsReader(t.db, { minOrdinalChecks: t.config.minReviewsForConsensus });
    expect((await verifyClaimStats(t.db, stats)).drift).toEqual([]);
    const reviewQueue = (await request(t.app).get('/api/v1/review').set(bearer(editor)).expect(200)).body.claims;
    expect(reviewQueue.map((c: { aggregate: { reviewers: number } }) => c.aggregate.reviewers)).toEqual([8, 8, 8, 8, 8, 8]);
  });

  test('when one check in a batch fails for a reason no look-up foresaw, then it alone fails and the others filed with it are stored', async () => {
    t = await createTestApp();
    const editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
    const text = Array.from({ length: 4 }, (_, i) => `Point ${i + 1} says ${i} trains ran.`).join(' ');
    const slug = (await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title: 'Fragile desk', text }).expect(201)).body.slug;
    const claimId = await createClaim(t.app, editor, { quote: { exact: 'Point 1 says' } }, slug);
    // A database rule the service knows nothing of refuses one rationale (SQLite trigger / PostgreSQL check constraint).
    if (isPostgres(t.db)) await t.db.raw("ALTER TABLE checks ADD CONSTRAINT no_poison CHECK (rationale <> 'poison')");
    else await t.db.raw("CREATE TRIGGER no_poison BEFORE INSERT ON checks WHEN NEW.rationale = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END");
    const reviewers: string[] = [];
    for (let r = 0; r < 10; r++) reviewers.push(await createApiToken(t.db, await createUser(t.db, 'reviewer')));
    const answers = await Promise.all(
      reviewers.map((token, r) =>
        request(t.app)
          .post(`/api/v1/claims/${claimId}/checks`)
          .set(bearer(token))
          .send(validCheck({ rationale: r === 4 ? 'poison' : `Fine ${r}` })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(reviewers.map((_, r) => (r === 4 ? 500 : 201)));
    expect(Number((await t.db('checks').count({ n: '*' }).first())!.n)).toBe(9);
    expect((await verifyClaimStats(t.db, decisionsReader(t.db, { minOrdinalChecks: t.config.minReviewsForConsensus }))).drift).toEqual([]);
  });

  test('when a statement after the batch’s inserts fails once, then the answer still matches what is stored: the check is filed once and the reviewer is told so', async () => {
    t = await createTestApp();
    const editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
    const slug = (
      await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title: 'Flaky desk', text: 'Point one says two trains ran.' }).expect(201)
    ).body.slug;
    const claimId = await createClaim(t.app, editor, { quote: { exact: 'Point one says' } }, slug);
    const reviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
    // The database takes the batch's checks, then the next statement fails (a dropped connection, say): the batch rolls back.
    const read = jest.spyOn(checksRepository, 'insertFirstCheckRevisions').mockRejectedValueOnce(new Error('connection lost after the insert'));
    try {
      const answer = await request(t.app)
        .post(`/api/v1/claims/${claimId}/checks`)
        .set(bearer(reviewer))
        .send(validCheck({ rationale: 'Filed once.' }));
      expect(read).toHaveBeenCalled();
      const stored = await t.db('checks').where({ claim_id: claimId }).select('id', 'rationale');
      expect(stored).toHaveLength(1);
      expect({ status: answer.status, id: answer.body.id, rationale: answer.body.rationale }).toEqual({
        status: 201,
        id: Number(stored[0].id),
        rationale: 'Filed once.',
      });
    } finally {
      read.mockRestore();
    }
    expect((await request(t.app).post(`/api/v1/claims/${claimId}/checks`).set(bearer(reviewer)).send(validCheck()).expect(409)).body.error.message).toMatch(
      /already checked/,
    );
  });
});
