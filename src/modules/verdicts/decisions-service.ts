import type { Db, Queryable } from '../../db/knex';
import { nowIso } from '../../db/time';
import { NotFoundError, UnprocessableError, ValidationError } from '../../lib/errors';
import { parseInput } from '../../lib/parse';
import { recordAuditEvent, type AuditContext } from '../audit';
import { aggregateVerdicts } from './aggregation';
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
}

function snapshot(decision: Pick<Decision, 'verdict' | 'summary' | 'note' | 'published'>) {
  return { verdict: decision.verdict, summary: decision.summary, note: decision.note, published: decision.published };
}

export type DecisionsService = ReturnType<typeof createDecisionsService>;

/**
 * Editors' decisions: the verdicts module decides, publishes and audits; the claims module only
 * answers "what is the evidence" (ClaimEvidence) inside the same transaction.
 */
export function createDecisionsService(db: Db, options: { minOrdinalChecks: number }) {
  return {
    /** Ordinal checks a claim needs before it has a consensus (MIN_REVIEWS_FOR_CONSENSUS). */
    minOrdinalChecks: options.minOrdinalChecks,

    forClaims(claimIds: number[], q: Queryable = db): Promise<Map<number, Decision>> {
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

    /** The article changed under these claims' quotes: their published decisions need an editor again (same transaction). */
    flagNeedsRecheck(tx: Queryable, claimIds: number[]): Promise<void> {
      return claimIds.length ? repo.flagNeedsRecheck(tx, claimIds) : Promise.resolve();
    },

    /** Checks were filed or changed: a published decision on each claim gets the "new evidence" mark (same transaction). */
    flagNewEvidence(tx: Queryable, claimIds: number[]): Promise<void> {
      return repo.flagNewEvidence(tx, claimIds);
    },

    /**
     * The editor's verdict, summary and publication, in one transaction with its revision, its
     * frozen evidence and its audit event. The verdict may differ from the reviewers' consensus
     * only with a note saying why. Publishing keeps the first publication date and freezes the
     * evidence readers see; publishing again takes in newer evidence and clears the "new
     * evidence" mark. Only publishing, or unpublishing what was published, is audited.
     */
    async decide(
      claimId: number,
      raw: DecisionInput,
      editorId: number,
      audit: AuditContext,
      evidenceOf: (tx: Queryable) => Promise<ClaimEvidence>,
      /** Runs in the transaction once the decision is written (the claims module refreshes its stored aggregate). */
      afterSave: (tx: Queryable) => Promise<void> = async () => {},
    ): Promise<void> {
      const input = parseInput(DecisionInput, raw);
      await db.transaction(async (tx) => {
        const evidence = await evidenceOf(tx);
        if (!evidence.exists) throw new NotFoundError('There is no such claim.');
        if (evidence.verdicts.length === 0) throw new UnprocessableError('This claim has no checks yet: a decision needs at least one reviewer’s check.');
        const consensus = aggregateVerdicts(evidence.verdicts, { minOrdinalChecks: options.minOrdinalChecks, published: false }).verdict;
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
        await afterSave(tx);
        if (input.publish)
          await recordAuditEvent(tx, 'decision.published', audit, `claim ${claimId}`, { verdict: input.verdict, republished: before?.published ?? false });
        else if (before?.published) await recordAuditEvent(tx, 'decision.unpublished', audit, `claim ${claimId}`, { verdict: input.verdict });
      });
    },
  };
}
