import type { DomainEvents } from '../../events';
import type { Db, Queryable } from '../../db/knex';
import { nowIso } from '../../db/time';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors';
import { parseInput } from '../../lib/parse';
import { lockClaims, type Viewer } from '../claims';
import * as checks from './checks-repository';
import { ALREADY_CHECKED, createCheckFiling, snapshot, type NewCheck } from './check-filing';
import { CheckInput, CheckUpdateInput } from './checks-schemas';
import type { Check, Source } from './checks-types';

export type ChecksService = ReturnType<typeof createChecksService>;

/** The sources cited across these checks, each address once (the first citation's title and stance). */
export function distinctSources(list: Check[]): Source[] {
  const seen = new Map<string, Source>();
  for (const source of list.flatMap((c) => c.sources)) if (!seen.has(source.url)) seen.set(source.url, source);
  return [...seen.values()];
}

async function load(db: Queryable, checkId: number): Promise<Check> {
  const found = await checks.findCheck(db, checkId);
  if (!found) throw new NotFoundError('There is no such check.');
  return found;
}

/**
 * Independence is kept measurable: a check's independent verdict is the verdict its author
 * reached before anyone else's check was visible to them. A reviewer sees the others as soon
 * as they have filed, so a verdict changed while other checks exist is a revision "after seeing
 * others": it is shown (to editors, with a mark) but the independent verdict stays. A verdict
 * changed while the author is still the only reviewer is still independent, and replaces it.
 */
function revisedVerdict(before: Check, after: Check['verdict'], othersExist: boolean, at: string) {
  if (after === before.verdict) return { independentVerdict: before.independentVerdict, revisedAfterOthersAt: before.revisedAfterOthersAt };
  if (othersExist) return { independentVerdict: before.independentVerdict, revisedAfterOthersAt: at };
  return { independentVerdict: after, revisedAfterOthersAt: before.revisedAfterOthersAt };
}

export function createChecksService(db: Db, events: DomainEvents) {
  /**
   * One check in its own transaction: the database's constraints answer "no such claim"
   * (foreign key) and "already checked" (unique index). Checks normally go through the group
   * commit (check-filing.ts); this is its fallback when a batch fails for a reason no look-up foresaw.
   */
  async function fileAlone({ claimId, reviewerId, input }: NewCheck): Promise<Check> {
    try {
      return await db.transaction(async (tx) => {
        if (!(await lockClaims(tx, [claimId])).has(claimId)) throw new NotFoundError('There is no such claim.');
        const id = await checks.insertCheck(tx, { claimId, reviewerId, verdict: input.verdict, confidence: input.confidence, rationale: input.rationale });
        await checks.insertSources(tx, id, input.sources);
        await checks.insertCheckRevision(tx, id, reviewerId, null, snapshot(input));
        await events.record(tx, { kind: 'checks.filed', checks: [{ id, claimId, reviewerId, content: input }] });
        return load(tx, id); // read in the transaction that wrote it: a failed read stores nothing
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(ALREADY_CHECKED);
      if (isForeignKeyViolation(error)) throw new NotFoundError('There is no such claim.');
      throw error;
    }
  }
  const filing = createCheckFiling(db, events, fileAlone);

  return {
    get: (checkId: number) => load(db, checkId),

    /**
     * One check per reviewer per claim; the check, its sources and its first revision are written
     * together, with the checks other reviewers file at the same moment (check-filing.ts). A check
     * on a published claim flags its decision as having new evidence (readers keep the frozen one).
     */
    async file(claimId: number, raw: CheckInput, reviewer: Viewer): Promise<Check> {
      return filing.file({ claimId, reviewerId: reviewer.id, input: parseInput(CheckInput, raw) });
    },

    /**
     * Only the author edits a check; the change is kept as a revision with before and after.
     * The check is read inside the transaction that writes it, so concurrent edits each record
     * the version they replaced.
     */
    async update(checkId: number, raw: CheckUpdateInput, author: Viewer): Promise<Check> {
      const input = parseInput(CheckUpdateInput, raw);
      const updated = await db.transaction(async (tx) => {
        // The claim's lock first (the rule of claim-lock.ts), then the check as it is now.
        await lockClaims(tx, [(await load(tx, checkId)).claimId]);
        await checks.lockCheck(tx, checkId);
        const before = await load(tx, checkId);
        if (before.reviewerId !== author.id) throw new ForbiddenError('Only the reviewer who filed a check can edit it.');
        const after = {
          verdict: input.verdict ?? before.verdict,
          confidence: input.confidence ?? before.confidence,
          rationale: input.rationale ?? before.rationale,
          sources: input.sources ?? before.sources,
        };
        const othersExist = after.verdict !== before.verdict && (await checks.countOtherChecks(tx, before.claimId, author.id)) > 0;
        await checks.updateCheck(tx, checkId, { ...after, ...revisedVerdict(before, after.verdict, othersExist, nowIso()) });
        if (input.sources) await checks.replaceSources(tx, checkId, input.sources);
        await checks.insertCheckRevision(tx, checkId, author.id, snapshot(before), snapshot(after));
        await events.record(tx, { kind: 'check.edited', checkId, claimId: before.claimId });
        return load(tx, checkId);
      });
      return updated;
    },
  };
}
