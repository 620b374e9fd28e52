import request from 'supertest';
import { createApp } from '../../../src/app';
import { createLogger } from '../../../src/lib/logger';
import { notify } from '../../../src/modules/notifications/notifications';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer, createClaim } from '../../support/claims';
import { createApiToken, createUser, TEST_PASSWORD, type TestUser } from '../../support/factories';
import { csrfFrom, signIn } from '../../support/http';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp';

type Counts = { sent: number; pending: number; failed: number; skipped: number };
type Jobs = { deliverEmail: ((now?: number) => Promise<Counts>) | null; closeMailer: () => void };

const SENDER = 'Factline desk <desk@factline.test>';
const MINUTE = 60_000;

let smtp: TestSmtpServer;
let t: TestApp;
let rita: TestUser;
let ritaToken: string;
let ednaToken: string;
let slug: string;

const jobs = (app = t.app) => app.locals.jobs as Jobs;
const deliverEmail = (now?: number) => jobs().deliverEmail!(now);
const outbox = () => t.db('email_outbox').orderBy('id');
const setEmail = (token: string, body: object) => request(t.app).put('/api/v1/me/email-settings').set(bearer(token)).send(body);
const assign = (claimId: number, username = 'rita') =>
  request(t.app).post(`/api/v1/claims/${claimId}/assignments`).set(bearer(ednaToken)).send({ username, due: '2099-01-01' }).expect(201);

beforeEach(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ smtpUrl: smtp.url, mailFrom: SENDER });
  rita = await createUser(t.db, 'reviewer', 'rita');
  ritaToken = await createApiToken(t.db, rita);
  ednaToken = await createApiToken(t.db, await createUser(t.db, 'editor', 'edna'));
  slug = (
    await request(t.app)
      .post('/api/v1/articles')
      .set(bearer(ednaToken))
      .send({ title: 'Harbour story', text: 'The harbour cost 12 million euros. The mayor opened it in May. Ferries run hourly.' })
      .expect(201)
  ).body.slug;
});
afterEach(async () => {
  jobs().closeMailer();
  await t.close();
  await smtp.close();
});

const claimOn = (quote: string) => createClaim(t.app, ednaToken, { quote: { exact: quote } }, slug);

describe('email notifications', () => {
  test('when a claim is assigned to someone who gave an address, then one plain-text email goes out after the request, from the configured sender, with the link and how to stop', async () => {
    await setEmail(ritaToken, { address: 'rita@newsroom.test', kinds: ['assigned'] }).expect(200, {
      address: 'rita@newsroom.test',
      kinds: ['assigned'],
      emailEnabled: true,
    });
    const claimId = await claimOn('The harbour cost 12 million euros.');
    await assign(claimId);
    expect(smtp.received).toHaveLength(0); // nothing is sent inside the request
    expect(await outbox()).toMatchObject([{ status: 'pending', attempts: 0 }]);

    expect(await deliverEmail()).toEqual({ sent: 1, pending: 0, failed: 0, skipped: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe('desk@factline.test');
    expect(mail.to).toEqual(['rita@newsroom.test']);
    expect(mail.subject).toBe('Factline: A claim is assigned to you');
    expect(mail.headers).toMatch(/^Content-Type: text\/plain; charset=utf-8/im);
    expect(mail.text).toBe(
      [
        'Assigned to you (due 2099-01-01): “The harbour cost 12 million euros.”',
        '',
        `Open it in Factline: http://localhost:3000/claims/${claimId}`,
        '',
        '--',
        'You get this email because of your notification settings. Choose which emails you get on Your account: http://localhost:3000/account#email',
        '',
      ].join('\n'),
    );
    expect(await outbox()).toMatchObject([{ status: 'sent', attempts: 1, last_error: null }]);
    expect(await deliverEmail()).toEqual({ sent: 0, pending: 0, failed: 0, skipped: 0 }); // sent once
  });

  test('when people choose kinds, then only those kinds are emailed, nobody without an address gets one, and a choice changed before sending is respected', async () => {
    await createUser(t.db, 'reviewer', 'omar'); // no address: no email, ever
    await setEmail(ritaToken, { address: 'rita@newsroom.test', kinds: ['mentioned'] }).expect(200);
    const first = await claimOn('The harbour cost 12 million euros.');
    await assign(first);
    await assign(first, 'omar');
    expect(await outbox()).toHaveLength(0); // assignments: not chosen by rita; omar has no address

    await setEmail(ritaToken, { address: 'rita@newsroom.test', kinds: ['mentioned', 'assigned'] }).expect(200);
    await assign(await claimOn('The mayor opened it in May.'));
    await setEmail(ritaToken, { address: 'rita@newsroom.test', kinds: ['mentioned'] }).expect(200); // changed her mind before it went
    expect(await deliverEmail()).toMatchObject({ sent: 0, skipped: 1 });
    expect(smtp.received).toHaveLength(0);
    expect(await outbox()).toMatchObject([{ status: 'skipped', last_error: 'The person no longer wants this kind by email.' }]);
  });

  test('when the SMTP server refuses for a while, then the request is unaffected, the email is retried with backoff and goes once; after five failures it is given up', async () => {
    await setEmail(ritaToken, { address: 'rita@newsroom.test', kinds: ['assigned'] }).expect(200);
    smtp.refuseNext(1);
    await assign(await claimOn('The harbour cost 12 million euros.'));
    const now = Date.now();
    expect(await deliverEmail(now)).toMatchObject({ pending: 1 });
    const [afterFirst] = await outbox();
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1 });
    expect(afterFirst.last_error).toMatch(/451/);
    expect(Number(afterFirst.next_attempt_at)).toBe(now + MINUTE);
    expect(await deliverEmail(now + 30_000)).toMatchObject({ sent: 0, pending: 0 }); // not due yet
    expect(await deliverEmail(now + MINUTE)).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);

    smtp.refuseNext(5);
    await assign(await claimOn('The mayor opened it in May.'));
    let at = Date.now();
    const delays = [MINUTE, 5 * MINUTE, 15 * MINUTE, 40 * MINUTE];
    for (const delay of [0, ...delays]) {
      at += delay;
      await deliverEmail(at);
    }
    const [, given] = await outbox();
    expect(given).toMatchObject({ status: 'failed', attempts: 5 });
    expect(await deliverEmail(at + 24 * 60 * MINUTE)).toMatchObject({ sent: 0, pending: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  test('when the SMTP server cannot be reached, then the worker records why and keeps the email for later, and nothing fails', async () => {
    await setEmail(ritaToken, { address: 'rita@newsroom.test', kinds: ['assigned'] }).expect(200);
    await smtp.close();
    await assign(await claimOn('The harbour cost 12 million euros.'));
    expect(await deliverEmail()).toMatchObject({ pending: 1 });
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    smtp = await startSmtpServer(); // for afterEach
  });

  test('when a change is rolled back, then neither its notification nor its email exists', async () => {
    await setEmail(ritaToken, { address: 'rita@newsroom.test', kinds: ['assigned'] }).expect(200);
    const claimId = await claimOn('The harbour cost 12 million euros.');
    await expect(
      t.db.transaction(async (tx) => {
        await notify(tx, [{ userId: rita.id, kind: 'assigned', claimId, actorId: null, message: 'Assigned to you.', link: `/claims/${claimId}` }]);
        expect(await tx('email_outbox')).toHaveLength(1);
        throw new Error('the change fails after notifying');
      }),
    ).rejects.toThrow('the change fails');
    expect(await outbox()).toHaveLength(0);
    expect(await t.db('notifications')).toHaveLength(0);
  });

  test('when two instances run the email worker at the same moment, then each email is sent exactly once', async () => {
    await setEmail(ritaToken, { address: 'rita@newsroom.test', kinds: ['assigned'] }).expect(200);
    const claimId = await claimOn('The harbour cost 12 million euros.');
    await t.db.transaction((tx) =>
      notify(
        tx,
        Array.from({ length: 45 }, (_, i) => ({
          userId: rita.id,
          kind: 'assigned' as const,
          claimId,
          actorId: null,
          message: `Work item ${i}.`,
          link: '/me/work',
        })),
      ),
    );
    const other = createApp({ db: t.db, config: t.config, logger: createLogger('silent'), sessionSecret: 'test-secret-test-secret-test-secret' });
    try {
      for (let round = 0; round < 3; round += 1) await Promise.all([deliverEmail(), jobs(other).deliverEmail!(), deliverEmail(), jobs(other).deliverEmail!()]);
    } finally {
      jobs(other).closeMailer();
    }
    const bodies = smtp.received.map((mail) => mail.text.split('\n')[0]).sort();
    expect(bodies).toEqual(Array.from({ length: 45 }, (_, i) => `Work item ${i}.`).sort());
    expect(await t.db('email_outbox').where({ status: 'sent' })).toHaveLength(45);
  });

  test('when an email waited more than a day, or its person was disabled or read it in Factline first, then it is not sent', async () => {
    await setEmail(ritaToken, { address: 'rita@newsroom.test', kinds: ['assigned'] }).expect(200);
    await assign(await claimOn('The harbour cost 12 million euros.'));
    expect(await deliverEmail(Date.now() + 25 * 60 * MINUTE)).toMatchObject({ skipped: 1 });

    await assign(await claimOn('The mayor opened it in May.'));
    await request(t.app).post('/api/v1/notifications/read-all').set(bearer(ritaToken)).expect(200);
    expect(await deliverEmail()).toMatchObject({ skipped: 1 });

    await assign(await claimOn('Ferries run hourly.'));
    await t.db('users').where({ id: rita.id }).update({ disabled_at: new Date().toISOString() });
    expect(await deliverEmail()).toMatchObject({ skipped: 1 });
    expect((await outbox()).map((row) => row.last_error)).toEqual([
      'The notification is more than a day old.',
      'The notification was read in Factline before the email went.',
      'The account is disabled.',
    ]);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('email settings', () => {
  test('when someone has not chosen yet, then they have no address and the documented default kinds', async () => {
    const settings = await request(t.app).get('/api/v1/me/email-settings').set(bearer(ritaToken)).expect(200);
    expect(settings.body).toEqual({
      address: null,
      kinds: ['assigned', 'due-tomorrow', 'mentioned', 'decision-published', 'needs-recheck'],
      emailEnabled: true,
    });
  });

  test.each([
    [{ address: 'not an address', kinds: [] }, 'address: must be an email address such as name@example.org (or empty, for no email)'],
    [{ address: 'rita@newsroom.test\r\nBcc: everyone@newsroom.test', kinds: [] }, 'address: must be an email address'],
    [{ address: 'rita@newsroom.test' }, 'kinds: must be a list of notification kinds'],
    [
      { address: 'rita@newsroom.test', kinds: ['everything'] },
      'kinds.0: must be among assigned, due-tomorrow, mentioned, comment, decision-published, needs-recheck',
    ],
    [{ kinds: [] }, 'address:'],
  ])('when the settings are %j, then 400 says what is wrong and nothing is saved', async (body, message) => {
    const response = await setEmail(ritaToken, body).expect(400);
    expect(response.body.error.code).toBe('invalid_input');
    expect(response.body.error.message).toContain(message);
    expect(await t.db('email_settings')).toHaveLength(0);
  });

  test('when a reviewer sets an address on Your account without JavaScript, then it is saved and audited; a bad one re-renders the form with the message and the typed value', async () => {
    const agent = await signIn(t.app, rita.username, TEST_PASSWORD);
    const page = await agent.get('/account').expect(200);
    const submit = (fields: Record<string, string>) =>
      agent
        .post('/account/email')
        .type('form')
        .send({ _csrf: csrfFrom(page.text), ...fields });
    expect(page.text).toContain('Email notifications');
    expect(page.text).toMatch(/<input type="checkbox" name="kinds" value="assigned" checked>/);
    expect(page.text).toMatch(/<input type="checkbox" name="kinds" value="comment">/);

    const bad = await submit({ address: 'rita at newsroom', kinds: 'mentioned' }).expect(400);
    expect(bad.text).toContain('address: must be an email address such as name@example.org');
    expect(bad.text).toContain('value="rita at newsroom"');
    expect(bad.text).toMatch(/value="mentioned" checked/);
    expect(bad.text).toMatch(/<input type="checkbox" name="kinds" value="assigned">/);
    expect(await t.db('email_settings')).toHaveLength(0);

    const saved = await submit({ address: ' rita@newsroom.test ', kinds: 'mentioned' }).expect(200);
    expect(saved.text).toContain('Your email settings are saved.');
    const settings = await request(t.app).get('/api/v1/me/email-settings').set(bearer(ritaToken)).expect(200);
    expect(settings.body).toMatchObject({ address: 'rita@newsroom.test', kinds: ['mentioned'] });

    await agent
      .post('/account/email')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), address: '' })
      .expect(200);
    expect((await request(t.app).get('/api/v1/me/email-settings').set(bearer(ritaToken))).body).toMatchObject({ address: null, kinds: [] });
    const audited = await t.db('audit_events').where({ event: 'account.email_changed' }).orderBy('id');
    expect(audited.map((row) => [row.subject, JSON.parse(row.details)])).toEqual([
      ['rita', { hadAddress: false, hasAddress: true }],
      ['rita', { hadAddress: true, hasAddress: false }],
    ]);
  });
});

describe('without SMTP_URL', () => {
  test('when no SMTP server is configured, then there is no email worker and Your account says email is off', async () => {
    const plain = await createTestApp();
    try {
      expect((plain.app.locals.jobs as Jobs).deliverEmail).toBeNull();
      const user = await createUser(plain.db, 'reviewer', 'nina');
      const agent = await signIn(plain.app, user.username, TEST_PASSWORD);
      expect((await agent.get('/account').expect(200)).text).toContain('does not send email yet');
      const token = await createApiToken(plain.db, user);
      expect((await request(plain.app).get('/api/v1/me/email-settings').set(bearer(token))).body.emailEnabled).toBe(false);
    } finally {
      await plain.close();
    }
  });
});
