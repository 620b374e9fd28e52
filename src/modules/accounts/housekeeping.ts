import type { Queryable } from '../../db/knex';
import type { Logger } from '../../lib/logger';
import { startPeriodic } from '../../lib/periodic';
import { pruneBuckets } from './attempts-repository';
import { REGISTRATION_WINDOW_MS } from './sign-in-limits';

export const HOUSEKEEPING_EVERY_MS = 10 * 60_000;

/** Deletes expired sessions and attempt windows that can no longer matter. */
export async function housekeep(db: Queryable, now = Date.now()): Promise<{ sessions: number; buckets: number }> {
  const sessions = await db('sessions').where('expires_at', '<=', now).delete();
  const buckets = await pruneBuckets(db, now - 2 * REGISTRATION_WINDOW_MS);
  return { sessions, buckets };
}

/** Runs housekeeping in the background, every ten minutes (and once soon after start); returns a stop function. */
export function startHousekeeping(db: Queryable, logger: Logger, everyMs = HOUSEKEEPING_EVERY_MS): () => void {
  return startPeriodic('housekeeping', () => housekeep(db), logger, everyMs);
}
