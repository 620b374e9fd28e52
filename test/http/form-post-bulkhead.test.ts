import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { anonymousFormBulkhead } from '../../src/http/form-post-bulkhead';
import { type AppError } from '../../src/lib/errors';

/** A real Express server with the bulkhead in front of a handler that waits until released. */
async function serverWithGate() {
  const gates: (() => void)[] = [];
  let started = 0;
  const app = express();
  app.use(anonymousFormBulkhead({ '/register': { concurrency: 1, maxWaiting: 1 } }));
  app.all('/{*path}', (req, res) => {
    started += 1;
    if (req.method !== 'POST') return void res.send('open');
    gates.push(() => res.send('done'));
  });
  app.use((error: AppError, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
    res.status(error.status).send(error.message);
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const request = (method: string, path: string) =>
    new Promise<{ status: number; body: string; retryAfter?: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method, path, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, retryAfter: res.headers['retry-after'] }));
      });
      req.on('error', reject);
      req.end();
    });
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { server, gates, request, until, started: () => started };
}

test('when posts to a guarded form exceed its places and its queue, then the excess gets 503 with Retry-After and the queued one runs after the first', async () => {
  const t = await serverWithGate();
  try {
    const first = t.request('POST', '/register');
    await t.until(() => t.gates.length === 1);
    const second = t.request('POST', '/register');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.started()).toBe(1); // the second waits before the handler
    const third = await t.request('POST', '/register');
    expect(third.status).toBe(503);
    expect(third.body).toMatch(/Try again in a few seconds/);
    expect(Number(third.retryAfter)).toBeGreaterThan(0);
    t.gates[0]();
    expect((await first).body).toBe('done');
    await t.until(() => t.gates.length === 2);
    t.gates[1]();
    expect((await second).status).toBe(200);
  } finally {
    t.server.close();
  }
});

test('when the guarded form is full, then other paths and other methods are not held back', async () => {
  const t = await serverWithGate();
  try {
    const first = t.request('POST', '/register');
    await t.until(() => t.gates.length === 1);
    expect((await t.request('GET', '/register')).body).toBe('open');
    const elsewhere = t.request('POST', '/elsewhere');
    await t.until(() => t.gates.length === 2);
    t.gates.forEach((open) => open());
    expect((await first).status).toBe(200);
    expect((await elsewhere).status).toBe(200);
  } finally {
    t.server.close();
  }
});

test('when a client gives up while waiting for a place, then its place is not lost', async () => {
  const t = await serverWithGate();
  try {
    const first = t.request('POST', '/register');
    await t.until(() => t.gates.length === 1);
    const quitter = http.request({ host: '127.0.0.1', port: (t.server.address() as AddressInfo).port, method: 'POST', path: '/register', agent: false });
    quitter.on('error', () => undefined);
    quitter.end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    quitter.destroy(); // gives up while queued behind the first
    await new Promise((resolve) => setTimeout(resolve, 50));
    t.gates[0]();
    await first;
    const next = t.request('POST', '/register');
    await t.until(() => t.gates.length === 2); // the only place went to the next client, not to the one that left
    t.gates[1]();
    expect((await next).status).toBe(200);
    expect(t.started()).toBe(2);
  } finally {
    t.server.close();
  }
});
