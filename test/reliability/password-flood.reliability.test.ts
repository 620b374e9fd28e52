/**
 * Hardening issue item 4: floods of registration and sign-in requests must not stall the server.
 * 32 clients on loopback flood POST /register (registration closed) and then POST /login (unknown
 * accounts, each request from another forwarded address, so the per-address limits do not bind
 * and every attempt reaches the password check) for FLOOD_SECONDS each, against the production
 * build with scrypt at its real cost. Meanwhile /healthz and an API read are timed.
 */
import fs from 'node:fs';
import http from 'node:http';
import { freePort, prepareFixture, requestJson, SEED_SLUG, startServerProcess, type Fixture, type ServerProcess } from './support/server-process';

const CLIENTS = 32;
const FLOOD_SECONDS = Number(process.env.RELIABILITY_FLOOD_SECONDS || 10);
const P99_TARGET_MS = 100;

let fixture: Fixture;
let server: ServerProcess;
beforeAll(async () => {
  fixture = await prepareFixture(1, 0);
  server = await startServerProcess(fixture, await freePort(), { productionPasswordCost: true });
});
afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
  fs.rmSync(fixture.dir, { recursive: true, force: true });
});

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 8 });

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; body: string; cookie?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method,
        agent,
        headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, cookie: res.headers['set-cookie']?.map((c) => c.split(';')[0]).join('; ') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A session and its CSRF token, as a browser would get them from the sign-in page. */
async function formSession(): Promise<{ cookie: string; csrf: string }> {
  const page = await send('GET', '/login');
  return { cookie: page.cookie!, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1] };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

async function flood(
  label: string,
  attack: (client: number, n: number, session: { cookie: string; csrf: string }) => Promise<number>,
  options: { sharedSession?: boolean } = {},
) {
  const first = await formSession();
  const sessions = options.sharedSession
    ? Array.from({ length: CLIENTS }, () => first)
    : [first, ...(await Promise.all(Array.from({ length: CLIENTS - 1 }, () => formSession())))];
  const statuses = new Map<number, number>();
  const health: number[] = [];
  const reads: number[] = [];
  const end = Date.now() + FLOOD_SECONDS * 1000;
  const attackers = sessions.map(async (session, client) => {
    for (let n = 0; Date.now() < end; n++) {
      const status = await attack(client, n, session);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  });
  const probe = (async () => {
    while (Date.now() < end) {
      const started = performance.now();
      expect((await requestJson('GET', server.port, '/healthz')).status).toBe(200);
      health.push(performance.now() - started);
      const readStarted = performance.now();
      expect((await requestJson('GET', server.port, `/api/v1/articles/${SEED_SLUG}/verdicts`)).status).toBe(200);
      reads.push(performance.now() - readStarted);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  await Promise.all([...attackers, probe]);
  const summary = {
    requests: [...statuses.values()].reduce((a, b) => a + b, 0),
    statuses: Object.fromEntries(statuses),
    healthP50: percentile(health, 50),
    healthP99: percentile(health, 99),
    readP99: percentile(reads, 99),
  };
  console.log(
    `${label}: ${summary.requests} attack requests in ${FLOOD_SECONDS} s, statuses ${JSON.stringify(summary.statuses)}; /healthz p50 ${summary.healthP50.toFixed(1)} ms, p99 ${summary.healthP99.toFixed(1)} ms; API read p99 ${summary.readP99.toFixed(1)} ms (${health.length} probes)`,
  );
  return summary;
}

test(`when ${CLIENTS} clients flood registration while it is closed, then /healthz stays under ${P99_TARGET_MS} ms at p99`, async () => {
  const result = await flood('registration flood', async (client, n, { cookie, csrf }) => {
    const body = new URLSearchParams({ username: `flood-${client}-${n}`, password: 'a perfectly long passphrase', _csrf: csrf }).toString();
    return (await send('POST', '/register', { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body)).status;
  });
  expect(Object.keys(result.statuses)).toEqual(['403']);
  expect(result.healthP99).toBeLessThan(P99_TARGET_MS);
});

test(`when ${CLIENTS} clients sharing one session flood registration from one address, then /healthz stays under ${P99_TARGET_MS} ms at p99`, async () => {
  const result = await flood(
    'registration flood, one shared session',
    async (client, n, { cookie, csrf }) => {
      const body = new URLSearchParams({ username: `shared-${client}-${n}`, password: 'a perfectly long passphrase', _csrf: csrf }).toString();
      return (await send('POST', '/register', { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body)).status;
    },
    { sharedSession: true },
  );
  expect(Object.keys(result.statuses)).toEqual(['403']);
  expect(result.healthP99).toBeLessThan(P99_TARGET_MS);
});

test(`when ${CLIENTS} clients flood sign-in from ever-new addresses, then passwords are checked a few at a time, the rest get 503, and /healthz stays under ${P99_TARGET_MS} ms at p99`, async () => {
  const result = await flood('sign-in flood', async (client, n, { cookie, csrf }) => {
    const body = new URLSearchParams({ username: `nobody-${client}-${n}`, password: 'a wrong password', _csrf: csrf }).toString();
    const forwarded = `10.${client}.${(n >> 8) & 255}.${n & 255}`;
    return (await send('POST', '/login', { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwarded }, body)).status;
  });
  expect(result.statuses[401]).toBeGreaterThan(0);
  expect(result.statuses[503]).toBeGreaterThan(0);
  expect(Object.keys(result.statuses).every((status) => ['401', '503'].includes(status))).toBe(true);
  expect(result.healthP99).toBeLessThan(P99_TARGET_MS);
});
