/**
 * Crash test: 20 writers post checks through the API while the server is killed with SIGKILL at
 * a random moment; after a restart every write that was acknowledged with a 2xx must be there,
 * and SQLite's integrity check must pass. Repeated over several rounds on one database.
 */
import fs from 'node:fs';
import { migrate, openDb } from '../../src/db/knex';
import { freePort, prepareFixture, requestJson, startServerProcess, type Fixture } from './support/server-process';

const WRITERS = 20;
const ROUNDS = Number(process.env.RELIABILITY_CRASH_ROUNDS || 4);

let fixture: Fixture;
beforeAll(async () => {
  fixture = await prepareFixture(WRITERS, 400);
});
afterAll(() => fs.rmSync(fixture.dir, { recursive: true, force: true }));

interface Ack {
  checkId: number;
  claimId: number;
  writer: number;
  verdict: string;
}

const VERDICTS = ['false', 'mostly-false', 'mixed', 'mostly-true', 'true', 'unverifiable'];

test(`when the server is killed with SIGKILL during ${WRITERS} concurrent writers, ${ROUNDS} times, then no acknowledged write is lost and the database is intact`, async () => {
  const acknowledged: Ack[] = [];
  const cursor = Array.from({ length: WRITERS }, () => 0);
  for (let round = 0; round < ROUNDS; round++) {
    const server = await startServerProcess(fixture, await freePort());
    let alive = true;
    const writer = async (w: number) => {
      while (alive && cursor[w] < fixture.claimIds.length) {
        const claimId = fixture.claimIds[cursor[w]];
        cursor[w] += 1; // a write in flight at the kill is never retried: its fate is unknown
        const verdict = VERDICTS[(w + cursor[w]) % VERDICTS.length];
        try {
          const res = await requestJson(
            'POST',
            server.port,
            `/api/v1/claims/${claimId}/checks`,
            { verdict, confidence: 'medium', rationale: `round ${round}`, sources: [{ url: `https://example.org/${w}/${claimId}`, stance: 'context' }] },
            fixture.tokens[w],
          );
          if (res.status === 201) acknowledged.push({ checkId: JSON.parse(res.body).id, claimId, writer: w, verdict });
          else if (res.status >= 500) throw new Error(`5xx before the kill: ${res.status} ${res.body}`);
        } catch (error) {
          if (alive) throw error;
          return;
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1200));
    alive = false;
    server.child.kill('SIGKILL');
    await server.exited;
    await Promise.all(writers);
  }

  const restarted = await startServerProcess(fixture, await freePort());
  restarted.child.kill('SIGTERM');
  await restarted.exited;

  const db = openDb({ client: 'sqlite', filename: fixture.dbFile });
  try {
    await migrate(db);
    const integrity = await db.raw('PRAGMA integrity_check');
    expect(Object.values(integrity[0])[0]).toBe('ok');
    const rows: { id: number; claim_id: number; verdict: string; username: string }[] = await db('checks')
      .join('users', 'users.id', 'checks.reviewer_id')
      .select('checks.id', 'checks.claim_id', 'checks.verdict', 'users.username');
    const stored = new Map(rows.map((row) => [Number(row.id), row]));
    const missing = acknowledged.filter((ack) => {
      const row = stored.get(ack.checkId);
      return !row || Number(row.claim_id) !== ack.claimId || row.verdict !== ack.verdict || row.username !== `writer-${ack.writer}`;
    });
    console.log(`crash test: ${ROUNDS} kills, ${acknowledged.length} acknowledged writes, ${rows.length} stored, ${missing.length} missing`);
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * WRITERS);
    expect(missing).toEqual([]);
    const sources = await db('check_sources')
      .whereIn(
        'check_id',
        acknowledged.map((a) => a.checkId),
      )
      .count({ n: '*' })
      .first();
    expect(Number(sources?.n)).toBe(acknowledged.length);
  } finally {
    await db.destroy();
  }
});
