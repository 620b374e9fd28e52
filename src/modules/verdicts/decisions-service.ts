import type { Db, Queryable } from '../../db/knex';
import { nowIso } from '../../db/time';
import { NotFoundError, UnprocessableError, ValidationError } from '../../lib/errors';
import { parseInput } from '../../lib/parse';
import type { Actor, DomainEvents, EventSubscriber } from '../../events';
import { claimAggregate } from './aggregation';
import * as repo from './decisions-repository';
import { DecisionInput } from './decisions-schemas';
import type { Decision, EvidenceSource, PublishedPosition } from './decisions-types';
import { VERDICT_LABEL, type Verdict } from './verdict-scale';

/** What a decision needs to know about its claim, read inside the decision's transaction by the module that owns claims. */
export interface ClaimEvidence {
  exists: boolean;
  /** The reviewers' independent verdicts. */
  verdicts: Verdict[];
  /** Every source the claim's checks cite now, once each: what a publication freezes. */
  sources: EvidenceSource[];
  /** Who filed those checks: they hear when a verdict is published. */
  reviewerIds: number[];
}

function snapshot(decision: Pick<Decision, 'verdict' | 'summary' | 'note' | 'published'>) {
  return { verdict: decision.verdict, summary: decision.summary, note: decision.note, published: decision.published };
}

export type DecisionsReader = ReturnType<typeof decisionsReader>;
export type DecisionsService = ReturnType<typeof createDecisionsService>;

/** The decisions as they are, for those who only read them (stored aggregates, exports). */
export function decisionsReader(db: Db, options: { minOrdinalChecks: number }) {
  return {
    /** Ordinal checks a claim needs before it has a consensus (MIN_REVIEWS_FOR_CONSENSUS). */
    minOrdinalChecks: options.minOrdinalChecks,

    /** Each of these claims' decision, by claim id (claims without one are absent), in `q` when it is a transaction. */
    decisionsByClaim(claimIds: number[], q: Queryable = db): Promise<Map<number, Decision>> {
      return repo.findDecisions(q, claimIds);
    },

    publishedForArticle(articleId: number): Promise<Decision[]> {
      return repo.listPublishedForArticle(db, articleId);
    },

    /** A page of published decisions, newest first publication first, after a position of the page before. */
    publishedAfter(after: PublishedPosition | undefined, limit: number): Promise<(Decision & { articleId: number })[]> {
      return repo.listPublishedAfter(db, after, limit);
    },

    revisions(claimId: number) {
      return repo.listDecisionRevisions(db, claimId);
    },
  };
}

/**
 * A published decision learns of checks filed or edited after it ("new evidence": readers keep the
 * frozen one) and of an article that changed under its quote ("needs recheck"), in the
 * transaction of that change. It runs before the stored aggregates, which rank by both marks.
 */
export const decisionMarksSubscriber: EventSubscriber = {
  name: 'decision marks',
  async inTransaction(tx, event) {
    if (event.kind === 'checks.filed') await repo.flagNewEvidence(tx, [...new Set(event.checks.map((c) => c.claimId))]);
    else if (event.kind === 'check.edited') await repo.flagNewEvidence(tx, [event.claimId]);
    else if (event.kind === 'claims.need_recheck' && event.claimIds.length > 0) await repo.flagNeedsRecheck(tx, event.claimIds);
  },
};

/**
 * Editors' decisions: the verdicts module decides and records what it decided (`decision.saved`:
 * audit, webhooks, notifications and the stored aggregate follow); the claims module only
 * answers "what is the evidence" (ClaimEvidence) inside the same transaction.
 */
export function createDecisionsService(db: Db, options: { minOrdinalChecks: number }, events: DomainEvents) {
  return {
    ...decisionsReader(db, options),

    /**
     * The editor's verdict, summary and publication, in one transaction with its revision, its
     * frozen evidence and the `decision.saved` event. The verdict may differ from the reviewers' consensus
     * only with a note saying why. Publishing keeps the first publication date and freezes the
     * evidence readers see; publishing again takes in newer evidence and clears the "new
     * evidence" mark. Only publishing, or unpublishing what was published, is audited.
     */
    async decide(claimId: number, raw: DecisionInput, editorId: number, actor: Actor, evidenceOf: (tx: Queryable) => Promise<ClaimEvidence>): Promise<void> {
      const input = parseInput(DecisionInput, raw);
      await db.transaction(async (tx) => {
        const evidence = await evidenceOf(tx);
        if (!evidence.exists) throw new NotFoundError('There is no such claim.');
        if (evidence.verdicts.length === 0) throw new UnprocessableError('This claim has no checks yet: a decision needs at least one reviewer’s check.');
        const consensus = claimAggregate(evidence.verdicts, null, options.minOrdinalChecks).verdict;
        if (consensus && input.verdict !== consensus && !input.note) {
          throw new ValidationError(`note: the verdict differs from the reviewers’ consensus (${VERDICT_LABEL[consensus]}); say why in a note.`);
        }
        const before = (await repo.findDecisions(tx, [claimId])).get(claimId) ?? null;
        const after = { verdict: input.verdict, summary: input.summary, note: input.note, published: input.publish };
        await repo.saveDecision(tx, {
          claimId,
          ...after,
          decidedBy: editorId,
          firstPublishedAt: before?.firstPublishedAt ?? (input.publish ? nowIso() : null),
          evidence: input.publish ? evidence.sources : (before?.evidence ?? []),
          newEvidenceAt: input.publish ? null : (before?.newEvidenceAt ?? null),
        });
        await repo.insertDecisionRevision(tx, claimId, editorId, before ? snapshot(before) : null, after);
        await events.record(tx, {
          kind: 'decision.saved',
          actor,
          claimId,
          decidedBy: editorId,
          verdict: input.verdict,
          summary: input.summary,
          note: input.note ?? null,
          published: input.publish,
          wasPublished: before?.published ?? false,
          reviewerIds: evidence.reviewerIds,
        });
      });
    },
  };
}
