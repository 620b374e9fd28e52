import { servicesOf } from '../../support/services';
import request from 'supertest';
import { AUDIT_EVENTS } from '../../../src/modules/audit';
import { runAccountsCommand } from '../../../src/modules/accounts';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';
import { csrfFrom, signIn } from '../../support/http';

/**
 * Every audited action, done once through the web and the API (and the CLI where it offers the
 * action): each event is written exactly once, by the service, and repeating a change that
 * changes nothing writes nothing.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Events of people and the CLI; the test's own fixtures go through the services too and are marked via=system. */
const count = async (event: string, subject?: string) =>
  (
    await t
      .db('audit_events')
      .where({ event, ...(subject ? { subject } : {}) })
      .select('details')
  ).filter((row: { details: string | null }) => !row.details?.includes('"via":"system"')).length;
const io = (stdin = '') => ({ readLine: async () => stdin, out: () => {} });

async function form(agent: ReturnType<typeof request.agent>, page: string, path: string, fields: Record<string, string>, ip?: string) {
  const csrf = csrfFrom((await agent.get(page).expect(200)).text);
  const req = agent.post(path).type('form');
  if (ip) req.set('x-forwarded-for', ip);
  return req.send({ ...fields, _csrf: csrf });
}

test('when every audited action is done once, then each event is recorded exactly once, and no-op changes record nothing', async () => {
  const admin = await createUser(t.db, 'admin', 'chief');
  const adminToken = await createApiToken(t.db, admin);
  const adminAgent = await signIn(t.app, admin.username, admin.password); // login.succeeded for chief

  // Accounts through the API, then the same changes again (no-ops).
  const created = await request(t.app)
    .post('/api/v1/users')
    .set(bearer(adminToken))
    .send({ username: 'rita', password: 'a long passphrase', role: 'reviewer' })
    .expect(201);
  await request(t.app).patch(`/api/v1/users/${created.body.id}`).set(bearer(adminToken)).send({ role: 'editor' }).expect(200);
  await request(t.app).patch(`/api/v1/users/${created.body.id}`).set(bearer(adminToken)).send({ role: 'editor' }).expect(200);
  await request(t.app).patch(`/api/v1/users/${created.body.id}`).set(bearer(adminToken)).send({ disabled: true }).expect(200);
  await request(t.app).patch(`/api/v1/users/${created.body.id}`).set(bearer(adminToken)).send({ disabled: true }).expect(200);
  await request(t.app).patch(`/api/v1/users/${created.body.id}`).set(bearer(adminToken)).send({ disabled: false }).expect(200);
  await request(t.app).post(`/api/v1/users/${created.body.id}/password`).set(bearer(adminToken)).send({ password: 'a reset passphrase' }).expect(204);

  // Registration opened twice (one change), a refusal while closed, then a registration.
  await form(adminAgent, '/admin/users', '/admin/registration', { enabled: 'false' });
  await form(request.agent(t.app), '/login', '/register', { username: 'walkin', password: 'a long passphrase' }, '192.0.2.1');
  await form(adminAgent, '/admin/users', '/admin/registration', { enabled: 'true' });
  await form(adminAgent, '/admin/users', '/admin/registration', { enabled: 'true' });
  const newcomer = request.agent(t.app);
  expect((await form(newcomer, '/login', '/register', { username: 'newcomer', password: 'a long passphrase' }, '192.0.2.2')).status).toBe(303);
  await form(newcomer, '/account', '/account/password', { currentPassword: 'a long passphrase', newPassword: 'another passphrase' });
  // The email address for notifications: set, saved again unchanged (no event), removed through the API.
  await form(newcomer, '/account', '/account/email', { address: 'newcomer@newsroom.test', kinds: 'assigned' });
  await form(newcomer, '/account', '/account/email', { address: 'newcomer@newsroom.test', kinds: 'mentioned' });
  await request(t.app).put('/api/v1/me/email-settings').set(bearer(adminToken)).send({ address: null, kinds: [] }).expect(200); // had none: no event
  await form(newcomer, '/account', '/logout', {});

  // Sign-in failures and a block.
  for (let i = 0; i < 6; i++) await form(request.agent(t.app), '/login', '/login', { username: 'target', password: `wrong ${i}` }, '198.51.100.9');

  // Tokens through the API.
  const token = await request(t.app).post('/api/v1/tokens').set(bearer(adminToken)).send({ name: 'deploy' }).expect(201);
  await request(t.app).delete(`/api/v1/tokens/${token.body.id}`).set(bearer(adminToken)).expect(204);
  await request(t.app).delete(`/api/v1/tokens/${token.body.id}`).set(bearer(adminToken)).expect(204); // already revoked: no event

  // Decisions: a draft (no event), publish, unpublish.
  const reviewer = await createApiToken(t.db, await createUser(t.db, 'reviewer'));
  const claimId = await createClaim(t.app, reviewer, { sentenceId: (await seedSentenceIds(t.app))[3] });
  await fileCheck(t.app, reviewer, claimId);
  for (const publish of [false, true, false])
    await request(t.app)
      .post(`/api/v1/claims/${claimId}/decision`)
      .set(bearer(adminToken))
      .send({ verdict: 'mostly-true', summary: 'S.', publish })
      .expect(200);

  // "The same claim as": linked (an attempt refused for lack of a published verdict records nothing), unlinked.
  const second = await createClaim(t.app, reviewer, { sentenceId: (await seedSentenceIds(t.app))[4] });
  await request(t.app).post(`/api/v1/claims/${second}/same-as`).set(bearer(adminToken)).send({ claimId }).expect(422); // unpublished now
  await request(t.app)
    .post(`/api/v1/claims/${claimId}/decision`)
    .set(bearer(adminToken))
    .send({ verdict: 'mostly-true', summary: 'S.', publish: true })
    .expect(200);
  await request(t.app).post(`/api/v1/claims/${second}/same-as`).set(bearer(adminToken)).send({ claimId }).expect(200);
  await request(t.app).post(`/api/v1/claims/${second}/same-as`).set(bearer(adminToken)).send({ claimId }).expect(200); // already so: no event
  await request(t.app).delete(`/api/v1/claims/${second}/same-as`).set(bearer(adminToken)).expect(200);

  // The CLI's actions.
  await runAccountsCommand(servicesOf(t.db).accounts, ['user', 'add', 'opsdesk', '--role', 'reviewer'], io('a strong password'));
  await runAccountsCommand(servicesOf(t.db).accounts, ['user', 'role', 'opsdesk', 'editor'], io());
  await runAccountsCommand(servicesOf(t.db).accounts, ['token', 'create', 'opsdesk'], io());
  const cliToken = await t.db('api_tokens').join('users', 'users.id', 'api_tokens.user_id').where('users.username', 'opsdesk').first('api_tokens.id');
  await runAccountsCommand(servicesOf(t.db).accounts, ['token', 'revoke', String(cliToken.id), '--user', 'opsdesk'], io());

  const expected: Record<string, number> = {
    'login.succeeded': 1,
    'login.failed': 5,
    'login.blocked': 1,
    logout: 1,
    'account.registered': 1,
    'account.created': 2,
    'account.role_changed': 2,
    'account.disabled': 1,
    'account.enabled': 1,
    'account.password_changed': 1,
    'account.password_reset': 1,
    'account.email_changed': 1,
    'registration.changed': 2,
    'registration.refused': 1,
    'token.created': 2,
    'token.revoked': 2,
    'decision.published': 2,
    'decision.unpublished': 1,
    'claim.same_as': 1,
    'claim.same_as_removed': 1,
  };
  expect(Object.keys(expected).sort()).toEqual([...AUDIT_EVENTS].sort());
  const actual: Record<string, number> = {};
  for (const event of AUDIT_EVENTS) actual[event] = await count(event);
  expect(actual).toEqual(expected);
  expect(await count('account.created', 'opsdesk')).toBe(1);
  expect(JSON.parse((await t.db('audit_events').where({ event: 'account.role_changed', subject: 'opsdesk' }).first()).details).via).toBe('cli');
});
