import type { Db } from '../../db/knex';
import { readSetting, writeSetting } from '../../db/settings';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { rebuildClaimStats, verifyClaimStats, type StatsDeps } from './claim-stats';

const STATS_USAGE = 'usage: stats verify | stats rebuild';
/** The MIN_REVIEWS_FOR_CONSENSUS the stored statuses were computed with. */
const STATS_SETTING = 'claim_stats_min_reviews';
const SHOWN_DRIFT = 20;

/**
 * `stats verify` recomputes every claim's aggregate from its checks and decision and reports any
 * difference from the stored one (exit 1 when there is drift); `stats rebuild` stores the
 * recomputed ones.
 */
export async function runStatsCommand(db: Db, args: string[], deps: StatsDeps, out: (line: string) => void): Promise<number> {
  if (args[1] === 'verify') {
    const { claims, drift } = await verifyClaimStats(db, deps);
    out(`checked the stored aggregates of ${claims} claims: ${drift.length === 0 ? 'no drift' : `${drift.length} differences`}`);
    for (const d of drift.slice(0, SHOWN_DRIFT))
      out(`  claim ${d.claimId} ${d.field}: stored ${JSON.stringify(d.stored)}, recomputed ${JSON.stringify(d.recomputed)}`);
    if (drift.length > SHOWN_DRIFT) out(`  … and ${drift.length - SHOWN_DRIFT} more (stats rebuild repairs them)`);
    return drift.length === 0 ? 0 : 1;
  }
  if (args[1] === 'rebuild') {
    const claims = await rebuildClaimStats(db, deps);
    await writeSetting(db, STATS_SETTING, String(deps.minOrdinalChecks));
    out(`stored the aggregates of ${claims} claims`);
    return 0;
  }
  throw new AppError(400, 'usage', STATS_USAGE);
}

/**
 * At start-up: fills the stored aggregates when they were computed with another
 * MIN_REVIEWS_FOR_CONSENSUS, or never (the first start after the upgrade that added them).
 */
export async function ensureClaimStats(db: Db, deps: StatsDeps, logger: Logger): Promise<void> {
  if ((await readSetting(db, STATS_SETTING)) === String(deps.minOrdinalChecks)) return;
  const claims = await rebuildClaimStats(db, deps);
  await writeSetting(db, STATS_SETTING, String(deps.minOrdinalChecks));
  if (claims > 0) logger.info({ claims, minReviews: deps.minOrdinalChecks }, 'recomputed the stored claim aggregates');
}
