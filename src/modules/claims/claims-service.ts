import type { Db, Queryable } from '../../db/knex';
import { groupBy } from '../../lib/collections';
import { ConflictError, NotFoundError } from '../../lib/errors';
import type { AnchoringCounts, ArticlesService, WrittenRevision } from '../articles';
import {
  type DecisionInput,
  krippendorffAlphaFromPatterns,
  type DecisionsService,
  type Aggregate,
  type AlphaResult,
  type Decision,
} from '../verdicts';
import { createSameAs } from './same-as';
import { claimCreation } from './claim-creation';
import { reanchorArticle } from './reanchor-article';
import type { Actor, DomainEvents } from '../../events';
import * as checks from './checks-repository';
import { lockClaims } from './claim-lock';
import { aggregateFromRow, articleRatingPatterns, storedAggregates } from './claim-stats';
import { queueSlice, type QueueQuery, type QueueSlice } from './review-queue';
import * as claims from './claims-repository';
import type { CreateClaimInput } from './claims-schemas';
import type { Check, Claim, Revision, Source } from './claims-types';
import { claimExistsFor, claimReadPolicy, readableChecks, readableDecision, type ClaimReadPolicy, type Viewer } from './read-policy';

export interface ClaimView {
  claim: Claim;
  article: { slug: string; title: string };
  /** What the read policy allows this viewer (read-policy.ts); the presenter shows no more. */
  policy: ClaimReadPolicy;
  checks: Check[];
  ownCheck: Check | null;
  aggregate: Aggregate | null;
  decision: Decision | null;
  /** The sources behind a published decision, as frozen when it was published. */
  publicSources: Source[];
  history: { checks: Revision[]; decision: Revision[]; sameAs: claims.SameAsEvent[] };
  /** The earlier fact-check this claim is marked as the same as, when its verdict is published. */
  sameAs: { claimId: number; article: { slug: string; title: string }; decision: Decision } | null;
}

export function distinctSources(list: Check[]): Source[] {
  const seen = new Map<string, Source>();
  for (const source of list.flatMap((c) => c.sources)) if (!seen.has(source.url)) seen.set(source.url, source);
  return [...seen.values()];
}

export interface QueueItem {
  claim: Claim;
  article: { slug: string; title: string };
  aggregate: Aggregate;
  decision: Decision | null;
}

export type ClaimsService = ReturnType<typeof createClaimsService>;

export function createClaimsService(
  db: Db,
  articles: ArticlesService,
  decisions: DecisionsService,
  events: DomainEvents,
) {
  async function articleOf(claim: Claim): Promise<{ slug: string; title: string }> {
    const row = await articles.summaryById(claim.articleId);
    return { slug: row.slug, title: row.title };
  }

  const sameAs = createSameAs(db, decisions, events);

  /** The claim's stored aggregate, the one the queue ranks by (claim-stats.ts). */
  async function storedAggregateOf(claimId: number): Promise<Aggregate | null> {
    return (await storedAggregates(db, [claimId])).get(claimId) ?? null;
  }

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

    /** What this viewer may see of a claim, decided by the read policy; anonymous readers get a 404 for an unpublished one. */
    async view(claimId: number, viewer: Viewer | null): Promise<ClaimView> {
      const claim = await claims.findClaim(db, claimId);
      const decision = claim ? ((await decisions.forClaims([claimId])).get(claimId) ?? null) : null;
      if (!claim || !claimExistsFor(viewer, decision)) throw new NotFoundError('There is no published fact-check here.');
      const allChecks = await checks.listChecks(db, [claimId]);
      const readable = readableChecks(viewer, allChecks);
      const { policy } = readable;
      return {
        claim,
        article: await articleOf(claim),
        policy,
        checks: readable.checks,
        ownCheck: readable.own,
        aggregate: policy.aggregate ? await storedAggregateOf(claimId) : null,
        decision: readableDecision(policy, decision),
        publicSources: decision?.published ? decision.evidence : [],
        history: {
          checks: await checks.listCheckRevisions(
            db,
            readable.checks.map((c) => c.id),
          ),
          decision: policy.decisionHistory ? await decisions.revisions(claimId) : [],
          sameAs: policy.decisionHistory ? await claims.listSameAsEvents(db, claimId) : [],
        },
        sameAs: await sameAs.publishedTarget(claim, articleOf),
      };
    },

    ...sameAs,

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
      if (!(await claims.findClaim(db, claimId))) throw new NotFoundError('There is no such claim.');
      const filed = new Set((await checks.listVerdicts(db, [claimId])).map((v) => v.reviewerId));
      return new Set(people.filter((p) => claimReadPolicy(p, filed.has(p.id)).checks === 'all').map((p) => p.id));
    },

    /** The editor's decision: the verdicts module decides; this module tells it the claim's evidence, inside its transaction. */
    async decide(claimId: number, raw: DecisionInput, editor: Viewer, actor: Actor): Promise<void> {
      await decisions.decide(claimId, raw, editor.id, actor, async (tx) => {
        // The claim's lock first (claim-lock.ts): the evidence frozen is every check committed before it.
        const exists = (await lockClaims(tx, [claimId])).has(claimId);
        if (!exists) return { exists, verdicts: [], sources: [], reviewerIds: [] };
        const linkedTo = (await claims.findClaim(tx, claimId))!.sameAs;
        if (linkedTo !== null)
          throw new ConflictError(
            `This claim is marked as the same claim as claim ${linkedTo} and shows its verdict; remove that mark before deciding this claim on its own.`,
          );
        // Deciding again after the article changed confirms the verdict for the text as it is now.
        await claims.confirmCurrentQuote(tx, claimId);
        const current = await checks.listChecks(tx, [claimId]);
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
      const [list, decided] = await Promise.all([claims.listClaims(db, { claimIds: ids }), decisions.forClaims(ids)]);
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
      const list = await claims.listClaims(db, { articleId });
      const ids = list.map((c) => c.id);
      const [verdicts, aggregates] = await Promise.all([checks.listVerdicts(db, ids), storedAggregates(db, ids)]);
      const verdictsByClaim = groupBy(verdicts, (v) => v.claimId);
      return list.map((claim) => {
        const all = verdictsByClaim.get(claim.id) ?? [];
        const checkedByMe = all.some((v) => v.reviewerId === viewer.id);
        const policy = claimReadPolicy(viewer, checkedByMe);
        const status = policy.aggregate ? (aggregates.get(claim.id)?.status ?? null) : null;
        return { claim, checkedByMe, checks: policy.othersFiled ? all.length : null, status };
      });
    },

    /** Claims by id, in article and text order (for readers of published fact-checks). */
    byIds(claimIds: number[]): Promise<Claim[]> {
      return claimIds.length === 0 ? Promise.resolve([]) : claims.listClaims(db, { claimIds });
    },

    /**
     * Every claim of an article with all its checks and its decision, for exports. The caller
     * must filter what it shows through the read policy (read-policy.ts).
     */
    async records(articleId: number, onlyClaimIds?: number[]): Promise<{ claim: Claim; checks: Check[]; decision: Decision | null }[]> {
      const list = await claims.listClaims(db, { articleId, ...(onlyClaimIds ? { claimIds: onlyClaimIds } : {}) });
      const ids = list.map((c) => c.id);
      const [allChecks, found] = await Promise.all([checks.listChecks(db, ids), decisions.forClaims(ids)]);
      const checksByClaim = groupBy(allChecks, (c) => c.claimId);
      return list.map((claim) => ({ claim, checks: checksByClaim.get(claim.id) ?? [], decision: found.get(claim.id) ?? null }));
    },

    /**
     * The same records as `records`, in the same order, a batch at a time (keyset over the
     * claims): what exports stream, so their memory does not grow with the archive. Every claim
     * of the site when no article is given. 100 a batch: as fast as 500 now that each page is an
     * index seek, and a batch's objects are what is alive when V8 collects the young generation,
     * so smaller batches promote less garbage to the old one (bench/FINDINGS.md: the server's
     * growth during the export of 100,000 claims went from 60–100 MB to under 20).
     */
    async *recordBatches(articleId: number | null, batchSize = 100): AsyncGenerator<{ claim: Claim; checks: Check[]; decision: Decision | null }[]> {
      let after: claims.ClaimPosition | undefined;
      for (;;) {
        const list = await claims.listClaimsAfter(db, { articleId: articleId ?? undefined, after, limit: batchSize });
        if (list.length === 0) return;
        const ids = list.map((c) => c.id);
        const [allChecks, found] = await Promise.all([checks.listChecks(db, ids), decisions.forClaims(ids)]);
        const checksByClaim = groupBy(allChecks, (c) => c.claimId);
        yield list.map((claim) => ({ claim, checks: checksByClaim.get(claim.id) ?? [], decision: found.get(claim.id) ?? null }));
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
