import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer } from '../../support/claims';
import { countRows } from '../../support/database';
import { createApiToken, createUser } from '../../support/factories';
import { csrfFrom, signIn, type Agent } from '../../support/http';
import { passwordWork } from '../../../src/modules/accounts';

/** Regression tests for the account findings of the hardening issue (items 4, 5, 6, 10, 11, 12, 18, 19). */
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

async function loginFrom(address: string, username: string, password: string, agent: Agent = request.agent(t.app)) {
  const csrf = csrfFrom((await agent.get('/login').set('x-forwarded-for', address).expect(200)).text);
  return agent.post('/login').set('x-forwarded-for', address).type('form').send({ username, password, _csrf: csrf });
}

async function registerFrom(address: string, username: string, agent: Agent = request.agent(t.app)) {
  const csrf = csrfFrom((await agent.get('/login').set('x-forwarded-for', address).expect(200)).text); // a closed /register page has no form
  return agent.post('/register').set('x-forwarded-for', address).type('form').send({ username, password: 'a fine long passphrase', _csrf: csrf });
}

async function openRegistration() {
  const admin = await createUser(t.db, 'admin');
  const agent = await signIn(t.app, admin.username, admin.password);
  const csrf = csrfFrom((await agent.get('/admin/users').expect(200)).text);
  await agent.post('/admin/registration').type('form').send({ _csrf: csrf, enabled: 'true' }).expect(303);
}

describe('registration cannot be used to stall the server', () => {
  test('when registration is closed, then refusals cost no password hashing and are audited once per address and hour', async () => {
    await createUser(t.db, 'admin'); // not the first account
    const hashesBefore = passwordWork.completed;
    const refusals = await Promise.all(Array.from({ length: 12 }, (_, i) => registerFrom('192.0.2.10', `walk-in-${i}`)));
    expect(refusals.map((r) => r.status)).toEqual(Array(12).fill(403));
    expect(passwordWork.completed).toBe(hashesBefore);
    expect(await t.db('audit_events').where({ event: 'registration.refused' })).toHaveLength(1);
    await registerFrom('192.0.2.11', 'walk-in-x');
    expect(await t.db('audit_events').where({ event: 'registration.refused' })).toHaveLength(2);
  });

  test('when one address registers again and again, then after five accounts in an hour it gets 429 with Retry-After', async () => {
    await openRegistration();
    for (let i = 0; i < 5; i++) expect((await registerFrom('192.0.2.20', `newcomer-${i}`)).status).toBe(303);
    const refused = await registerFrom('192.0.2.20', 'newcomer-5');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await registerFrom('192.0.2.21', 'newcomer-6')).status).toBe(303);
  });

  test('when a display name hides a zero-width space or a direction override, then registration is refused', async () => {
    await createUser(t.db, 'editor', 'ed1');
    await openRegistration();
    for (const displayName of ['ed1\u200b', '\u202eed1', 'e\u200dd1']) {
      const agent = request.agent(t.app);
      const csrf = csrfFrom((await agent.get('/register').expect(200)).text);
      const res = await agent
        .post('/register')
        .type('form')
        .send({ username: `mimic${displayName.length}${displayName.charCodeAt(0)}`, password: 'a fine long passphrase', displayName, _csrf: csrf });
      expect(res.status).toBe(400);
      expect(res.text).toContain('must not contain invisible or text-direction characters');
    }
  });
});

describe('sign-in limits', () => {
  test('when 100 sign-ins against one account arrive at once, then at most five passwords are checked and the right one among them is refused', async () => {
    const victim = await createUser(t.db, 'editor', 'target');
    const agents = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const agent = request.agent(t.app);
        const csrf = csrfFrom((await agent.get('/login').set('x-forwarded-for', `198.51.100.${i}`).expect(200)).text);
        return { agent, csrf, address: `198.51.100.${i}`, password: i === 99 ? victim.password : `guess number ${i}` };
      }),
    );
    const results = await Promise.all(
      agents.map(({ agent, csrf, address, password }) =>
        agent.post('/login').set('x-forwarded-for', address).type('form').send({ username: 'target', password, _csrf: csrf }),
      ),
    );
    const checked = results.filter((r) => r.status === 401 || r.status === 303).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(95);
    const verified = await t.db('audit_events').whereIn('event', ['login.failed', 'login.succeeded']).where({ subject: 'target' });
    expect(verified.length).toBe(checked);
    // Refusals are aggregated: one "blocked" event for the account's window, not 95.
    expect(await t.db('audit_events').where({ event: 'login.blocked', subject: 'target' })).toHaveLength(1);
  });

  test('when someone exhausts an account with wrong passwords, then its owner still signs in from a browser they have used before, while unknown browsers wait', async () => {
    const admin = await createUser(t.db, 'admin', 'chief');
    const ownBrowser = request.agent(t.app);
    expect((await loginFrom('203.0.113.1', 'chief', admin.password, ownBrowser)).status).toBe(303);
    await ownBrowser
      .post('/logout')
      .type('form')
      .send({ _csrf: csrfFrom((await ownBrowser.get('/account').expect(200)).text) })
      .expect(303);
    for (let i = 0; i < 6; i++) await loginFrom(`198.18.0.${i}`, 'chief', `attacker guess ${i}`);
    expect((await loginFrom('203.0.113.99', 'chief', admin.password)).status).toBe(429); // an unknown browser
    expect((await loginFrom('203.0.113.1', 'chief', admin.password, ownBrowser)).status).toBe(303); // the known device
  });

  test('when someone registers, then their browser is known to their new account', async () => {
    await openRegistration();
    const res = await registerFrom('192.0.2.30', 'fresh-face');
    expect(res.status).toBe(303);
    expect(String(res.headers['set-cookie'])).toMatch(/factline\.device=/);
  });

  test('when the device cookie is forged or belongs to another account, then it buys nothing', async () => {
    const admin = await createUser(t.db, 'admin', 'boss');
    const other = await createUser(t.db, 'reviewer', 'someone');
    const otherBrowser = request.agent(t.app);
    await loginFrom('203.0.113.5', 'someone', other.password, otherBrowser);
    for (let i = 0; i < 6; i++) await loginFrom(`198.18.1.${i}`, 'boss', `attacker guess ${i}`);
    expect((await loginFrom('203.0.113.5', 'boss', admin.password, otherBrowser)).status).toBe(429);
    const forged = request.agent(t.app);
    const csrf = csrfFrom((await forged.get('/login').expect(200)).text);
    const res = await forged
      .post('/login')
      .set('Cookie', `factline.device=Ym9zcw.AAAAAAAAAAAAAAAA.forgedsignature`)
      .type('form')
      .send({ username: 'boss', password: admin.password, _csrf: csrf });
    expect(res.status).toBe(429); // the forged device cookie is ignored: the account's bucket applies
  });
});

describe('sessions end when they should', () => {
  test('when an account is disabled and enabled again, then its old sessions do not come back', async () => {
    const admin = await createUser(t.db, 'admin');
    const adminToken = await createApiToken(t.db, admin);
    const user = await createUser(t.db, 'reviewer');
    const agent = await signIn(t.app, user.username, user.password);
    await agent.get('/api/v1/me').expect(200);
    await request(t.app).patch(`/api/v1/users/${user.id}`).set(bearer(adminToken)).send({ disabled: true }).expect(200);
    expect(await t.db('sessions').where({ user_id: user.id })).toHaveLength(0);
    await request(t.app).patch(`/api/v1/users/${user.id}`).set(bearer(adminToken)).send({ disabled: false }).expect(200);
    await agent.get('/api/v1/me').expect(401);
  });

  test('when I change my password, then the current one is required, my other sessions end and this one stays', async () => {
    const user = await createUser(t.db, 'reviewer');
    const here = await signIn(t.app, user.username, user.password);
    const elsewhere = await signIn(t.app, user.username, user.password);
    const csrf = csrfFrom((await here.get('/account').expect(200)).text);
    const wrong = await here.post('/account/password').type('form').send({ _csrf: csrf, currentPassword: 'not it at all', newPassword: 'my new passphrase' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('is not your current password');
    const ok = await here.post('/account/password').type('form').send({ _csrf: csrf, currentPassword: user.password, newPassword: 'my new passphrase' });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('Your password is changed');
    await here.get('/api/v1/me').expect(200);
    await elsewhere.get('/api/v1/me').expect(401);
    expect((await loginFrom('192.0.2.50', user.username, user.password)).status).toBe(401);
    expect((await loginFrom('192.0.2.50', user.username, 'my new passphrase')).status).toBe(303);
    expect(await t.db('audit_events').where({ event: 'account.password_changed', subject: user.username })).toHaveLength(1);
  });

  test('when an admin resets a password, then every session of that account ends', async () => {
    const admin = await createUser(t.db, 'admin');
    const user = await createUser(t.db, 'reviewer');
    const agent = await signIn(t.app, user.username, user.password);
    await request(t.app)
      .post(`/api/v1/users/${user.id}/password`)
      .set(bearer(await createApiToken(t.db, admin)))
      .send({ password: 'short' })
      .expect(400);
    await agent.get('/api/v1/me').expect(200);
    await request(t.app)
      .post(`/api/v1/users/${user.id}/password`)
      .set(bearer(await createApiToken(t.db, admin)))
      .send({ password: 'a reset passphrase' })
      .expect(204);
    await agent.get('/api/v1/me').expect(401);
    expect((await loginFrom('192.0.2.60', user.username, 'a reset passphrase')).status).toBe(303);
  });

  test('when anonymous visitors open the sign-in form, then their sessions live two hours, not fourteen days', async () => {
    const before = Date.now();
    await request(t.app).get('/login').expect(200);
    const rows = await t.db('sessions').whereNull('user_id').select('expires_at');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Number(row.expires_at)).toBeLessThanOrEqual(before + 2 * 60 * 60 * 1000 + 5_000);
    const user = await createUser(t.db, 'reviewer');
    await signIn(t.app, user.username, user.password);
    const signedIn = await t.db('sessions').where({ user_id: user.id }).first('expires_at');
    expect(Number(signedIn.expires_at)).toBeGreaterThan(before + 13 * 24 * 60 * 60 * 1000);
  });
});

describe('account races', () => {
  test('when several people register the first account at once, then exactly one becomes admin', async () => {
    await t.db('users').delete();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => registerFrom(`192.0.2.${70 + i}`, `founder-${i}`)));
    const admins = await t.db('users').where({ role: 'admin' });
    expect(admins).toHaveLength(1);
    expect(results.filter((r) => r.status === 303)).toHaveLength(1);
    expect(await countRows(t.db, 'users')).toBe(1);
  });

  test('when two admins demote each other at the same moment, then one admin remains', async () => {
    await t.db('users').where({ role: 'admin' }).delete();
    const [a, b] = [await createUser(t.db, 'admin'), await createUser(t.db, 'admin')];
    const [ta, tb] = [await createApiToken(t.db, a), await createApiToken(t.db, b)];
    const results = await Promise.all([
      request(t.app).patch(`/api/v1/users/${b.id}`).set(bearer(ta)).send({ role: 'reviewer' }),
      request(t.app).patch(`/api/v1/users/${a.id}`).set(bearer(tb)).send({ role: 'reviewer' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409].sort());
    expect(await t.db('users').where({ role: 'admin' }).whereNull('disabled_at')).toHaveLength(1);
  });
});
