import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck } from '../../support/claims';
import { createApiToken, createUser, type TestUser } from '../../support/factories';
import { csrfFrom, signIn } from '../../support/http';

let t: TestApp;
let rita: TestUser;
let ritaToken: string;
let omarToken: string;
let edna: TestUser;
let ednaToken: string;
let slug: string;

beforeEach(async () => {
  t = await createTestApp();
  rita = await createUser(t.db, 'reviewer', 'rita');
  ritaToken = await createApiToken(t.db, rita);
  omarToken = await createApiToken(t.db, await createUser(t.db, 'reviewer', 'omar'));
  edna = await createUser(t.db, 'editor', 'edna');
  ednaToken = await createApiToken(t.db, edna);
  slug = (
    await request(t.app)
      .post('/api/v1/articles')
      .set(bearer(ednaToken))
      .send({ title: 'Harbour story', text: 'The harbour cost 12 million euros. The mayor opened it in May.' })
      .expect(201)
  ).body.slug;
});
afterEach(() => t.close());

const inbox = async (token: string) => (await request(t.app).get('/api/v1/notifications').set(bearer(token)).expect(200)).body;
const claimOn = (quote: string) => createClaim(t.app, ritaToken, { quote: { exact: quote } }, slug);

describe('notifications', () => {
  test('when a claim is assigned, then the assignee is told with a link, sees the count in the header, and can mark it read', async () => {
    const claimId = await claimOn('The harbour cost 12 million euros.');
    await request(t.app).post(`/api/v1/claims/${claimId}/assignments`).set(bearer(ednaToken)).send({ username: 'rita', due: '2099-01-01' }).expect(201);
    const box = await inbox(ritaToken);
    expect(box.unread).toBe(1);
    expect(box.notifications[0]).toMatchObject({ kind: 'assigned', claimId, link: `/claims/${claimId}`, read: false });
    expect(box.notifications[0].message).toBe('Assigned to you (due 2099-01-01): “The harbour cost 12 million euros.”');
    expect((await inbox(ednaToken)).unread).toBe(0); // not told of their own act

    const agent = await signIn(t.app, rita.username, 'correct horse battery');
    const page = await agent.get('/notifications').expect(200);
    expect(page.text).toMatch(/Notifications <span class="count-badge">1<span class="visually-hidden"> unread/);
    await request(t.app).post(`/api/v1/notifications/${box.notifications[0].id}/read`).set(bearer(omarToken)).expect(200, { marked: 0, unread: 0 });
    await agent
      .post('/notifications/read-all')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(303);
    expect((await inbox(ritaToken)).unread).toBe(0);
  });

  test('when the reminder job runs for work due tomorrow, then each assignee is reminded once however often it runs', async () => {
    const claimId = await claimOn('The harbour cost 12 million euros.');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await request(t.app).post(`/api/v1/claims/${claimId}/assignments`).set(bearer(ednaToken)).send({ username: 'omar', due: tomorrow }).expect(201);
    const jobs = t.app.locals.jobs as { remindDueTomorrow: () => Promise<number> };
    await jobs.remindDueTomorrow();
    await jobs.remindDueTomorrow();
    const reminders = (await inbox(omarToken)).notifications.filter((n: { kind: string }) => n.kind === 'due-tomorrow');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].message).toContain(`Due tomorrow (${tomorrow})`);
    await fileCheck(t.app, omarToken, claimId);
    await t.db('notifications').where({ kind: 'due-tomorrow' }).delete();
    await jobs.remindDueTomorrow();
    expect(await t.db('notifications').where({ kind: 'due-tomorrow' })).toHaveLength(0); // done work is not reminded
  });

  test('when a comment mentions people, then those who may read the discussion are told, without its text; others in the thread hear of new comments', async () => {
    const claimId = await claimOn('The harbour cost 12 million euros.');
    await fileCheck(t.app, ritaToken, claimId);
    await request(t.app).post(`/api/v1/claims/${claimId}/comments`).set(bearer(ritaToken)).send({ body: 'Secret reasoning for @edna and @omar.' }).expect(201);
    const ednaBox = await inbox(ednaToken);
    expect(ednaBox.notifications).toHaveLength(1);
    expect(ednaBox.notifications[0]).toMatchObject({ kind: 'mentioned', link: expect.stringMatching(new RegExp(`^/claims/${claimId}#comment-\\d+$`)) });
    expect(ednaBox.notifications[0].message).not.toContain('Secret');
    expect((await inbox(omarToken)).notifications).toHaveLength(0); // omar has not filed: the discussion is closed to him

    await request(t.app).post(`/api/v1/claims/${claimId}/comments`).set(bearer(ednaToken)).send({ body: 'Noted.' }).expect(201);
    const ritaBox = await inbox(ritaToken);
    expect(ritaBox.notifications.map((n: { kind: string }) => n.kind)).toEqual(['comment']);
  });

  test('when a verdict is published, then each reviewer who checked the claim is told; when the article later changes under it, the editor who published it is told', async () => {
    const claimId = await claimOn('The harbour cost 12 million euros.');
    await fileCheck(t.app, ritaToken, claimId);
    await fileCheck(t.app, omarToken, claimId);
    await request(t.app)
      .post(`/api/v1/claims/${claimId}/decision`)
      .set(bearer(ednaToken))
      .send({ verdict: 'mostly-true', summary: 'Close.', publish: true })
      .expect(200);
    for (const token of [ritaToken, omarToken]) expect((await inbox(token)).notifications.map((n: { kind: string }) => n.kind)).toEqual(['decision-published']);
    expect((await inbox(ednaToken)).notifications).toHaveLength(0);

    await request(t.app)
      .put(`/api/v1/articles/${slug}`)
      .set(bearer(ednaToken))
      .send({ text: 'The harbour cost 14 million euros. The mayor opened it in May.' })
      .expect(200);
    const recheck = (await inbox(ednaToken)).notifications;
    expect(recheck.map((n: { kind: string; claimId: number }) => [n.kind, n.claimId])).toEqual([['needs-recheck', claimId]]);
  });

  test('when a change fails, then nobody is notified of it', async () => {
    const claimId = await claimOn('The harbour cost 12 million euros.');
    await request(t.app)
      .post('/api/v1/assignments')
      .set(bearer(ednaToken))
      .send({ claimIds: [claimId, 999999], username: 'rita' })
      .expect(422);
    expect((await inbox(ritaToken)).notifications).toHaveLength(0);
  });
});
