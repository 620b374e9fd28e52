import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../../support/claims';
import { createApiToken, createUser, type TestUser } from '../../support/factories';
import { csrfFrom, signIn } from '../../support/http';

let t: TestApp;
let rita: TestUser;
let ritaToken: string;
let omarToken: string;
let editor: TestUser;
let editorToken: string;
let sentences: string[];

beforeEach(async () => {
  t = await createTestApp();
  rita = await createUser(t.db, 'reviewer', 'rita');
  ritaToken = await createApiToken(t.db, rita);
  omarToken = await createApiToken(t.db, await createUser(t.db, 'reviewer', 'omar'));
  editor = await createUser(t.db, 'editor', 'edna');
  editorToken = await createApiToken(t.db, editor);
  sentences = await seedSentenceIds(t.app);
});
afterEach(() => t.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const assign = (claimId: number, body: object, token = editorToken) =>
  request(t.app).post(`/api/v1/claims/${claimId}/assignments`).set(bearer(token)).send(body);
const myWork = async (token = ritaToken) => (await request(t.app).get('/api/v1/assignments?mine=true').set(bearer(token)).expect(200)).body.assignments;

describe('assignments', () => {
  test('when an editor assigns claims with due dates, then My work lists them overdue first, then by date, undated last, and a filed check takes a claim off', async () => {
    const [undated, later, soon, late] = await Promise.all(sentences.slice(2, 6).map((id) => createClaim(t.app, ritaToken, { sentenceId: id })));
    await assign(undated, { username: 'rita' }).expect(201);
    await assign(later, { username: 'rita', due: day(7) }).expect(201);
    await assign(soon, { username: 'rita', due: day(1) }).expect(201);
    await assign(late, { username: 'rita', due: day(0) }).expect(201);
    await t
      .db('assignments')
      .where({ claim_id: late })
      .update({ due_on: day(-2) }); // it was due two days ago
    const work = await myWork();
    expect(work.map((w: { claimId: number }) => w.claimId)).toEqual([late, soon, later, undated]);
    expect(work.map((w: { overdue: boolean }) => w.overdue)).toEqual([true, false, false, false]);
    expect(work[0]).toMatchObject({ username: 'rita', due: day(-2), assignedBy: editor.displayName, url: `/claims/${late}` });

    await fileCheck(t.app, ritaToken, soon);
    expect((await myWork()).map((w: { claimId: number }) => w.claimId)).toEqual([late, later, undated]);
    const queue = (await request(t.app).get('/api/v1/review').set(bearer(editorToken)).expect(200)).body.claims;
    expect(queue.find((c: { id: number }) => c.id === soon).assignees).toEqual([
      { username: 'rita', displayName: rita.displayName, due: day(1), done: true, overdue: false },
    ]);
  });

  test('when a claim is assigned again, then only the due date changes; unassigning takes it off, twice is a 404', async () => {
    const claimId = await createClaim(t.app, ritaToken, { sentenceId: sentences[3] });
    await assign(claimId, { username: 'rita', due: day(3) }).expect(201);
    const again = await assign(claimId, { username: 'RITA', due: day(5) }).expect(201);
    expect(again.body.assignments).toEqual([expect.objectContaining({ username: 'rita', due: day(5) })]);
    await request(t.app).delete(`/api/v1/claims/${claimId}/assignments/rita`).set(bearer(editorToken)).expect(204);
    expect(await myWork()).toEqual([]);
    expect((await request(t.app).delete(`/api/v1/claims/${claimId}/assignments/rita`).set(bearer(editorToken)).expect(404)).body.error.message).toMatch(
      /not assigned/,
    );
  });

  test('when several claims are assigned at once, then all are in one transaction: one unknown claim and none is assigned', async () => {
    const ids = await Promise.all(sentences.slice(2, 5).map((id) => createClaim(t.app, ritaToken, { sentenceId: id })));
    const refused = await request(t.app)
      .post('/api/v1/assignments')
      .set(bearer(editorToken))
      .send({ claimIds: [...ids, 999999], username: 'omar' })
      .expect(422);
    expect(refused.body.error.message).toMatch(/999999/);
    expect(await t.db('assignments')).toHaveLength(0);
    const done = await request(t.app)
      .post('/api/v1/assignments')
      .set(bearer(editorToken))
      .send({ claimIds: ids, username: 'omar', due: day(2) })
      .expect(201);
    expect(done.body).toEqual({ assigned: 3, username: 'omar' });
    expect(await myWork(omarToken)).toHaveLength(3);
  });

  test.each([
    ['a past due date', { username: 'rita', due: '2001-01-01' }, 400, /today or later/],
    ['a date that does not exist', { username: 'rita', due: '2031-02-30' }, 400, /not a real date/],
    ['a badly written date', { username: 'rita', due: 'next friday' }, 400, /YYYY-MM-DD/],
    ['no username', { due: '2031-01-01' }, 400, /username/],
    ['an unknown account', { username: 'nobody' }, 422, /no active account/],
  ])('when the assignment has %s, then it is refused with a message', async (_label, body, status, message) => {
    const claimId = await createClaim(t.app, ritaToken, { sentenceId: sentences[3] });
    expect((await assign(claimId, body).expect(status)).body.error.message).toMatch(message);
    expect(await t.db('assignments')).toHaveLength(0);
  });

  test('when a disabled account or a missing claim is named, then it is refused', async () => {
    const claimId = await createClaim(t.app, ritaToken, { sentenceId: sentences[3] });
    await t.db('users').where({ username: 'omar' }).update({ disabled_at: new Date().toISOString() });
    await assign(claimId, { username: 'omar' }).expect(422);
    await assign(999999, { username: 'rita' }).expect(404);
  });

  test('when a reviewer asks for someone else’s assignments, then it is a 403; an editor may', async () => {
    const claimId = await createClaim(t.app, ritaToken, { sentenceId: sentences[3] });
    await assign(claimId, { username: 'rita' }).expect(201);
    await request(t.app).get('/api/v1/assignments?assignee=rita').set(bearer(omarToken)).expect(403);
    const seen = await request(t.app).get('/api/v1/assignments?assignee=rita').set(bearer(editorToken)).expect(200);
    expect(seen.body.assignments.map((a: { claimId: number }) => a.claimId)).toEqual([claimId]);
  });

  test('when the queue is filtered by assignee, then only their claims are listed, and sorting by due date puts the earliest first', async () => {
    const [a, b, c] = await Promise.all(sentences.slice(2, 5).map((id) => createClaim(t.app, ritaToken, { sentenceId: id })));
    await assign(a, { username: 'rita', due: day(9) }).expect(201);
    await assign(b, { username: 'rita', due: day(2) }).expect(201);
    await assign(c, { username: 'omar' }).expect(201);
    const ritas = (await request(t.app).get('/api/v1/review?assignee=rita&sort=due').set(bearer(editorToken)).expect(200)).body.claims;
    expect(ritas.map((x: { id: number }) => x.id)).toEqual([b, a]);
    await request(t.app).get('/api/v1/review?sort=sideways').set(bearer(editorToken)).expect(400);
  });
});

describe('assignment pages, without JavaScript', () => {
  test('when an editor picks claims in the queue and assigns them, then the reviewer finds them under My work', async () => {
    const [a, b] = await Promise.all(sentences.slice(2, 4).map((id) => createClaim(t.app, ritaToken, { sentenceId: id })));
    const desk = await signIn(t.app, editor.username, 'correct horse battery');
    const queue = await desk.get('/review').expect(200);
    expect(queue.text).toContain(`name="claimIds" value="${a}"`);
    const page = await desk.get(`/review/assign?claimIds=${a}&claimIds=${b}`).expect(200);
    expect(page.text).toContain(`value="${a}" checked`);
    const csrf = csrfFrom(page.text);
    const bad = await desk
      .post('/review/assign')
      .type('form')
      .send({ _csrf: csrf, claimIds: [String(a), String(b)], username: 'rita', due: '2001-01-01' })
      .expect(400);
    expect(bad.text).toMatch(/today or later/);
    await desk
      .post('/review/assign')
      .type('form')
      .send({ _csrf: csrf, claimIds: [String(a), String(b)], username: 'rita', due: day(3) })
      .expect(303)
      .expect('Location', '/review');
    const reviewer = await signIn(t.app, rita.username, 'correct horse battery');
    const work = await reviewer.get('/me/work').expect(200);
    expect(work.text).toContain(`href="/claims/${a}"`);
    expect(work.text).toContain(`Due ${day(3)}`);
    const filtered = await desk.get('/review?assignee=rita').expect(200);
    expect(filtered.text).toContain(`@rita by ${day(3)}`);
  });

  test('when an editor assigns from a claim page and unassigns, then the page shows who, and the forms return to it', async () => {
    const claimId = await createClaim(t.app, ritaToken, { sentenceId: sentences[3] });
    const desk = await signIn(t.app, editor.username, 'correct horse battery');
    const claimPage = await desk.get(`/claims/${claimId}`).expect(200);
    expect(claimPage.text).toContain('id="claim-assign-username"');
    const csrf = csrfFrom(claimPage.text);
    await desk
      .post('/review/assign')
      .type('form')
      .send({ _csrf: csrf, claimIds: String(claimId), username: 'omar', back: `/claims/${claimId}` })
      .expect(303)
      .expect('Location', `/claims/${claimId}`);
    expect((await desk.get(`/claims/${claimId}`).expect(200)).text).toContain('(@omar) — no due date');
    await desk.post(`/claims/${claimId}/assignments/omar/remove`).type('form').send({ _csrf: csrf }).expect(303);
    expect((await desk.get(`/claims/${claimId}`).expect(200)).text).not.toContain('(@omar) —');
  });
});
