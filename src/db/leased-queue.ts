import { isPostgres, type Queryable } from './knex';

/**
 * A table used as a work queue (webhook deliveries, outgoing email): rows with `status`,
 * `next_attempt_at` and `locked_until` (epoch milliseconds). `leaseDue` takes up to `limit` rows
 * that are pending, due and not leased, and leases them until `leaseUntil`, in one statement, so
 * two workers (two instances) never take the same row: PostgreSQL skips rows another worker has
 * locked (FOR UPDATE SKIP LOCKED); SQLite runs one writer at a time. A lease that runs out (its
 * instance died mid-work) frees the row for another worker.
 */
export async function leaseDue<Row>(
  db: Queryable,
  table: 'webhook_deliveries' | 'email_outbox',
  now: number,
  leaseUntil: number,
  limit: number,
): Promise<Row[]> {
  const lock = isPostgres(db) ? 'FOR UPDATE SKIP LOCKED' : '';
  const result = await db.raw(
    `UPDATE ${table} SET locked_until = ?
     WHERE id IN (SELECT id FROM ${table} WHERE status = 'pending' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?) ORDER BY id LIMIT ? ${lock})
     RETURNING *`,
    [leaseUntil, now, now, limit],
  );
  return (isPostgres(db) ? result.rows : result) as Row[];
}
