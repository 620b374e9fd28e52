import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';
import { csrfFrom, signIn } from '../../support/http';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

async function attemptLogin(username: string, password: string, address: string) {
  const agent = request.agent(t.app);
  const csrf = csrfFrom((await agent.get('/login').set('x-forwarded-for', address).expect(200)).text);
  return agent.post('/login').set('x-forwarded-for', address).type('form').send({ username, password, _csrf: csrf });
}

describe('sign-in rate limiting', () => {
  test('when an account has five failures, then even the right password is refused with 429 for that account only', async () => {
    const victim = await createUser(t.db, 'editor', 'victim');
    const bystander = await createUser(t.db, 'editor', 'bystander');
    for (let i = 0; i < 5; i++) expect((await attemptLogin('victim', `wrong guess ${i}`, `10.0.0.${i}`)).status).toBe(401);
    const blocked = await attemptLogin('victim', victim.password, '10.0.1.1');
    expect(blocked.status).toBe(429);
    expect(blocked.text).toMatch(/Too many sign-in attempts\. Try again in \d+ minutes?, or from a browser you have signed in with before\./);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attemptLogin('bystander', bystander.password, '10.0.1.1')).status).toBe(303);
    expect(await t.db('audit_events').where({ event: 'login.blocked', subject: 'victim' }).first()).toBeDefined();
  });

  test('when a sign-in succeeds, then earlier failures of that account no longer count', async () => {
    const user = await createUser(t.db, 'reviewer', 'forgetful');
    for (let i = 0; i < 4; i++) await attemptLogin('forgetful', 'wrong password', '10.0.2.1');
    expect((await attemptLogin('forgetful', user.password, '10.0.2.1')).status).toBe(303);
    for (let i = 0; i < 4; i++) await attemptLogin('forgetful', 'wrong password', '10.0.2.1');
    expect((await attemptLogin('forgetful', user.password, '10.0.2.1')).status).toBe(303);
  });

  test('when one address fails twenty times across accounts, then it is refused for every account', async () => {
    const user = await createUser(t.db, 'reviewer', 'innocent');
    for (let i = 0; i < 20; i++) await attemptLogin(`sprayed-${i}`, 'Summer2024!!', '203.0.113.9');
    expect((await attemptLogin('innocent', user.password, '203.0.113.9')).status).toBe(429);
    expect((await attemptLogin('innocent', user.password, '198.51.100.7')).status).toBe(303);
  });
});

describe('password policy', () => {
  test.each([
    ['a common password', 'password123', /is one of the most common passwords/],
    ['a keyboard walk', 'qwertyuiop', /is one of the most common passwords/],
    ['a repeated character', 'aaaaaaaaaaaa', /must not repeat/],
    ['the username inside', 'newperson-2024', /must not contain the username/],
  ])('when an admin sets %s, then the account is refused', async (_name, password, message) => {
    const admin = await createUser(t.db, 'admin');
    const res = await request(t.app)
      .post('/api/v1/users')
      .set(bearer(await createApiToken(t.db, admin)))
      .send({ username: 'newperson', password, role: 'reviewer' })
      .expect(400);
    expect(res.body.error.message).toMatch(message);
  });
});

describe('audit log', () => {
  test('when security-relevant things happen, then each is recorded with who and from where, and admins can read them', async () => {
    const admin = await createUser(t.db, 'admin', 'ada');
    const reviewer = await createUser(t.db, 'reviewer', 'rita');
    const adminToken = await createApiToken(t.db, admin);
    await attemptLogin('rita', 'not her password', '192.0.2.44');
    await signIn(t.app, reviewer.username, reviewer.password);
    await request(t.app).patch(`/api/v1/users/${reviewer.id}`).set(bearer(adminToken)).send({ role: 'editor' }).expect(200);
    const created = await request(t.app).post('/api/v1/tokens').set(bearer(adminToken)).send({ name: 'deploy' }).expect(201);
    const sentences = await seedSentenceIds(t.app);
    const claimId = await createClaim(t.app, adminToken, { sentenceId: sentences[1] });
    await fileCheck(t.app, adminToken, claimId);
    await request(t.app)
      .post(`/api/v1/claims/${claimId}/decision`)
      .set(bearer(adminToken))
      .send({ verdict: 'mostly-true', summary: 'S.', publish: true })
      .expect(200);
    await request(t.app)
      .post(`/api/v1/claims/${claimId}/decision`)
      .set(bearer(adminToken))
      .send({ verdict: 'mostly-true', summary: 'S.', publish: false })
      .expect(200);

    const events = (await request(t.app).get('/api/v1/audit').set(bearer(adminToken)).expect(200)).body.events;
    const names = events.map((e: { event: string }) => e.event);
    expect(names).toEqual(
      expect.arrayContaining(['login.failed', 'login.succeeded', 'account.role_changed', 'token.created', 'decision.published', 'decision.unpublished']),
    );
    expect(events.find((e: { event: string }) => e.event === 'login.failed')).toMatchObject({ subject: 'rita', ip: '192.0.2.44', actorId: null });
    expect(events.find((e: { event: string }) => e.event === 'account.role_changed')).toMatchObject({
      actorName: 'ada',
      subject: 'rita',
      details: { from: 'reviewer', to: 'editor' },
    });
    expect(JSON.stringify(events)).not.toContain(created.body.token);
    expect(JSON.stringify(events)).not.toContain('not her password');

    const page = await (await signIn(t.app, 'ada', admin.password)).get('/admin/audit?event=login.failed').expect(200);
    expect(page.text).toContain('192.0.2.44');
    await request(t.app).get('/api/v1/audit?event=nonsense').set(bearer(adminToken)).expect(400);
    void SEED_SLUG;
  });
});
