import type { Queryable } from '../../db/knex';
import { groupBy } from '../../lib/collections';
import { nowIso, toIso } from '../../db/time';
import type { Confidence, Verdict } from '../verdicts';
import type { Check, Revision, Source } from './claims-types';

interface CheckRow {
  id: number;
  claim_id: number;
  reviewer_id: number;
  reviewer_name: string;
  verdict: Verdict;
  confidence: Confidence;
  rationale: string;
  created_at: unknown;
  updated_at: unknown;
}

export async function listChecks(db: Queryable, claimIds: number[]): Promise<Check[]> {
  if (claimIds.length === 0) return [];
  const rows: CheckRow[] = await db('checks')
    .join('users', 'users.id', 'checks.reviewer_id')
    .whereIn('checks.claim_id', claimIds)
    .orderBy('checks.id')
    .select('checks.*', 'users.display_name as reviewer_name');
  const sources = rows.length
    ? await db('check_sources').whereIn('check_id', rows.map((row) => row.id)).orderBy(['check_id', 'position'])
    : [];
  const sourcesByCheck = groupBy(sources as (Source & { check_id: number })[], (source) => Number(source.check_id));
  return rows.map((row) => ({
    id: Number(row.id),
    claimId: Number(row.claim_id),
    reviewerId: Number(row.reviewer_id),
    reviewerName: row.reviewer_name,
    verdict: row.verdict,
    confidence: row.confidence,
    rationale: row.rationale,
    sources: (sourcesByCheck.get(Number(row.id)) ?? []).map((source: Source) => ({ url: source.url, title: source.title, stance: source.stance, quote: source.quote })),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}

/** Verdicts only, for aggregation over many claims (the review queue, agreement). */
export async function listVerdicts(db: Queryable, claimIds: number[]): Promise<{ claimId: number; reviewerId: number; verdict: Verdict }[]> {
  if (claimIds.length === 0) return [];
  const rows = await db('checks').whereIn('claim_id', claimIds).select('claim_id', 'reviewer_id', 'verdict');
  return rows.map((row: { claim_id: number; reviewer_id: number; verdict: Verdict }) => ({ claimId: Number(row.claim_id), reviewerId: Number(row.reviewer_id), verdict: row.verdict }));
}

export async function findCheckOwner(db: Queryable, checkId: number): Promise<{ claimId: number; reviewerId: number } | null> {
  const row = await db('checks').where({ id: checkId }).first('claim_id', 'reviewer_id');
  return row ? { claimId: Number(row.claim_id), reviewerId: Number(row.reviewer_id) } : null;
}

export async function insertCheck(
  db: Queryable,
  check: { claimId: number; reviewerId: number; verdict: Verdict; confidence: Confidence; rationale: string },
): Promise<number> {
  const now = nowIso();
  const [row] = await db('checks')
    .insert({ claim_id: check.claimId, reviewer_id: check.reviewerId, verdict: check.verdict, confidence: check.confidence, rationale: check.rationale, created_at: now, updated_at: now })
    .returning('id');
  return Number((row as { id: number }).id);
}

export async function updateCheck(db: Queryable, checkId: number, fields: { verdict: Verdict; confidence: Confidence; rationale: string }): Promise<void> {
  await db('checks').where({ id: checkId }).update({ ...fields, updated_at: nowIso() });
}

export async function insertSources(db: Queryable, checkId: number, sources: Source[]): Promise<void> {
  await db('check_sources').insert(sources.map((source, position) => ({ check_id: checkId, position, ...source })));
}

export async function replaceSources(db: Queryable, checkId: number, sources: Source[]): Promise<void> {
  await db('check_sources').where({ check_id: checkId }).delete();
  await insertSources(db, checkId, sources);
}

export async function insertCheckRevision(db: Queryable, checkId: number, changedBy: number, before: unknown, after: unknown): Promise<void> {
  await db('check_revisions').insert({
    check_id: checkId,
    changed_by: changedBy,
    changed_at: nowIso(),
    before: before === null ? null : JSON.stringify(before),
    after: JSON.stringify(after),
  });
}

export async function listCheckRevisions(db: Queryable, checkIds: number[]): Promise<Revision[]> {
  if (checkIds.length === 0) return [];
  const rows = await db('check_revisions')
    .leftJoin('users', 'users.id', 'check_revisions.changed_by')
    .whereIn('check_revisions.check_id', checkIds)
    .orderBy('check_revisions.id')
    .select('check_revisions.*', 'users.display_name as changed_by_name');
  return rows.map((row: Record<string, unknown>) => ({
    id: Number(row.id),
    subjectId: Number(row.check_id),
    changedBy: row.changed_by === null ? null : Number(row.changed_by),
    changedByName: (row.changed_by_name as string | null) ?? null,
    changedAt: toIso(row.changed_at),
    before: row.before ? JSON.parse(row.before as string) : null,
    after: JSON.parse(row.after as string),
  }));
}
