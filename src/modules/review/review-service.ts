import type { Db } from '../../db/knex';
import { groupBy } from '../../lib/collections';
import { NotFoundError } from '../../lib/errors';
import type { ArticlesService } from '../articles';
import { krippendorffAlphaFromPatterns, type Aggregate, type AlphaResult, type Decision, type DecisionInput, type DecisionsService } from '../verdicts';
import type { Actor } from '../../events';
import {
  claimExistsFor,
  claimReadPolicy,
  readableChecks,
  readableDecision,
  type Claim,
  type ClaimReadPolicy,
  type ClaimsService,
  type Revision,
  type SameAsEvent,
  type Viewer,
} from '../claims';
import { checksReader, distinctSources, type Check, type Source } from '../checks';
import { aggregateFromRow, articleRatingPatterns, storedAggregates } from './claim-stats';
import { queueSlice, type QueueQuery, type QueueSlice } from './review-queue';

export interface ClaimView {
  claim: Claim;
  article: { slug: string; title: string };
  /** What the read policy allows this viewer (claims' read-policy.ts); the presenter shows no more. */
  policy: ClaimReadPolicy;
  checks: Check[];
  ownCheck: Check | null;
  aggregate: Aggregate | null;
  decision: Decision | null;
  /** The sources behind a published decision, as frozen when it was published. */
  publicSources: Source[];
  history: { checks: Revision[]; decision: Revision[]; sameAs: SameAsEvent[] };
  /** The earlier fact-check this claim is marked as the same as, when its verdict is published. */
  sameAs: { claimId: number; article: { slug: string; title: string }; decision: Decision } | null;
}

export interface QueueItem {
  claim: Claim;
  article: { slug: string; title: string };
  aggregate: Aggregate;
  decision: Decision | null;
}

/** A claim with all its checks and its decision, for exports (which filter it through the read policy). */
export interface ClaimRecord {
  claim: Claim;
  checks: Check[];
  decision: Decision | null;
}

export type ReviewService = ReturnType<typeof createReviewService>;

/**
 * The review desk's read model and the editor's decision: a claim as a viewer may see it, the
 * queue, the reviewer's list of an article's claims, agreement, and the records exports stream.
 * Aggregates come from `claim_stats` (claim-stats.ts), the one place every screen reads them.
 */
export function createReviewService(db: Db, claims: ClaimsService, articles: ArticlesService, decisions: DecisionsService) {
  async function storedAggregateOf(claimId: number): Promise<Aggregate | null> {
    return (await storedAggregates(db, [claimId])).get(claimId) ?? null;
  }

  async function recordsOf(list: Claim[]): Promise<ClaimRecord[]> {
    const ids = list.map((c) => c.id);
    const [allChecks, found] = await Promise.all([checksReader.ofClaims(db, ids), decisions.decisionsByClaim(ids)]);
    const checksByClaim = groupBy(allChecks, (c) => c.claimId);
    return list.map((claim) => ({ claim, checks: checksByClaim.get(claim.id) ?? [], decision: found.get(claim.id) ?? null }));
  }

  return {
    /** What this viewer may see of a claim, decided by the read policy; anonymous readers get a 404 for an unpublished one. */
    async view(claimId: number, viewer: Viewer | null): Promise<ClaimView> {
      const claim = await claims.find(claimId);
      const decision = claim ? ((await decisions.decisionsByClaim([claimId])).get(claimId) ?? null) : null;
      if (!claim || !claimExistsFor(viewer, decision)) throw new NotFoundError('There is no published fact-check here.');
      const readable = readableChecks(viewer, await checksReader.ofClaims(db, [claimId]));
      const { policy } = readable;
      return {
        claim,
        article: await claims.articleOf(claim),
        policy,
        checks: readable.checks,
        ownCheck: readable.own,
        aggregate: policy.aggregate ? await storedAggregateOf(claimId) : null,
        decision: readableDecision(policy, decision),
        publicSources: decision?.published ? decision.evidence : [],
        history: {
          checks: await checksReader.revisionsOf(
            db,
            readable.checks.map((c) => c.id),
          ),
          decision: policy.decisionHistory ? await decisions.revisions(claimId) : [],
          sameAs: policy.decisionHistory ? await claims.sameAsHistory(claimId) : [],
        },
        sameAs: await claims.publishedTarget(claim, (c) => claims.articleOf(c)),
      };
    },

    /**
     * Whether this viewer may see what the claim's reviewers say among themselves (its discussion):
     * the read policy's rule for others' checks (editors; a reviewer once they have filed their own).
     * A claim that does not exist is a 404.
     */
    async mayReadOthers(claimId: number, viewer: Viewer): Promise<boolean> {
      return (await this.whoMayReadOthers(claimId, [viewer])).has(viewer.id);
    },

    /** Of these people, the ids of those the same rule lets read others' work on the claim (one read of its checks). */
    async whoMayReadOthers(claimId: number, people: Viewer[]): Promise<Set<number>> {
      if (!(await claims.find(claimId))) throw new NotFoundError('There is no such claim.');
      const filed = new Set((await checksReader.independentVerdicts(db, [claimId])).map((v) => v.reviewerId));
      return new Set(people.filter((p) => claimReadPolicy(p, filed.has(p.id)).checks === 'all').map((p) => p.id));
    },

    /** The editor's decision: the verdicts module decides; this module tells it the claim's evidence, inside its transaction. */
    async decide(claimId: number, raw: DecisionInput, editor: Viewer, actor: Actor): Promise<void> {
      await decisions.decide(claimId, raw, editor.id, actor, async (tx) => {
        const exists = await claims.lockForDecision(tx, claimId);
        if (!exists) return { exists, verdicts: [], sources: [], reviewerIds: [] };
        const current = await checksReader.ofClaims(tx, [claimId]);
        return { exists, verdicts: current.map((c) => c.independentVerdict), sources: distinctSources(current), reviewerIds: current.map((c) => c.reviewerId) };
      });
    },

    /**
     * One page of the review queue (disputed first by default), from the stored aggregates:
     * keyset-paginated, with the per-status counts from the database; the claims, decisions and
     * article titles are read for the page's claims only.
     */
    async queue(
      filter: Omit<QueueQuery, 'articleId'> & { articleSlug?: string },
    ): Promise<{ items: QueueItem[]; next: string | null; counts: QueueSlice['counts'] }> {
      const article = filter.articleSlug ? await articles.getBySlug(filter.articleSlug) : null;
      const slice = await queueSlice(db, { ...filter, articleId: article?.id });
      const ids = slice.rows.map((row) => Number(row.claim_id));
      const [list, decided] = await Promise.all([claims.list({ claimIds: ids }), decisions.decisionsByClaim(ids)]);
      const byId = new Map(list.map((claim) => [claim.id, claim]));
      const summaries = await articles.summariesOf(list.map((claim) => claim.articleId));
      const items = slice.rows
        .filter((row) => byId.has(Number(row.claim_id))) // a claim deleted between the two reads is left out
        .map((row) => {
          const claim = byId.get(Number(row.claim_id))!;
          const summary = summaries.get(claim.articleId)!;
          return { claim, article: { slug: summary.slug, title: summary.title }, aggregate: aggregateFromRow(row), decision: decided.get(claim.id) ?? null };
        });
      return { items, next: slice.next, counts: slice.counts };
    },

    /**
     * Claims of one article for a signed-in reviewer: whether they have checked each, and the
     * number of checks and the status only where they may see others' work (after their own
     * check, or as an editor): null before.
     */
    async forReviewer(
      articleId: number,
      viewer: Viewer,
    ): Promise<{ claim: Claim; checkedByMe: boolean; checks: number | null; status: Aggregate['status'] | null }[]> {
      const list = await claims.list({ articleId });
      const ids = list.map((c) => c.id);
      const [verdicts, aggregates] = await Promise.all([checksReader.independentVerdicts(db, ids), storedAggregates(db, ids)]);
      const verdictsByClaim = groupBy(verdicts, (v) => v.claimId);
      return list.map((claim) => {
        const all = verdictsByClaim.get(claim.id) ?? [];
        const checkedByMe = all.some((v) => v.reviewerId === viewer.id);
        const policy = claimReadPolicy(viewer, checkedByMe);
        const status = policy.aggregate ? (aggregates.get(claim.id)?.status ?? null) : null;
        return { claim, checkedByMe, checks: policy.othersFiled ? all.length : null, status };
      });
    },

    /** Every claim of an article (or these of it) with all its checks and its decision, for exports. */
    async records(articleId: number, onlyClaimIds?: number[]): Promise<ClaimRecord[]> {
      return recordsOf(await claims.list({ articleId, ...(onlyClaimIds ? { claimIds: onlyClaimIds } : {}) }));
    },

    /**
     * The same records as `records`, in the same order, a batch at a time (keyset over the
     * claims): what exports stream, so their memory does not grow with the archive. Every claim
     * of the site when no article is given. 100 a batch (bench/FINDINGS.md, streamed exports).
     */
    async *recordBatches(articleId: number | null, batchSize = 100): AsyncGenerator<ClaimRecord[]> {
      let after: { articleId: number; start: number; id: number } | undefined;
      for (;;) {
        const list = await claims.listAfter({ articleId: articleId ?? undefined, after, limit: batchSize });
        if (list.length === 0) return;
        yield await recordsOf(list);
        const last = list[list.length - 1];
        after = { articleId: last.articleId, start: last.start, id: last.id };
        if (list.length < batchSize) return;
      }
    },

    /** Krippendorff's alpha over every claim of the article (unverifiable = missing), from rating patterns the database counts. */
    async agreement(slug: string): Promise<AlphaResult & { claims: number; ratings: number }> {
      const article = await articles.getBySlug(slug);
      const { patterns, claims: count, ratings } = await articleRatingPatterns(db, article.id);
      return { ...krippendorffAlphaFromPatterns(patterns), claims: count, ratings };
    },
  };
}
