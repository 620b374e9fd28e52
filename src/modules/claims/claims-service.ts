import type { Db, Queryable } from '../../db/knex';
import { ConflictError } from '../../lib/errors';
import type { AnchoringCounts, ArticlesService, WrittenRevision } from '../articles';
import type { DecisionsService } from '../verdicts';
import type { DomainEvents } from '../../events';
import { createSameAs } from './same-as';
import { claimCreation } from './claim-creation';
import { reanchorArticle } from './reanchor-article';
import { lockClaims } from './claim-lock';
import * as claims from './claims-repository';
import type { CreateClaimInput } from './claims-schemas';
import type { Claim, SameAsEvent } from './claims-types';
import type { Viewer } from './read-policy';

export type ClaimsService = ReturnType<typeof createClaimsService>;

/**
 * Claims: their creation on a quote, their anchors across revisions and "the same claim as"
 * links. What reviewers and editors do with a claim (checks, the aggregate, the decision) is the
 * checks and review modules'; they read claims through these functions.
 */
export function createClaimsService(db: Db, articles: ArticlesService, decisions: DecisionsService, events: DomainEvents) {
  const sameAs = createSameAs(db, decisions, events);
  const createIn = claimCreation(db, articles, events);

  return {
    /** Re-anchors every claim of an article in a revision just written, inside its transaction (reanchor-article.ts). */
    reanchor: (tx: Queryable, revision: WrittenRevision): Promise<AnchoringCounts> => reanchorArticle(tx, revision, decisions, events),

    /** The same span is never stored twice: the existing claim comes back with created=false. */
    async create(slug: string, raw: CreateClaimInput, author: Viewer): Promise<{ claim: Claim; created: boolean }> {
      return createIn(await articles.getBySlug(slug), raw, author);
    },

    /** For many claims in one article (an import): the article is read once, each input still validated. */
    async inArticle(slug: string) {
      const article = await articles.getBySlug(slug);
      return { article, create: (raw: CreateClaimInput, author: Viewer) => createIn(article, raw, author) };
    },

    ...sameAs,

    /** The claim, read in the caller's transaction when one is given. */
    find: (claimId: number, tx: Queryable = db): Promise<Claim | null> => claims.findClaim(tx, claimId),

    /** Claims of an article, or these claims, in article and text order. */
    list: (filter: { articleId?: number; claimIds?: number[] }): Promise<Claim[]> => claims.listClaims(db, filter),

    /** Claims by id, in article and text order (for readers of published fact-checks). */
    byIds(claimIds: number[]): Promise<Claim[]> {
      return claimIds.length === 0 ? Promise.resolve([]) : claims.listClaims(db, { claimIds });
    },

    /** A page of claims in article and text order after a position (keyset), for streamed exports. */
    listAfter: (filter: { articleId?: number; after?: claims.ClaimPosition; limit: number }): Promise<Claim[]> => claims.listClaimsAfter(db, filter),

    /** Who linked the claim to another fact-check, and when (editors' history). */
    sameAsHistory: (claimId: number): Promise<SameAsEvent[]> => claims.listSameAsEvents(db, claimId),

    async articleOf(claim: Claim): Promise<{ slug: string; title: string }> {
      const row = await articles.summaryById(claim.articleId);
      return { slug: row.slug, title: row.title };
    },

    /**
     * A claim about to be decided, inside the decision's transaction: its lock first (claim-lock.ts),
     * so the evidence frozen is every check committed before it; refused while it is marked as the
     * same claim as another; its current quote confirmed as the one checked (deciding again after
     * the article changed confirms the verdict for the text as it is now). False when there is no
     * such claim.
     */
    async lockForDecision(tx: Queryable, claimId: number): Promise<boolean> {
      if (!(await lockClaims(tx, [claimId])).has(claimId)) return false;
      const linkedTo = (await claims.findClaim(tx, claimId))!.sameAs;
      if (linkedTo !== null)
        throw new ConflictError(
          `This claim is marked as the same claim as claim ${linkedTo} and shows its verdict; remove that mark before deciding this claim on its own.`,
        );
      await claims.confirmCurrentQuote(tx, claimId);
      return true;
    },
  };
}
