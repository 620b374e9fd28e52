/**
 * The one worker behind both delivery queues (src/db/leased-worker.ts): rounds, outcomes counted,
 * lost leases never written, retries with backoff, and the queue's metrics.
 */
import { leaseDue } from '../../src/db/leased-queue';
import { afterFailure, createLeasedWorker, type Lease } from '../../src/db/leased-worker';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { queueWebhookDeliveries } from '../support/queues';

let database: TestDatabase;
beforeEach(async () => (database = await createTestDatabase()));
afterEach(() => database.destroy());

const MINUTE = 60_000;

const queueDeliveries = (count: number, now: number) => queueWebhookDeliveries(database.db, count, now);

function worker(work: (id: number, lease: Lease) => Promise<'done' | 'again'>, round = 10) {
  return createLeasedWorker(database.db, {
    table: 'webhook_deliveries',
    leaseMs: MINUTE,
    round,
    outcomes: ['done', 'again'] as const,
    load: async (_db, row) => Number(row.id),
    work,
  });
}

const statusOf = async (id: number) => (await database.db('webhook_deliveries').where({ id }).first('status', 'attempts', 'lease_token')) as object;

describe('the leased worker', () => {
  test('when a round runs, then each due item is worked on once, at most a round of them, and every outcome is counted from zero', async () => {
    const now = Date.now();
    const ids = await queueDeliveries(5, now);
    const seen: number[] = [];
    const done = worker(async (id, lease) => {
      seen.push(id);
      await lease.finish({ status: 'delivered', attempts: 1 });
      return 'done';
    }, 3);
    expect(await done.runRound(now)).toEqual({ done: 3, again: 0 });
    expect(await done.runRound(now)).toEqual({ done: 2, again: 0 });
    expect(await done.runRound(now)).toEqual({ done: 0, again: 0 });
    expect(seen).toEqual(ids);
  });

  test('when the lease runs out mid-work and another worker takes the item, then the late outcome is not written and counts as lost', async () => {
    const now = Date.now();
    const [id] = await queueDeliveries(1, now);
    let newToken = '';
    const slow = worker(async (_id, lease) => {
      // Meanwhile the lease ran out and a second worker leased the item under its own token.
      [{ lease_token: newToken }] = await leaseDue(database.db, 'webhook_deliveries', now + MINUTE + 1, now + 3 * MINUTE, 1);
      expect(await lease.finish({ status: 'failed', attempts: 1 })).toBe(false);
      return 'done';
    });
    expect(await slow.runRound(now)).toEqual({ done: 0, again: 0, lost: 1 });
    expect(await statusOf(id)).toEqual({ status: 'pending', attempts: 0, lease_token: newToken });
  });

  test('when an outcome goes with other writes, then it is written in the caller’s transaction and rolls back with it', async () => {
    const now = Date.now();
    const [id] = await queueDeliveries(1, now);
    const failing = worker(async (_id, lease) =>
      database.db.transaction(async (tx) => {
        await lease.finish({ status: 'delivered', attempts: 1 }, tx);
        throw new Error('the attempt log could not be written');
      }),
    );
    await expect(failing.runRound(now)).rejects.toThrow('the attempt log could not be written');
    expect(await statusOf(id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  test('when the queue is measured, then it counts the items due, leased and failed at that moment', async () => {
    const now = Date.now();
    const ids = await queueDeliveries(4, now);
    await database.db('webhook_deliveries').where({ id: ids[0] }).update({ status: 'failed' });
    await database
      .db('webhook_deliveries')
      .where({ id: ids[1] })
      .update({ next_attempt_at: now + 10 * MINUTE });
    await leaseDue(database.db, 'webhook_deliveries', now, now + MINUTE, 1); // ids[2], held by a worker
    const measured = worker(async () => 'done');
    expect(await measured.metrics(now)).toEqual({ due: 1, leased: 1, failed: 1 });
    expect(await measured.metrics(now + 11 * MINUTE)).toEqual({ due: 3, leased: 0, failed: 1 }); // the lease ran out, the retry is due
  });
});

describe('retries with backoff', () => {
  const policy = { maxAttempts: 4, delaysMs: [MINUTE, 5 * MINUTE, 15 * MINUTE] };

  test('when attempts fail, then each waits the next delay, and the last one gives up', () => {
    expect([1, 2, 3, 4].map((attempt) => afterFailure(attempt, policy, 1_000))).toEqual([
      { retry: true, nextAttemptAt: 1_000 + MINUTE },
      { retry: true, nextAttemptAt: 1_000 + 5 * MINUTE },
      { retry: true, nextAttemptAt: 1_000 + 15 * MINUTE },
      { retry: false },
    ]);
  });
});

describe('an item whose source is gone', () => {
  test('when the worker finds nothing to work on, then the item is finished as the queue says, counted as vanished, and never leased again', async () => {
    const now = Date.now();
    const [gone, kept] = await queueDeliveries(2, now);
    const worked: number[] = [];
    const vanishing = createLeasedWorker(database.db, {
      table: 'webhook_deliveries',
      leaseMs: MINUTE,
      round: 10,
      outcomes: ['done'] as const,
      load: async (_db, row) => (Number(row.id) === gone ? null : Number(row.id)),
      whenVanished: (row) => ({ status: 'failed', attempts: Number(row.attempts) }),
      work: async (id, lease) => {
        worked.push(id);
        await lease.finish({ status: 'delivered', attempts: 1 });
        return 'done';
      },
    });
    expect(await vanishing.runRound(now)).toEqual({ done: 1, vanished: 1 });
    expect(worked).toEqual([kept]);
    expect(await statusOf(gone)).toEqual({ status: 'failed', attempts: 0, lease_token: null });
    // Long after its lease would have run out, no round takes it again.
    expect(await vanishing.runRound(now + 10 * MINUTE)).toEqual({ done: 0 });
  });
});
