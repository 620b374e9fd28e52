import type { Queryable } from '../../db/knex';
import { nowIso } from '../../db/time';
import { UnprocessableError, ValidationError } from '../../lib/errors';
import { recordAuditEvent, type AuditContext } from '../audit';
import * as repo from './decisions-repository';
import type { DecisionInput } from './decisions-schemas';
import type { Decision, EvidenceSource } from './decisions-types';
import { VERDICT_LABEL, type Verdict } from './verdict-scale';

export interface DecisionContext {
  /** How many checks the claim has. */
  checks: number;
  /** The reviewers' consensus verdict (over their independent verdicts), when there is one. */
  consensus: Verdict | null;
  /** Every source the claim's checks cite now, once each: what a publication freezes. */
  sources: EvidenceSource[];
}

function snapshot(decision: Pick<Decision, 'verdict' | 'summary' | 'note' | 'published'>) {
  return { verdict: decision.verdict, summary: decision.summary, note: decision.note, published: decision.published };
}

/**
 * An editor's decision on a claim, inside the caller's transaction. The verdict may differ from
 * the reviewers' consensus only with a note saying why. Publishing keeps the first publication
 * date and freezes the evidence readers see (the checks' sources as of now); publishing again
 * takes in newer evidence and clears the "new evidence" flag. Every change is kept as a
 * revision, and publishing or unpublishing is audited in the same transaction.
 */
export async function decide(tx: Queryable, claimId: number, input: DecisionInput, editorId: number, context: DecisionContext, audit: AuditContext): Promise<void> {
  if (context.checks === 0) throw new UnprocessableError('This claim has no checks yet: a decision needs at least one reviewer’s check.');
  if (context.consensus && input.verdict !== context.consensus && !input.note) {
    throw new ValidationError(
      `note: the verdict differs from the reviewers’ consensus (${VERDICT_LABEL[context.consensus]}); say why in a note.`,
    );
  }
  const before = (await repo.findDecisions(tx, [claimId])).get(claimId) ?? null;
  const firstPublishedAt = before?.firstPublishedAt ?? (input.publish ? nowIso() : null);
  const after = { verdict: input.verdict, summary: input.summary, note: input.note, published: input.publish };
  await repo.saveDecision(tx, {
    claimId,
    ...after,
    decidedBy: editorId,
    firstPublishedAt,
    evidence: input.publish ? context.sources : (before?.evidence ?? []),
    newEvidenceAt: input.publish ? null : (before?.newEvidenceAt ?? null),
  });
  await repo.insertDecisionRevision(tx, claimId, editorId, before ? snapshot(before) : null, after);
  if (input.publish) await recordAuditEvent(tx, 'decision.published', audit, `claim ${claimId}`, { verdict: input.verdict, republished: before?.published ?? false });
  else if (before?.published) await recordAuditEvent(tx, 'decision.unpublished', audit, `claim ${claimId}`, { verdict: input.verdict });
}

export const findDecisions = repo.findDecisions;
export const listPublishedForArticle = repo.listPublishedForArticle;
export const listAllPublished = repo.listAllPublished;
export const listDecisionRevisions = repo.listDecisionRevisions;
export const flagNewEvidence = repo.flagNewEvidence;
