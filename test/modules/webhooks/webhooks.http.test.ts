import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';

/** A newsroom system on loopback that receives webhooks and answers as told (status, delay). */
interface Receiver {
  url: string;
  host: string;
  received: { headers: http.IncomingHttpHeaders; body: string }[];
  answers: { status: number; delayMs?: number }[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const received: Receiver['received'] = [];
  const answers: Receiver['answers'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const answer = answers.shift() ?? { status: 204 };
      setTimeout(() => res.writeHead(answer.status).end(), answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/factline`,
    host: `127.0.0.1:${port}`,
    received,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a receiver does to check a delivery (the README's snippet). */
function verify(secret: string, headers: http.IncomingHttpHeaders, rawBody: string): boolean {
  const expected = `sha256=${createHmac('sha256', secret).update(`${headers['x-factline-timestamp']}.${rawBody}`).digest('hex')}`;
  const given = String(headers['x-factline-signature'] ?? '');
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

const SECRET = 'a webhook secret of some length';
let t: TestApp;
let receiver: Receiver;
let admin: string;
let editor: string;
const deliverDue = (now?: number) =>
  (t.app.locals.jobs as { deliverWebhooks: (now?: number) => Promise<{ delivered: number; retry: number; failed: number; lost?: number }> }).deliverWebhooks(
    now,
  );

beforeEach(async () => {
  receiver = await startReceiver();
  t = await createTestApp({ outboundAllowHosts: [receiver.host] });
  admin = await createApiToken(t.db, await createUser(t.db, 'admin'));
  editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
});
afterEach(async () => {
  await t.close();
  await receiver.close();
});

const register = (body: object) => request(t.app).post('/api/v1/webhooks').set(bearer(admin)).send(body);
const newArticle = (title: string) =>
  request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title, text: 'A first paragraph to check.' }).expect(201);

describe('webhooks', () => {
  test('when an article is created, then the subscribed webhook receives the event once, signed so that the receiver can verify it', async () => {
    const hook = await register({ url: receiver.url, events: ['article.created', 'claim.created'], secret: SECRET }).expect(201);
    expect(hook.body).toEqual({
      id: expect.any(Number),
      url: receiver.url,
      events: ['article.created', 'claim.created'],
      enabled: true,
      createdAt: expect.any(String),
    });
    await newArticle('Webhook story');
    expect(receiver.received).toHaveLength(0); // delivered from the queue, after the commit
    expect(await deliverDue()).toEqual({ delivered: 1, retry: 0, failed: 0 });
    expect(await deliverDue()).toEqual({ delivered: 0, retry: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery.headers['x-factline-event']).toBe('article.created');
    expect(verify(SECRET, delivery.headers, delivery.body)).toBe(true);
    expect(verify('another secret entirely', delivery.headers, delivery.body)).toBe(false);
    expect(verify(SECRET, delivery.headers, delivery.body.replace('Webhook story', 'Forged story'))).toBe(false);
    const event = JSON.parse(delivery.body);
    expect(event).toMatchObject({
      id: expect.any(String),
      type: 'article.created',
      createdAt: expect.any(String),
      data: { title: 'Webhook story', url: '/articles/webhook-story' },
    });
    const log = (await request(t.app).get(`/api/v1/webhooks/${hook.body.id}/deliveries`).set(bearer(admin)).expect(200)).body.deliveries;
    expect(log[0]).toMatchObject({ eventType: 'article.created', status: 'delivered', attempts: 1, lastAttempt: { statusCode: 204, error: null } });
    expect(JSON.stringify((await request(t.app).get('/api/v1/webhooks').set(bearer(admin)).expect(200)).body)).not.toContain(SECRET);
  });

  test('when the receiver answers 500 and then times out, then the delivery is retried with backoff and succeeds later; each attempt is logged', async () => {
    const hook = await register({ url: receiver.url, events: ['article.created'], secret: SECRET }).expect(201);
    await newArticle('Retry story');
    receiver.answers.push({ status: 500 }, { status: 200, delayMs: 11_000 });
    const start = Date.now();
    expect(await deliverDue(start)).toEqual({ delivered: 0, retry: 1, failed: 0 });
    expect(await deliverDue(start + 30_000)).toEqual({ delivered: 0, retry: 0, failed: 0 }); // not due before its first backoff (1 minute)
    expect(await deliverDue(start + 61_000)).toEqual({ delivered: 0, retry: 1, failed: 0 }); // timed out after 10 s
    expect(await deliverDue(start + 61_000 + 4 * 60_000 + 1)).toEqual({ delivered: 1, retry: 0, failed: 0 });
    const attempts = await t.db('webhook_attempts').orderBy('attempt').select('attempt', 'status_code', 'error');
    expect(attempts.map((a) => [a.attempt, a.status_code === null ? null : Number(a.status_code)])).toEqual([
      [1, 500],
      [2, null],
      [3, 204],
    ]);
    expect(attempts[1].error).toMatch(/longer than 10 s/);
    const replay = await request(t.app)
      .post(`/api/v1/webhook-deliveries/${(await t.db('webhook_deliveries').first('id')).id}/replay`)
      .set(bearer(admin))
      .expect(201);
    expect(await deliverDue(Date.now())).toEqual({ delivered: 1, retry: 0, failed: 0 });
    expect(receiver.received.at(-1)!.headers['x-factline-delivery']).toBe(String(replay.body.deliveryId));
    expect(JSON.parse(receiver.received.at(-1)!.body).id).toBe(JSON.parse(receiver.received[0].body).id); // the same event
    void hook;
  }, 30_000);

  test('when deliveries keep failing, then they stop after five tries; a disabled webhook gets nothing new', async () => {
    const hook = await register({ url: receiver.url, events: ['article.created'], secret: SECRET }).expect(201);
    await newArticle('Failing story');
    for (let i = 0; i < 5; i++) receiver.answers.push({ status: 503 });
    let now = Date.now();
    for (let i = 0; i < 5; i++) {
      await deliverDue(now);
      now += 60 * 60_000;
    }
    const delivery = await t.db('webhook_deliveries').first('status', 'attempts');
    expect({ status: delivery.status, attempts: Number(delivery.attempts) }).toEqual({ status: 'failed', attempts: 5 });
    const queues = await request(t.app).get('/api/v1/admin/queues').set(bearer(admin)).expect(200);
    expect(queues.body).toEqual({ webhooks: { due: 0, leased: 0, failed: 1 }, email: null });
    expect(await deliverDue(now)).toEqual({ delivered: 0, retry: 0, failed: 0 });
    await request(t.app).patch(`/api/v1/webhooks/${hook.body.id}`).set(bearer(admin)).send({ enabled: false }).expect(200);
    await newArticle('Unheard story');
    expect(await t.db('webhook_deliveries')).toHaveLength(1);
  });

  test('when a worker outlives its lease while the receiver is slow, then the worker that took over owns the delivery and the late outcome is not written', async () => {
    await register({ url: receiver.url, events: ['article.created'], secret: SECRET }).expect(201);
    await newArticle('Slow story');
    receiver.answers.push({ status: 500, delayMs: 1_500 }, { status: 204 });
    const start = Date.now();
    const stalled = deliverDue(start); // takes the delivery, then waits on the receiver
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Another instance, whose clock is past the first worker's lease, takes the delivery and sends it.
    expect(await deliverDue(start + 61_000)).toEqual({ delivered: 1, retry: 0, failed: 0 });
    expect(await stalled).toEqual({ delivered: 0, retry: 0, failed: 0, lost: 1 });
    const row = await t.db('webhook_deliveries').first('status', 'attempts', 'lease_token');
    expect({ ...row, attempts: Number(row.attempts) }).toEqual({ status: 'delivered', attempts: 1, lease_token: null });
    // Both sends happened, so both are in the log; only the owner's outcome is on the delivery.
    const attempts = await t.db('webhook_attempts').orderBy('id').select('status_code');
    expect(attempts.map((a) => Number(a.status_code))).toEqual([204, 500]);
    expect(await deliverDue(start + 10 * 60 * 60_000)).toEqual({ delivered: 0, retry: 0, failed: 0 }); // never sent again
  });

  test('when a round sends several deliveries to a slow receiver, then each is signed when it is sent, not when the round began', async () => {
    await register({ url: receiver.url, events: ['article.created'], secret: SECRET }).expect(201);
    await newArticle('First story');
    await newArticle('Second story');
    const receivedAt: number[] = [];
    receiver.answers.push({ status: 204, delayMs: 2_500 }, { status: 204 });
    const round = deliverDue();
    const note = () => {
      while (receivedAt.length < receiver.received.length) receivedAt.push(Date.now());
    };
    const watch = setInterval(note, 5);
    expect(await round).toEqual({ delivered: 2, retry: 0, failed: 0 });
    clearInterval(watch);
    note(); // the second may arrive between the last tick and the round's end
    expect(receiver.received).toHaveLength(2);
    const second = receiver.received[1];
    expect(verify(SECRET, second.headers, second.body)).toBe(true);
    expect(Math.abs(Number(second.headers['x-factline-timestamp']) * 1000 - receivedAt[1])).toBeLessThan(1_500);
  });

  test('when two workers take deliveries at the same time, then each event is delivered once', async () => {
    await register({ url: receiver.url, events: ['article.created'], secret: SECRET }).expect(201);
    for (let i = 0; i < 6; i++) await newArticle(`Concurrent story ${i}`);
    const rounds = await Promise.all([deliverDue(), deliverDue(), deliverDue()]);
    expect(rounds.reduce((n, r) => n + r.delivered, 0)).toBe(6);
    const ids = receiver.received.map((r) => JSON.parse(r.body).id);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toHaveLength(6);
  });

  test.each([
    ['a loopback address not allowed by the operator', 'http://127.0.0.1:9/hook', /internal addresses/],
    ['a private address', 'http://10.1.2.3/hook', /internal addresses/],
    ['the cloud metadata address', 'http://169.254.169.254/latest', /internal addresses/],
    ['another scheme', 'ftp://example.org/hook', /http or https/],
  ])('when the address is %s, then registering is refused and nothing is stored', async (_label, url, message) => {
    const res = await register({ url, events: ['article.created'], secret: SECRET });
    expect([400, 422]).toContain(res.status);
    expect(res.body.error.message).toMatch(message);
    expect(await t.db('webhooks')).toHaveLength(0);
  });

  test('when the input is incomplete, then it is a 400 that says what is missing', async () => {
    expect((await register({ url: receiver.url, events: [], secret: SECRET }).expect(400)).body.error.message).toMatch(/at least one event/);
    expect((await register({ url: receiver.url, events: ['article.created'], secret: 'short' }).expect(400)).body.error.message).toMatch(/16 characters/);
    expect((await register({ url: receiver.url, events: ['nothing.happened'], secret: SECRET }).expect(400)).body.error.message).toMatch(/events/);
  });
});
