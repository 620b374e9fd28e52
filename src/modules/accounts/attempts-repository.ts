import type { Queryable } from '../../db/knex';

/**
 * Attempt counters in fixed windows, in the database so every instance shares them. Reserving
 * an attempt is one atomic upsert that returns the new count (SQLite and PostgreSQL both run
 * INSERT … ON CONFLICT DO UPDATE … RETURNING as one statement), so parallel requests each get a
 * distinct count and no two can both read "4 of 5" and go ahead.
 */
export function windowStart(now: number, windowMs: number): number {
  return Math.floor(now / windowMs) * windowMs;
}

export async function reserveAttempt(db: Queryable, bucket: string, windowMs: number, now = Date.now()): Promise<number> {
  const [row] = await db('rate_limit_buckets')
    .insert({ bucket, window_start: windowStart(now, windowMs), hits: 1 })
    .onConflict(['bucket', 'window_start'])
    .merge({ hits: db.raw('?? + 1', ['rate_limit_buckets.hits']) })
    .returning('hits');
  return Number((row as { hits: number | string }).hits);
}

/** Gives one attempt back (a successful sign-in does not count against its address). */
export async function refundAttempt(db: Queryable, bucket: string, windowMs: number, now = Date.now()): Promise<void> {
  await db('rate_limit_buckets')
    .where({ bucket, window_start: windowStart(now, windowMs) })
    .andWhere('hits', '>', 0)
    .decrement('hits', 1);
}

/** Forgets a bucket's attempts (after a successful sign-in with it). */
export async function clearBucket(db: Queryable, bucket: string): Promise<void> {
  await db('rate_limit_buckets').where({ bucket }).delete();
}

/** Deletes windows that ended before `before` (housekeeping). */
export async function pruneBuckets(db: Queryable, before: number): Promise<number> {
  return db('rate_limit_buckets').where('window_start', '<', before).delete();
}
