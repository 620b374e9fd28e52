import request from 'supertest';
import { ACCOUNT_EVENT_KINDS, DOMAIN_EVENT_KINDS, type DomainEvent, type EventSubscriber } from '../../src/events';
import { createTestApp, type TestApp } from '../support/app';
import { bearer, createClaim, fileCheck, validCheck } from '../support/claims';
import { createApiToken, createUser } from '../support/factories';

/**
 * Every change the desk makes through the API is recorded as its domain event, once, in the
 * writing transaction; a change that fails records nothing. (Sign-in, accounts and tokens are
 * walked the same way by the audit-coverage test, which reads what their events left.)
 */
const committed: DomainEvent[] = [];
const recorder: EventSubscriber = { name: 'test recorder', afterCommit: (event) => void committed.push(event) };
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, [recorder]);
});
afterAll(() => t.close());

const kinds = () => committed.map((e) => e.kind);

test('when every kind of desk change is made once through the API, then each records its event exactly once, after its commit', async () => {
  const editor = await createApiToken(t.db, await createUser(t.db, 'editor', 'edna'));
  const rita = await createUser(t.db, 'reviewer', 'rita');
  const reviewer = await createApiToken(t.db, rita);
  const omar = await createApiToken(t.db, await createUser(t.db, 'reviewer', 'omar'));

  const slug = (
    await request(t.app)
      .post('/api/v1/articles')
      .set(bearer(editor))
      .send({ title: 'Harbour', text: 'The harbour cost 12 million euros. The mayor opened it in May.' })
      .expect(201)
  ).body.slug;
  const claimId = await createClaim(t.app, reviewer, { quote: { exact: 'The harbour cost 12 million euros.' } }, slug);
  const second = await createClaim(t.app, reviewer, { quote: { exact: 'The mayor opened it in May.' } }, slug);
  const checkId = await fileCheck(t.app, reviewer, claimId);
  await fileCheck(t.app, omar, claimId);
  await request(t.app).patch(`/api/v1/checks/${checkId}`).set(bearer(reviewer)).send({ rationale: 'Read the tender again.' }).expect(200);
  await request(t.app).post(`/api/v1/claims/${claimId}/comments`).set(bearer(reviewer)).send({ body: 'Tender is public, @edna: please look.' }).expect(201);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await request(t.app).post(`/api/v1/claims/${second}/assignments`).set(bearer(editor)).send({ username: 'rita', due: tomorrow }).expect(201);
  await (t.app.locals.jobs as { remindDueTomorrow: () => Promise<number> }).remindDueTomorrow();
  await request(t.app)
    .post(`/api/v1/claims/${claimId}/decision`)
    .set(bearer(editor))
    .send({ verdict: 'mostly-true', summary: 'Tender says so.', publish: true })
    .expect(200);
  await request(t.app).post(`/api/v1/claims/${second}/same-as`).set(bearer(editor)).send({ claimId }).expect(200);
  await request(t.app).delete(`/api/v1/claims/${second}/same-as`).set(bearer(editor)).expect(200);
  await request(t.app)
    .put(`/api/v1/articles/${slug}`)
    .set(bearer(editor))
    .send({ text: 'The harbour cost 14 million euros. The mayor opened it in May.' })
    .expect(200);

  // Failures record nothing: a second check by the same reviewer, a claim that does not exist, a decision without a note against consensus.
  const before = committed.length;
  await request(t.app).post(`/api/v1/claims/${claimId}/checks`).set(bearer(reviewer)).send(validCheck()).expect(409);
  await request(t.app).post('/api/v1/claims/999999/checks').set(bearer(reviewer)).send(validCheck()).expect(404);
  await request(t.app).post(`/api/v1/claims/${claimId}/decision`).set(bearer(editor)).send({ verdict: 'false', summary: 'No.', publish: true }).expect(400);
  expect(committed.length).toBe(before);

  const expected: Record<string, number> = {
    'article.created': 1,
    'claim.created': 2,
    'checks.filed': 2,
    'check.edited': 1,
    'comment.posted': 1,
    'claims.assigned': 1,
    'assignments.due_tomorrow': 1,
    'decision.saved': 1,
    'claim.same_as': 1,
    'claim.same_as_removed': 1,
    'article.revised': 1,
    'claims.need_recheck': 1,
  };
  expect([...Object.keys(expected), ...ACCOUNT_EVENT_KINDS].sort()).toEqual([...DOMAIN_EVENT_KINDS].sort());
  const desk = kinds().filter((kind) => !(ACCOUNT_EVENT_KINDS as readonly string[]).includes(kind));
  expect(Object.fromEntries(Object.keys(expected).map((kind) => [kind, desk.filter((k) => k === kind).length]))).toEqual(expected);
  expect(desk).toHaveLength(Object.values(expected).reduce((a, b) => a + b, 0));
  expect(committed.find((e) => e.kind === 'claims.need_recheck')).toMatchObject({ claimIds: [claimId], publishers: [{ claimId }] });
  expect(committed.find((e) => e.kind === 'comment.posted')).toMatchObject({ claimId, mentioned: [expect.any(Number)], participants: [] });
});
