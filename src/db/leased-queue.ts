import { randomBytes } from 'node:crypto';
import { isPostgres, type Queryable } from './knex';

/** The queues that share this lease (webhook deliveries, outgoing email). */
export type QueueTable = 'webhook_deliveries' | 'email_outbox';

/** A row a worker holds: only the holder of `token` may finish it. */
export type Leased<Row> = Row & { lease_token: string };

/**
 * A table used as a work queue: rows with `status`, `next_attempt_at`, `locked_until` (epoch
 * milliseconds) and `lease_token`. `leaseDue` takes up to `limit` rows that are pending, due and
 * not leased, and leases them until `leaseUntil` under a new owner token, in one statement, so
 * two workers (two instances) never take the same row: PostgreSQL skips rows another worker has
 * locked (FOR UPDATE SKIP LOCKED); SQLite runs one writer at a time. A lease that runs out (its
 * instance died mid-work) frees the row for another worker, under another token.
 *
 * The workers lease one row at a time, just before working on it, with a lease far longer than
 * the work may take (a send's own timeout), so a lease outlives what it covers; and they finish
 * through `finishLeased`, which changes the row only while their token is still on it, so a
 * worker that lost its lease can never overwrite a newer outcome.
 */
export async function leaseDue<Row>(db: Queryable, table: QueueTable, now: number, leaseUntil: number, limit: number): Promise<Leased<Row>[]> {
  const lock = isPostgres(db) ? 'FOR UPDATE SKIP LOCKED' : '';
  const token = randomBytes(16).toString('hex');
  const result = await db.raw(
    `UPDATE ${table} SET locked_until = ?, lease_token = ?
     WHERE id IN (SELECT id FROM ${table} WHERE status = 'pending' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?) ORDER BY id LIMIT ? ${lock})
     RETURNING *`,
    [leaseUntil, token, now, now, limit],
  );
  return (isPostgres(db) ? result.rows : result) as Leased<Row>[];
}

/**
 * The outcome of a leased row, written only if `token` still holds it; the lease is released.
 * Returns false when the lease was lost (it ran out and another worker took the row): the caller's
 * outcome is then stale and is not written.
 */
export async function finishLeased(db: Queryable, table: QueueTable, id: number, token: string, values: Record<string, unknown>): Promise<boolean> {
  const changed = await db(table)
    .where({ id, lease_token: token })
    .update({ ...values, locked_until: null, lease_token: null });
  return Number(changed) === 1;
}
