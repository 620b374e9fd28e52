/**
 * The one lease behind every delivery queue (src/db/leased-queue.ts): a lease has an owner, and
 * only the owner finishes the row, on both databases and for both queues.
 */
import { finishLeased, leaseDue, type QueueTable } from '../../src/db/leased-queue';
import { nowIso } from '../../src/db/time';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';
import { queueWebhookDeliveries } from '../support/queues';

let database: TestDatabase;
beforeEach(async () => (database = await createTestDatabase()));
afterEach(() => database.destroy());

/** Two due rows in the queue, as the services would write them. */
async function queueRows(table: QueueTable, now: number): Promise<void> {
  const db = database.db;
  if (table === 'webhook_deliveries') {
    await queueWebhookDeliveries(db, 2, now);
    return;
  }
  const user = await createUser(db, 'reviewer');
  for (const n of [1, 2]) {
    const [row] = await db('notifications')
      .insert({ user_id: user.id, kind: 'assigned', message: `m${n}`, link: '/me/work', created_at: nowIso() })
      .returning('id');
    await db(table).insert({ notification_id: Number(typeof row === 'object' ? row.id : row), next_attempt_at: now, created_at: nowIso() });
  }
}

describe.each(['webhook_deliveries', 'email_outbox'] as const)('the lease of %s', (table) => {
  test('when a lease ran out and another worker took the row, then only the new owner can finish it, and the late worker learns it lost the lease', async () => {
    const now = Date.now();
    await queueRows(table, now);
    const [first] = await leaseDue<{ id: number }>(database.db, table, now, now + 60_000, 1);
    expect(first.lease_token).toMatch(/^[0-9a-f]{32}$/);
    // Leased: nobody else gets it before the lease runs out.
    const others = await leaseDue<{ id: number }>(database.db, table, now + 1_000, now + 61_000, 5);
    expect(others.map((r) => Number(r.id))).not.toContain(Number(first.id));
    // It ran out (the first worker stalled); a second worker takes the same row under its own token.
    const [again] = (await leaseDue<{ id: number }>(database.db, table, now + 60_001, now + 120_000, 5)).filter((r) => Number(r.id) === Number(first.id));
    expect(again.lease_token).not.toBe(first.lease_token);
    expect(await finishLeased(database.db, table, Number(first.id), again.lease_token, { status: 'failed', attempts: 1 })).toBe(true);
    // The first worker comes back with an outdated outcome: it is not written.
    expect(await finishLeased(database.db, table, Number(first.id), first.lease_token, { status: 'pending', attempts: 1 })).toBe(false);
    const row = await database.db(table).where({ id: first.id }).first('status', 'lease_token', 'locked_until');
    expect(row).toEqual({ status: 'failed', lease_token: null, locked_until: null });
  });
});
