import type { Queryable } from '../../db/knex';
import { insertRevision, listRevisions, type Revision, type RevisionTable } from '../../db/revisions';
import { nowIso, toIso, toIsoOrNull } from '../../db/time';
import type { Decision, EvidenceSource, PublishedPosition } from './decisions-types';
import type { Verdict } from './verdict-scale';

interface DecisionRow {
  claim_id: number;
  verdict: Verdict;
  summary: string;
  note: string | null;
  published: boolean | number;
  first_published_at: unknown;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: unknown;
  evidence: string | null;
  new_evidence_at: unknown;
  needs_recheck_at: unknown;
}

function toDecision(row: DecisionRow): Decision {
  return {
    claimId: Number(row.claim_id),
    verdict: row.verdict,
    summary: row.summary,
    note: row.note,
    published: Boolean(row.published),
    firstPublishedAt: toIsoOrNull(row.first_published_at),
    decidedBy: row.decided_by === null ? null : Number(row.decided_by),
    decidedByName: row.decided_by_name,
    decidedAt: toIso(row.decided_at),
    evidence: row.evidence ? (JSON.parse(row.evidence) as EvidenceSource[]) : [],
    newEvidenceAt: toIsoOrNull(row.new_evidence_at),
    needsRecheckAt: toIsoOrNull(row.needs_recheck_at),
  };
}

function decisionsQuery(db: Queryable) {
  return db('decisions').leftJoin('users', 'users.id', 'decisions.decided_by').select('decisions.*', 'users.display_name as decided_by_name');
}

export async function findDecisions(db: Queryable, claimIds: number[]): Promise<Map<number, Decision>> {
  if (claimIds.length === 0) return new Map();
  const rows: DecisionRow[] = await decisionsQuery(db).whereIn('decisions.claim_id', claimIds);
  return new Map(rows.map((row) => [Number(row.claim_id), toDecision(row)]));
}

export async function listPublishedForArticle(db: Queryable, articleId: number): Promise<Decision[]> {
  const rows: DecisionRow[] = await decisionsQuery(db)
    .join('claims', 'claims.id', 'decisions.claim_id')
    .where({ 'claims.article_id': articleId, 'decisions.published': true })
    .orderBy('claims.start_offset');
  return rows.map(toDecision);
}

/**
 * Up to `limit` published decisions with their claims' articles, newest first publication first,
 * after `after` (the site-wide ClaimReview feed; keyset, stable as decisions are published).
 */
export async function listPublishedAfter(db: Queryable, after: PublishedPosition | undefined, limit: number): Promise<(Decision & { articleId: number })[]> {
  const query = decisionsQuery(db)
    .join('claims', 'claims.id', 'decisions.claim_id')
    .where('decisions.published', true)
    .select('claims.article_id')
    .orderBy([
      { column: 'decisions.first_published_at', order: 'desc' },
      { column: 'decisions.claim_id', order: 'desc' },
    ])
    .limit(limit);
  // Row values, so the decisions_published_order index is sought to the cursor (see claims' listClaimsAfter).
  if (after) query.whereRaw('(decisions.first_published_at, decisions.claim_id) < (?, ?)', [after.publishedAt, after.claimId]);
  const rows: (DecisionRow & { article_id: number })[] = await query;
  return rows.map((row) => ({ ...toDecision(row), articleId: Number(row.article_id) }));
}

export async function saveDecision(
  db: Queryable,
  decision: {
    claimId: number;
    verdict: Verdict;
    summary: string;
    note: string | null;
    published: boolean;
    decidedBy: number;
    firstPublishedAt: string | null;
    evidence: EvidenceSource[];
    newEvidenceAt: string | null;
  },
): Promise<void> {
  await db('decisions')
    .insert({
      claim_id: decision.claimId,
      verdict: decision.verdict,
      summary: decision.summary,
      note: decision.note,
      published: decision.published,
      first_published_at: decision.firstPublishedAt,
      decided_by: decision.decidedBy,
      decided_at: nowIso(),
      evidence: JSON.stringify(decision.evidence),
      new_evidence_at: decision.newEvidenceAt,
      needs_recheck_at: null,
    })
    .onConflict('claim_id')
    .merge();
}

/** Marks published decisions as having new evidence (checks filed or changed since); nothing happens to unpublished ones. */
export async function flagNewEvidence(db: Queryable, claimIds: number[]): Promise<void> {
  for (let i = 0; i < claimIds.length; i += 500)
    await db('decisions')
      .whereIn('claim_id', claimIds.slice(i, i + 500))
      .where({ published: true })
      .whereNull('new_evidence_at')
      .update({ new_evidence_at: nowIso() });
}

const DECISION_REVISIONS: RevisionTable = { table: 'decision_revisions', subject: 'claim_id' };

export function insertDecisionRevision(db: Queryable, claimId: number, changedBy: number, before: unknown, after: unknown): Promise<void> {
  return insertRevision(db, DECISION_REVISIONS, claimId, changedBy, before, after);
}

export function listDecisionRevisions(db: Queryable, claimId: number): Promise<Revision[]> {
  return listRevisions(db, DECISION_REVISIONS, [claimId]);
}

/** Marks published decisions whose claim changed or vanished in a new revision of the article (until an editor decides again). */
export async function flagNeedsRecheck(db: Queryable, claimIds: number[]): Promise<void> {
  for (let i = 0; i < claimIds.length; i += 500)
    await db('decisions')
      .whereIn('claim_id', claimIds.slice(i, i + 500))
      .where({ published: true })
      .whereNull('needs_recheck_at')
      .update({ needs_recheck_at: nowIso() });
}
