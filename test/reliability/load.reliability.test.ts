/**
 * Load test, loopback only and bounded in time: 50 concurrent clients mix reads of the article
 * page and the API with writes of checks for 30 s (RELIABILITY_LOAD_SECONDS). Zero 5xx, zero lost
 * writes, and the server's memory must level off rather than keep growing.
 */
import fs from 'node:fs';
import { openDb } from '../../src/db/knex';
import { freePort, prepareFixture, requestJson, rssMegabytes, SEED_SLUG, startServerProcess, type Fixture } from './support/server-process';

const CLIENTS = 50;
const SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS || 30);

let fixture: Fixture;
beforeAll(async () => {
  fixture = await prepareFixture(CLIENTS, 600);
});
afterAll(() => fs.rmSync(fixture.dir, { recursive: true, force: true }));

test(`when ${CLIENTS} clients read and write for ${SECONDS} s, then there is no 5xx, no lost write, and memory is stable`, async () => {
  const server = await startServerProcess(fixture, await freePort());
  const pid = server.child.pid!;
  const statuses = new Map<number, number>();
  const acknowledged: number[] = [];
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(rssMegabytes(pid)), 1000);
  const end = Date.now() + SECONDS * 1000;
  let requests = 0;

  const client = async (c: number) => {
    let cursor = 0;
    while (Date.now() < end) {
      const roll = (requests++ * 7 + c) % 10;
      let res: { status: number; body: string };
      if (roll < 5) res = await requestJson('GET', server.port, `/articles/${SEED_SLUG}`);
      else if (roll < 7) res = await requestJson('GET', server.port, `/api/v1/articles/${SEED_SLUG}/verdicts`);
      else if (roll < 8) res = await requestJson('GET', server.port, `/api/v1/articles/${SEED_SLUG}`);
      else if (cursor < fixture.claimIds.length) {
        const claimId = fixture.claimIds[cursor++];
        res = await requestJson(
          'POST',
          server.port,
          `/api/v1/claims/${claimId}/checks`,
          { verdict: 'mixed', confidence: 'low', rationale: 'load', sources: [{ url: 'https://example.org/load', stance: 'context' }] },
          fixture.tokens[c],
        );
        if (res.status === 201) acknowledged.push(JSON.parse(res.body).id);
      } else res = await requestJson('GET', server.port, '/healthz');
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  clearInterval(sampler);
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);

  const db = openDb({ client: 'sqlite', filename: fixture.dbFile });
  const stored = new Set((await db('checks').select('id')).map((row: { id: number }) => Number(row.id)));
  await db.destroy();

  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  const fiveHundreds = [...statuses.entries()].filter(([status]) => status >= 500).reduce((n, [, count]) => n + count, 0);
  const warm = rss[Math.floor(rss.length / 3)];
  const last = rss[rss.length - 1];
  console.log(
    `load test: ${total} requests in ${SECONDS} s (${Math.round(total / SECONDS)}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${acknowledged.length} writes, RSS ${rss[0].toFixed(0)} → ${warm.toFixed(0)} → ${last.toFixed(0)} MB (max ${Math.max(...rss).toFixed(0)})`,
  );
  expect(fiveHundreds).toBe(0);
  expect([...statuses.keys()].every((status) => status === 200 || status === 201)).toBe(true);
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(last).toBeLessThan(Math.max(warm * 1.5, warm + 64));
});
