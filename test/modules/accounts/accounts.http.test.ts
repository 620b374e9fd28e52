import request from 'supertest';
import { createApiToken, createUser, TEST_PASSWORD } from '../../support/factories';
import { createTestApp, type TestApp } from '../../support/app';
import { csrfFrom, csrfTokenFor, signIn } from '../../support/http';
import { countRows } from '../../support/database';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const sessionCookie = (res: request.Response): string | undefined =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('factline.sid='));

async function register(agent: ReturnType<typeof request.agent>, fields: Record<string, string>, status: number) {
  const csrf = await csrfTokenFor(agent, '/login');
  return agent
    .post('/register')
    .type('form')
    .send({ ...fields, _csrf: csrf })
    .expect(status);
}

describe('registration', () => {
  test('when the first account registers, then it is an admin and signed in', async () => {
    const agent = request.agent(t.app);
    expect((await agent.get('/register').expect(200)).text).toContain('it will be the <strong>admin</strong>');
    expect((await register(agent, { username: 'Chief', password: 'a long enough pass' }, 303)).headers.location).toBe('/account');
    const me = await agent.get('/api/v1/me').expect(200);
    expect(me.body.user).toMatchObject({ username: 'chief', role: 'admin', displayName: 'chief' });
    expect(me.body.user).not.toHaveProperty('passwordHash');
  });

  test('when registration is closed, then a later sign-up is refused with the form and a message, and no row', async () => {
    await createUser(t.db, 'admin', 'boss');
    const res = await register(request.agent(t.app), { username: 'walkin', password: 'a long enough pass' }, 403);
    expect(res.text).toContain('Registration is closed');
    expect(await t.db('users').where({ username: 'walkin' }).first()).toBeUndefined();
  });

  test('when an admin opens registration, then newcomers become reviewers', async () => {
    const admin = await createUser(t.db, 'admin', 'boss');
    const adminAgent = await signIn(t.app, admin.username, admin.password);
    const csrf = csrfFrom((await adminAgent.get('/admin/users').expect(200)).text);
    await adminAgent.post('/admin/registration').type('form').send({ _csrf: csrf, enabled: 'true' }).expect(303);
    const agent = request.agent(t.app);
    await register(agent, { username: 'newbie', password: 'a long enough pass' }, 303);
    expect((await agent.get('/api/v1/me').expect(200)).body.user.role).toBe('reviewer');
  });

  test.each([
    ['a short password', { username: 'someone', password: 'short' }, /password: must be at least 10 characters/],
    ['a bad username', { username: 'a b', password: 'a long enough pass' }, /username: use 3 to 32 letters/],
  ])('when the form has %s, then it is shown again with the message', async (_name, fields, message) => {
    const res = await register(request.agent(t.app), fields, 400);
    expect(res.text).toMatch(message);
    expect(res.text).not.toContain(fields.password);
    expect(await countRows(t.db, 'users')).toBe(0);
  });

  test('when the username is taken, then it is a 409 with the form', async () => {
    await createUser(t.db, 'admin', 'taken');
    await createUser(t.db, 'admin', 'other');
    const admin = await signIn(t.app, 'other', TEST_PASSWORD);
    const csrf = csrfFrom((await admin.get('/admin/users').expect(200)).text);
    const res = await admin
      .post('/admin/users')
      .type('form')
      .send({ _csrf: csrf, username: 'TAKEN', password: 'a long enough pass', role: 'reviewer' })
      .expect(409);
    expect(res.text).toContain('is already taken');
  });
});

describe('sign in and out', () => {
  test('when signing in, then the session id changes, the cookie is HttpOnly and SameSite, and the session is in the database', async () => {
    const user = await createUser(t.db, 'reviewer');
    const agent = request.agent(t.app);
    const loginPage = await agent.get('/login').expect(200);
    const before = sessionCookie(loginPage);
    expect(before).toBeDefined();
    const res = await agent
      .post('/login')
      .type('form')
      .send({ username: user.username, password: user.password, _csrf: csrfFrom(loginPage.text) })
      .expect(303);
    const after = sessionCookie(res)!;
    expect(after.split(';')[0]).not.toBe(before!.split(';')[0]);
    expect(after).toMatch(/HttpOnly/);
    expect(after).toMatch(/SameSite=Lax/);
    const sid = decodeURIComponent(after.split(';')[0].split('=')[1]).slice(2).split('.')[0];
    const row = await t.db('sessions').where({ sid }).first();
    expect(JSON.parse(row.sess).passport.user).toBe(user.id);
  });

  test('when the password is wrong or the user unknown, then the same generic message is shown with a 401', async () => {
    const user = await createUser(t.db, 'reviewer');
    const agent = request.agent(t.app);
    const csrf = await csrfTokenFor(agent);
    const wrong = await agent.post('/login').type('form').send({ username: user.username, password: 'wrong password', _csrf: csrf }).expect(401);
    const unknown = await agent.post('/login').type('form').send({ username: 'nobody', password: 'wrong password', _csrf: csrf }).expect(401);
    for (const res of [wrong, unknown]) expect(res.text).toContain('That username and password do not match an active account.');
    expect(wrong.text).toContain(`value="${user.username}"`);
  });

  test('when the login form has no CSRF token, then it is refused', async () => {
    const user = await createUser(t.db, 'reviewer');
    const res = await request(t.app)
      .post('/login')
      .type('form')
      .set('accept', 'text/html')
      .send({ username: user.username, password: user.password })
      .expect(403);
    expect(res.text).toContain('Reload the page and try again');
  });

  test('when signing out, then the session row is deleted and the old cookie no longer works', async () => {
    const user = await createUser(t.db, 'reviewer');
    const agent = await signIn(t.app, user.username, user.password);
    const csrf = csrfFrom((await agent.get('/account').expect(200)).text);
    const sessionsBefore = await countRows(t.db, 'sessions');
    await agent.post('/logout').type('form').send({ _csrf: csrf }).expect(303);
    expect(await countRows(t.db, 'sessions')).toBe(sessionsBefore - 1);
    await agent.get('/api/v1/me').expect(401);
  });

  test('when an account is disabled, then its session and tokens stop working', async () => {
    const admin = await createUser(t.db, 'admin');
    const reviewer = await createUser(t.db, 'reviewer');
    const token = await createApiToken(t.db, reviewer);
    const reviewerAgent = await signIn(t.app, reviewer.username, reviewer.password);
    await request(t.app)
      .patch(`/api/v1/users/${reviewer.id}`)
      .set('Authorization', `Bearer ${await createApiToken(t.db, admin)}`)
      .send({ disabled: true })
      .expect(200);
    await reviewerAgent.get('/api/v1/me').expect(401);
    await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
  });
});

describe('roles and admin', () => {
  test('when an admin changes a role through the API, then it takes effect; unknown roles are a 400 and change nothing', async () => {
    const admin = await createUser(t.db, 'admin');
    const reviewer = await createUser(t.db, 'reviewer');
    const auth = `Bearer ${await createApiToken(t.db, admin)}`;
    const bad = await request(t.app).patch(`/api/v1/users/${reviewer.id}`).set('Authorization', auth).send({ role: 'overlord' }).expect(400);
    expect(bad.body.error.message).toMatch(/role: must be one of reviewer, editor, admin/);
    expect((await t.db('users').where({ id: reviewer.id }).first()).role).toBe('reviewer');
    const ok = await request(t.app).patch(`/api/v1/users/${reviewer.id}`).set('Authorization', auth).send({ role: 'editor' }).expect(200);
    expect(ok.body).toMatchObject({ id: reviewer.id, role: 'editor' });
  });

  test('when the last admin would be demoted, then it is a 409', async () => {
    const admin = await createUser(t.db, 'admin');
    const res = await request(t.app)
      .patch(`/api/v1/users/${admin.id}`)
      .set('Authorization', `Bearer ${await createApiToken(t.db, admin)}`)
      .send({ role: 'reviewer' })
      .expect(409);
    expect(res.body.error.message).toMatch(/last active admin/);
  });

  test('when an admin creates an account through the API, then the response has no password or hash', async () => {
    const admin = await createUser(t.db, 'admin');
    const res = await request(t.app)
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${await createApiToken(t.db, admin)}`)
      .send({ username: 'fresh', password: 'a long enough pass', role: 'editor' })
      .expect(201);
    expect(Object.keys(res.body).sort()).toEqual(['createdAt', 'disabled', 'displayName', 'id', 'role', 'username']);
  });

  test.each(['reviewer', 'editor'] as const)('when a %s opens the accounts page or API, then it is 403', async (role) => {
    const user = await createUser(t.db, role);
    const agent = await signIn(t.app, user.username, user.password);
    await agent.get('/admin/users').expect(403);
    await request(t.app)
      .get('/api/v1/users')
      .set('Authorization', `Bearer ${await createApiToken(t.db, user)}`)
      .expect(403);
  });
});

describe('API tokens', () => {
  test('when a user creates a token on the account page, then it is shown once, works as Bearer, and stops working once revoked', async () => {
    const user = await createUser(t.db, 'reviewer');
    const agent = await signIn(t.app, user.username, user.password);
    const csrf = csrfFrom((await agent.get('/account').expect(200)).text);
    const created = await agent.post('/account/tokens').type('form').send({ _csrf: csrf, name: 'my script' }).expect(201);
    const token = /id="new-token">([^<]+)</.exec(created.text)![1];
    expect(token).toMatch(/^fl_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(await t.db('api_tokens').select())).not.toContain(token);

    expect((await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200)).body.user.username).toBe(user.username);
    expect((await agent.get('/account').expect(200)).text).not.toContain(token);

    const { id } = await t.db('api_tokens').where({ user_id: user.id }).first();
    await agent.post(`/account/tokens/${id}/revoke`).type('form').send({ _csrf: csrf }).expect(303);
    await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  test('when someone revokes another user’s token, then it is a 404 and the token keeps working', async () => {
    const owner = await createUser(t.db, 'reviewer');
    const other = await createUser(t.db, 'reviewer');
    const token = await createApiToken(t.db, owner);
    const { id } = await t.db('api_tokens').where({ user_id: owner.id }).first();
    await request(t.app)
      .delete(`/api/v1/tokens/${id}`)
      .set('Authorization', `Bearer ${await createApiToken(t.db, other)}`)
      .expect(404);
    await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
  });

  test('when many API requests with different tokens arrive at once (their look-ups share queries), then each is answered as its own token allows', async () => {
    const people = await Promise.all([createUser(t.db, 'reviewer'), createUser(t.db, 'editor'), createUser(t.db, 'reviewer')]);
    const tokens = await Promise.all(people.map((person) => createApiToken(t.db, person)));
    await t.db('api_tokens').where({ user_id: people[2].id }).update({ revoked_at: new Date().toISOString() });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        request(t.app)
          .get('/api/v1/me')
          .set('Authorization', `Bearer ${tokens[i % 3]}`)
          .then((res) => [i % 3, res.status, res.body.user?.username ?? null]),
      ),
    );
    for (const [who, status, username] of answers)
      expect([who, status, username]).toEqual(who === 2 ? [2, 401, null] : [who, 200, people[who as number].username]);
  });

  test('when a token is created through the API, then it is returned once with its metadata', async () => {
    const user = await createUser(t.db, 'editor');
    const res = await request(t.app)
      .post('/api/v1/tokens')
      .set('Authorization', `Bearer ${await createApiToken(t.db, user)}`)
      .send({ name: 'ci' })
      .expect(201);
    expect(res.body).toMatchObject({ token: expect.stringMatching(/^fl_/), name: 'ci', prefix: res.body.token.slice(0, 10) });
    const list = await request(t.app).get('/api/v1/tokens').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);
  });
});
