import { servicesOf } from '../support/services';
/**
 * Two app instances on one PostgreSQL behave as one: a session made on one works on the other,
 * a publication on one clears the other's page cache at once, their delivery workers on one queue
 * send each notification email and each webhook delivery once, and when one instance stops in the middle of a load the other
 * keeps serving and no acknowledged write is lost.
 */
import fs from 'node:fs';
import { openDb } from '../../src/db/knex';
import { loadConfig } from '../../src/config';
import { verifyClaimStats } from '../../src/modules/review';
import { decisionsReader } from '../../src/modules/verdicts';
import { freePort, prepareFixture, requestJson, SEED_SLUG, startServerProcess, type Fixture, type ServerProcess } from './support/server-process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { notify } from '../../src/modules/notifications/notifications';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

let fixture: Fixture;
let a: ServerProcess;
let b: ServerProcess;
let smtp: TestSmtpServer;
/** A newsroom system on loopback receiving webhooks: the event ids it was sent, in order. */
let receiver: http.Server;
const webhookEventIds: string[] = [];
/** Events sent to the receiver's slow address (`/slow`, answered after 4 s). */
const slowEventIds: string[] = [];
const SLOW_ANSWER_MS = 4_000;

beforeAll(async () => {
  fixture = await prepareFixture(10, 200, { postgres: true });
  smtp = await startSmtpServer();
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/slow') {
        slowEventIds.push(JSON.parse(body).id);
        setTimeout(() => res.writeHead(204).end(), SLOW_ANSWER_MS);
        return;
      }
      webhookEventIds.push(JSON.parse(body).id);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverHost = `127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const options = { sharedSecretFromDatabase: true, env: { SMTP_URL: smtp.url, OUTBOUND_ALLOW_HOSTS: receiverHost } };
  [a, b] = await Promise.all([
    freePort().then((p) => startServerProcess(fixture, p, options)),
    freePort().then((p) => startServerProcess(fixture, p, options)),
  ]);
});
afterAll(async () => {
  for (const server of [a, b])
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  await smtp.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await fixture.dropDatabase();
  fs.rmSync(fixture.dir, { recursive: true, force: true });
});

/** A raw request carrying cookies, to move a browser session from one instance to the other. */
function withCookie(port: number, method: string, urlPath: string, cookie: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; setCookie: string[] }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, headers: { cookie, ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, setCookie: ([] as string[]).concat(res.headers['set-cookie'] ?? []) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('when a reviewer signs in on one instance, then the session works on the other, and a publication on one updates the other’s overlay at once', async () => {
  const loginPage = await withCookie(a.port, 'GET', '/login', '');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(loginPage.body)![1];
  const cookie0 = loginPage.setCookie[0].split(';')[0];
  const form = new URLSearchParams({ username: 'writer-0', password: 'reliable writer pass', _csrf: csrf }).toString();
  const login = await withCookie(a.port, 'POST', '/login', cookie0, form, { 'content-type': 'application/x-www-form-urlencoded' });
  expect(login.status).toBe(303);
  const cookie = login.setCookie.find((c) => c.startsWith('factline.sid='))!.split(';')[0];

  const me = JSON.parse((await withCookie(b.port, 'GET', '/api/v1/me', cookie)).body);
  expect(me.user.username).toBe('writer-0');
  const check = JSON.stringify({
    verdict: 'true',
    confidence: 'high',
    rationale: 'Filed on instance B with a session made on A.',
    sources: [{ url: 'https://example.org/b', stance: 'supports' }],
  });
  const filed = await withCookie(b.port, 'POST', `/api/v1/claims/${fixture.claimIds[0]}/checks`, cookie, check, {
    'content-type': 'application/json',
    'x-csrf-token': me.csrfToken,
  });
  expect(filed.status).toBe(201);

  const articlePath = `/articles/${SEED_SLUG}`;
  await requestJson('GET', b.port, articlePath);
  expect((await requestJson('GET', b.port, articlePath)).body).not.toContain('Published on instance A');

  const editorLogin = await requestJson('GET', a.port, '/api/v1/me', undefined, fixture.tokens[1]);
  expect(editorLogin.status).toBe(200);
  const db = openDb({ client: 'postgres', connectionString: fixture.databaseUrl });
  await db('users').where({ username: 'writer-1' }).update({ role: 'editor' });
  await db.destroy();
  const decision = await requestJson(
    'POST',
    a.port,
    `/api/v1/claims/${fixture.claimIds[0]}/decision`,
    { verdict: 'true', summary: 'Published on instance A.', publish: true },
    fixture.tokens[1],
  );
  expect(decision.status).toBe(200);

  let seenOnB = false;
  for (let i = 0; i < 40 && !seenOnB; i++) {
    seenOnB = (await requestJson('GET', b.port, articlePath)).body.includes('Published on instance A.');
    if (!seenOnB) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(seenOnB).toBe(true);
});

test('when both instances run their delivery workers on one database, then each notification email and each webhook event goes out exactly once', async () => {
  const settings = { address: 'writer2@newsroom.test', kinds: ['assigned'] };
  expect((await requestJson('PUT', a.port, '/api/v1/me/email-settings', settings, fixture.tokens[2])).status).toBe(200);
  const db = openDb({ client: 'postgres', connectionString: fixture.databaseUrl });
  await db('users').where({ username: 'writer-3' }).update({ role: 'admin' });
  const hook = {
    url: `http://${(receiver.address() as AddressInfo).address}:${(receiver.address() as AddressInfo).port}/hook`,
    events: ['article.created'],
    secret: 'a shared secret of some length',
  };
  expect((await requestJson('POST', b.port, '/api/v1/webhooks', hook, fixture.tokens[3])).status).toBe(201);

  const { id: userId } = await db('users').where({ username: 'writer-2' }).first('id');
  const count = 80;
  const emitted: string[] = [];
  await db.transaction(async (tx) => {
    await notify(
      tx,
      Array.from({ length: count }, (_, i) => ({
        userId: Number(userId),
        kind: 'assigned' as const,
        claimId: null,
        actorId: null,
        message: `Email ${i}.`,
        link: '/me/work',
      })),
    );
    const { events } = servicesOf(db);
    for (let i = 0; i < count; i++)
      await events.record(tx, { kind: 'article.created', article: { id: i, slug: `story-${i}`, title: `Story ${i}`, sourceUrl: null } });
  });
  for (const row of await db('webhook_deliveries').select('event_id')) emitted.push(row.event_id);
  const done = () => smtp.received.length >= count && webhookEventIds.length >= count;
  for (let waited = 0; !done() && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 7_000)); // two more worker rounds on each instance: time for any duplicate to arrive
  const emailStatuses: { status: string; n: number | string }[] = await db('email_outbox').select('status').count({ n: '*' }).groupBy('status');
  const hookStatuses: { status: string; n: number | string }[] = await db('webhook_deliveries').select('status').count({ n: '*' }).groupBy('status');
  await db.destroy();
  const firstLines = smtp.received.map((mail) => mail.text.split('\n')[0]);
  console.log(
    `multi-instance delivery: ${firstLines.length} emails received for ${count} notifications (${new Set(firstLines).size} distinct), ` +
      `${webhookEventIds.length} webhook deliveries for ${count} events (${new Set(webhookEventIds).size} distinct)`,
  );
  expect(firstLines.sort()).toEqual(Array.from({ length: count }, (_, i) => `Email ${i}.`).sort());
  expect(emailStatuses.map((row) => [row.status, Number(row.n)])).toEqual([['sent', count]]);
  expect(emitted).toHaveLength(count);
  expect([...webhookEventIds].sort()).toEqual([...emitted].sort());
  expect(hookStatuses.map((row) => [row.status, Number(row.n)])).toEqual([['delivered', count]]);
});

test('when the receiver answers slowly, then the two instances still deliver each event once: no lease runs out under a slow batch', async () => {
  const db = openDb({ client: 'postgres', connectionString: fixture.databaseUrl });
  await db('users').where({ username: 'writer-3' }).update({ role: 'admin' });
  const address = receiver.address() as AddressInfo;
  const hook = { url: `http://${address.address}:${address.port}/slow`, events: ['article.revised'], secret: 'another shared secret of length' };
  expect((await requestJson('POST', a.port, '/api/v1/webhooks', hook, fixture.tokens[3])).status).toBe(201);
  // 16 events × 4 s: one worker taking them all at once (as workers once did, 20 at a time) would hold them for 64 s, past its 60 s lease.
  const count = 16;
  await db.transaction(async (tx) => {
    const { events } = servicesOf(db);
    for (let i = 0; i < count; i++)
      await events.record(tx, { kind: 'article.revised', article: { id: i, slug: `revised-${i}`, title: `Revised ${i}` }, revision: 2, anchoring: null });
  });
  const emitted: string[] = await db('webhook_deliveries').where({ event_type: 'article.revised' }).pluck('event_id');
  const started = Date.now();
  for (let waited = 0; slowEventIds.length < count && waited < 100_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
  const tookMs = Date.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 2 * SLOW_ANSWER_MS + 3_000)); // time for a duplicate to arrive
  const statuses: { status: string; n: number | string }[] = await db('webhook_deliveries')
    .where({ event_type: 'article.revised' })
    .select('status')
    .count({ n: '*' })
    .groupBy('status');
  await db.destroy();
  console.log(
    `slow receiver: ${slowEventIds.length} deliveries for ${count} events (${new Set(slowEventIds).size} distinct) in ${Math.round(tookMs / 1000)} s`,
  );
  expect(emitted).toHaveLength(count);
  expect([...slowEventIds].sort()).toEqual([...emitted].sort());
  expect(statuses.map((row) => [row.status, Number(row.n)])).toEqual([['delivered', count]]);
});

test('when both instances take filings, edits and decisions on the same claims at once, then every stored aggregate equals one recomputed from scratch', async () => {
  const db = openDb({ client: 'postgres', connectionString: fixture.databaseUrl });
  await db('users').where({ username: 'writer-3' }).update({ role: 'admin' }); // the desk's editor in this round
  const claims = fixture.claimIds.slice(10, 12);
  const verdicts = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false'] as const;
  let seed = 20261203;
  const pick = <T>(list: readonly T[]) => list[(seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % list.length];
  const filed = new Map<string, number>(); // "writer|claim" → check id
  for (let round = 0; round < 20; round++) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, w) => {
        const server = (w + round) % 2 === 0 ? a : b;
        const claimId = pick(claims);
        const key = `${w}|${claimId}`;
        const check = {
          verdict: pick(verdicts),
          confidence: 'medium',
          rationale: `round ${round}`,
          sources: [{ url: `https://example.org/${round}/${w}`, stance: 'context' }],
        };
        if (w === 3) {
          const res = await requestJson(
            'POST',
            server.port,
            `/api/v1/claims/${claimId}/decision`,
            { verdict: pick(verdicts), summary: 'Decided.', note: 'The desk decided.', publish: round % 2 === 0 },
            fixture.tokens[w],
          );
          expect([200, 422]).toContain(res.status);
        } else if (filed.has(key)) {
          const res = await requestJson(
            'PATCH',
            server.port,
            `/api/v1/checks/${filed.get(key)}`,
            { verdict: pick(verdicts), sources: check.sources },
            fixture.tokens[w],
          );
          expect(res.status).toBe(200);
        } else {
          const res = await requestJson('POST', server.port, `/api/v1/claims/${claimId}/checks`, check, fixture.tokens[w]);
          if (res.status === 201) filed.set(key, JSON.parse(res.body).id);
          else expect(res.status).toBe(409);
        }
      }),
    );
  }
  const { claims: verified, drift } = await verifyClaimStats(db, decisionsReader(db, { minOrdinalChecks: loadConfig({}).minReviewsForConsensus }));
  await db.destroy();
  console.log(
    `two instances, concurrent writers: ${filed.size} checks filed and edited on ${claims.length} claims; ${verified} aggregates verified, ${drift.length} differences`,
  );
  expect(filed.size).toBeGreaterThan(10);
  expect(drift).toEqual([]);
});

test('when one instance stops in the middle of a load, then the other keeps serving and no acknowledged write is lost', async () => {
  const acknowledged: number[] = [];
  const failuresOnB: number[] = [];
  let stopAt = Date.now() + 1500;
  const end = Date.now() + 4000;
  const writer = async (w: number) => {
    for (let i = 20; Date.now() < end && i < fixture.claimIds.length; i++) {
      const target = i % 2 === 0 && a.child.exitCode === null ? a : b; // a load balancer's round robin; A's failures go to B
      const body = { verdict: 'mixed', confidence: 'low', rationale: `writer ${w}`, sources: [{ url: 'https://example.org/load', stance: 'context' }] };
      try {
        const res = await requestJson('POST', target.port, `/api/v1/claims/${fixture.claimIds[i]}/checks`, body, fixture.tokens[w]);
        if (res.status === 201) acknowledged.push(JSON.parse(res.body).id);
        else if (target === b) failuresOnB.push(res.status);
      } catch (error) {
        if (target === b) throw error;
      }
    }
  };
  const stopper = (async () => {
    while (Date.now() < stopAt) await new Promise((resolve) => setTimeout(resolve, 20));
    a.child.kill('SIGTERM');
    stopAt = Infinity;
  })();
  await Promise.all([stopper, ...Array.from({ length: 10 }, (_, w) => writer(w))]);
  expect(await a.exited).toBe(0);
  expect(failuresOnB).toEqual([]);
  expect((await requestJson('GET', b.port, `/articles/${SEED_SLUG}`)).status).toBe(200);

  const db = openDb({ client: 'postgres', connectionString: fixture.databaseUrl });
  const stored = new Set((await db('checks').select('id')).map((row: { id: number }) => Number(row.id)));
  await db.destroy();
  console.log(
    `multi-instance test: ${acknowledged.length} writes acknowledged across both instances, ${acknowledged.filter((id) => !stored.has(id)).length} missing`,
  );
  expect(acknowledged.length).toBeGreaterThan(50);
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
});
