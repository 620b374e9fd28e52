import type { Db } from '../../db/knex';
import type { ChangeFeed } from '../../lib/change-feed';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors';
import * as checks from './checks-repository';
import type { CheckInput, CheckUpdateInput } from './claims-schemas';
import type { Check } from './claims-types';
import type { Viewer } from './visibility';

function snapshot(check: Pick<Check, 'verdict' | 'confidence' | 'rationale' | 'sources'>) {
  return { verdict: check.verdict, confidence: check.confidence, rationale: check.rationale, sources: check.sources };
}

export type ChecksService = ReturnType<typeof createChecksService>;

export function createChecksService(db: Db, feed?: ChangeFeed) {
  async function load(checkId: number): Promise<Check> {
    const owner = await checks.findCheckOwner(db, checkId);
    const found = owner ? (await checks.listChecks(db, [owner.claimId])).find((c) => c.id === checkId) : undefined;
    if (!found) throw new NotFoundError('There is no such check.');
    return found;
  }

  return {
    get: load,

    /**
     * One check per reviewer per claim; the check, its sources and its first revision are written
     * together. The database's constraints answer "no such claim" (foreign key) and "already
     * checked" (unique index), so the hot path runs no look-up before its insert.
     */
    async file(claimId: number, input: CheckInput, reviewer: Viewer): Promise<Check> {
      let checkId: number;
      try {
        checkId = await db.transaction(async (tx) => {
          const id = await checks.insertCheck(tx, { claimId, reviewerId: reviewer.id, verdict: input.verdict, confidence: input.confidence, rationale: input.rationale });
          await checks.insertSources(tx, id, input.sources);
          await checks.insertCheckRevision(tx, id, reviewer.id, null, snapshot(input));
          return id;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('You have already checked this claim; edit your check instead.');
        if (isForeignKeyViolation(error)) throw new NotFoundError('There is no such claim.');
        throw error;
      }
      feed?.publicContentChanged('check'); // a published claim shows its checks' sources
      return load(checkId);
    },

    /** Only the author edits a check; the change is kept as a revision with before and after. */
    async update(checkId: number, input: CheckUpdateInput, author: Viewer): Promise<Check> {
      const before = await load(checkId);
      if (before.reviewerId !== author.id) throw new ForbiddenError('Only the reviewer who filed a check can edit it.');
      const after = {
        verdict: input.verdict ?? before.verdict,
        confidence: input.confidence ?? before.confidence,
        rationale: input.rationale ?? before.rationale,
        sources: input.sources ?? before.sources,
      };
      await db.transaction(async (tx) => {
        await checks.updateCheck(tx, checkId, { verdict: after.verdict, confidence: after.confidence, rationale: after.rationale });
        if (input.sources) await checks.replaceSources(tx, checkId, input.sources);
        await checks.insertCheckRevision(tx, checkId, author.id, snapshot(before), snapshot(after));
      });
      feed?.publicContentChanged('check');
      return load(checkId);
    },
  };
}
