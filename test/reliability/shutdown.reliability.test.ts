/**
 * Graceful shutdown: on SIGTERM the server stops accepting, finishes the requests in flight on
 * connections it had accepted, closes the database (SQLite checkpoints and removes its
 * write-ahead log) and exits 0.
 */
import fs from 'node:fs';
import { freePort, prepareFixture, requestJson, SEED_SLUG, startServerProcess, type Fixture } from './support/server-process';

const CONNECTIONS = 30;

let fixture: Fixture;
beforeAll(async () => {
  fixture = await prepareFixture(1, 1);
});
afterAll(() => fs.rmSync(fixture.dir, { recursive: true, force: true }));

test(`when SIGTERM arrives with ${CONNECTIONS} requests in flight, then all complete, the database is closed and the exit code is 0`, async () => {
  const server = await startServerProcess(fixture, await freePort());
  // Open keep-alive connections first, so the requests below travel on accepted connections.
  await Promise.all(Array.from({ length: CONNECTIONS }, () => requestJson('GET', server.port, '/healthz')));
  const inFlight = Array.from({ length: CONNECTIONS }, () =>
    requestJson('GET', server.port, `/articles/${SEED_SLUG}`).then(
      (res) => ({ status: res.status, complete: res.body.trimEnd().endsWith('</html>'), error: null as string | null }),
      (error: NodeJS.ErrnoException) => ({ status: 0, complete: false, error: error.code ?? String(error) }),
    ),
  );
  server.child.kill('SIGTERM');
  const results = await Promise.all(inFlight);
  expect(await server.exited).toBe(0);
  console.log(`shutdown test: ${results.filter((r) => r.status === 200 && r.complete).length} of ${CONNECTIONS} in-flight requests completed`);
  expect(results.filter((r) => !(r.status === 200 && r.complete))).toEqual([]);
  expect(fs.existsSync(`${fixture.dbFile}-wal`)).toBe(false);
  await expect(requestJson('GET', server.port, '/healthz')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
});
