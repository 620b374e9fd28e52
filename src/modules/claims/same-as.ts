import type { Db } from '../../db/knex';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors';
import type { Actor, DomainEvents } from '../../events';
import type { Decision, DecisionsService } from '../verdicts';
import { lockClaims } from './claim-lock';
import * as claims from './claims-repository';
import type { Claim } from './claims-types';
import type { Viewer } from './read-policy';

/**
 * "The same claim as": an editor links a claim to an earlier published fact-check, whose verdict it
 * then shows; linked claims are other appearances of that fact-check (the reader module shows them,
 * ClaimReview lists them). Part of the claims service (claims-service.ts spreads these in).
 */
export function createSameAs(db: Db, decisions: DecisionsService, events: DomainEvents) {
  return {
    /**
     * An editor marks this claim as the same claim as an earlier published fact-check: it then
     * shows that verdict (readers see "first checked in …") without reviewers redoing the work.
     * Linking to a claim that is itself linked links to its original. Audited and kept in the
     * claim's history; undone by `unmarkSameAs`.
     */
    async markSameAs(claimId: number, targetClaimId: number, editor: Viewer, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        // Both claims' locks first (claim-lock.ts): two links made at once cannot build a chain,
        // and a decision cannot be published on the claim while it is being linked.
        await lockClaims(tx, [claimId, targetClaimId]);
        const claim = await claims.findClaim(tx, claimId);
        if (!claim) throw new NotFoundError('There is no such claim.');
        const named = await claims.findClaim(tx, targetClaimId);
        if (!named) throw new UnprocessableError(`There is no claim ${targetClaimId} to mark this one the same as.`);
        const targetId = named.sameAs ?? named.id;
        if (targetId === claimId) throw new UnprocessableError('A claim cannot be the same claim as itself.');
        const decided = await decisions.decisionsByClaim([claimId, targetId], tx);
        if (!decided.get(targetId)?.published) throw new UnprocessableError(`Claim ${targetId} has no published verdict to share; publish it first.`);
        if (decided.get(claimId)?.published)
          throw new ConflictError('This claim has its own published verdict; unpublish it before marking it as the same as another.');
        if ((await claims.listLinkedTo(tx, [claimId])).length > 0)
          throw new ConflictError('Other claims are marked as the same as this one; it cannot point at another.');
        if (claim.sameAs === targetId) return;
        await claims.setSameAs(tx, claimId, targetId);
        await claims.recordSameAsEvent(tx, { claimId, targetClaimId: targetId, action: 'linked', actorId: editor.id });
        await events.record(tx, { kind: 'claim.same_as', actor, claimId, sameAs: targetId });
      });
    },

    async unmarkSameAs(claimId: number, editor: Viewer, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await lockClaims(tx, [claimId]);
        const claim = await claims.findClaim(tx, claimId);
        if (!claim) throw new NotFoundError('There is no such claim.');
        if (claim.sameAs === null) throw new ConflictError('This claim is not marked as the same as another.');
        await claims.setSameAs(tx, claimId, null);
        await claims.recordSameAsEvent(tx, { claimId, targetClaimId: claim.sameAs, action: 'unlinked', actorId: editor.id });
        await events.record(tx, { kind: 'claim.same_as_removed', actor, claimId, was: claim.sameAs });
      });
    },

    /** The claims of an article marked as the same as an earlier fact-check. */
    async linkedIn(articleId: number): Promise<Claim[]> {
      return claims.listClaims(db, { articleId, sameAsOnly: true });
    },

    /** The other appearances of these fact-checks: claims marked as the same as them. */
    linkedTo(targetClaimIds: number[]) {
      return claims.listLinkedTo(db, targetClaimIds);
    },

    /** The published fact-check a claim is marked as the same as, or null (none, or no longer published). */
    async publishedTarget(
      claim: Claim,
      articleOf: (claim: Claim) => Promise<{ slug: string; title: string }>,
    ): Promise<{ claimId: number; article: { slug: string; title: string }; decision: Decision } | null> {
      if (claim.sameAs === null) return null;
      const decision = (await decisions.decisionsByClaim([claim.sameAs])).get(claim.sameAs);
      const target = decision?.published ? await claims.findClaim(db, claim.sameAs) : null;
      return target && decision ? { claimId: target.id, article: await articleOf(target), decision } : null;
    },
  };
}
