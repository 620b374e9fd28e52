import { isPostgres, type Queryable } from '../../db/knex';
import { groupBy } from '../../lib/collections';
import { nowIso, toIso, toIsoOrNull } from '../../db/time';
import type { Confidence, Verdict } from '../verdicts';
import type { Check, Source } from './checks-types';
import { insertRevision, insertRevisions, listRevisions, type Revision, type RevisionTable } from '../../db/revisions';

interface CheckRow {
  id: number;
  claim_id: number;
  reviewer_id: number;
  reviewer_name: string;
  verdict: Verdict;
  independent_verdict: Verdict | null;
  revised_after_others_at: unknown;
  confidence: Confidence;
  rationale: string;
  revision: number;
  created_at: unknown;
  updated_at: unknown;
}

/** The article revision a check is filed against: the one its claim is anchored in now. */
const currentRevisionOfClaim = (db: Queryable) => db.raw('(select anchor_revision from claims where claims.id = checks.claim_id)');

export async function listChecks(db: Queryable, claimIds: number[]): Promise<Check[]> {
  if (claimIds.length === 0) return [];
  return checksWithSources(db, await checksQuery(db).whereIn('checks.claim_id', claimIds));
}

/** Holds the check's row until the transaction ends (PostgreSQL; SQLite transactions are already serialised). */
export async function lockCheck(tx: Queryable, checkId: number): Promise<void> {
  if (isPostgres(tx)) await tx('checks').where({ id: checkId }).forUpdate().first('id');
}

type NewCheckFields = { claimId: number; reviewerId: number; verdict: Verdict; confidence: Confidence; rationale: string };

/** A new check's row: its verdict is its independent verdict, and it is filed against its claim's current revision. */
function newCheckRow(db: Queryable, check: NewCheckFields, now: string) {
  return {
    claim_id: check.claimId,
    reviewer_id: check.reviewerId,
    verdict: check.verdict,
    independent_verdict: check.verdict,
    confidence: check.confidence,
    rationale: check.rationale,
    // coalesce: for a claim that does not exist the foreign key, not this column, refuses the row.
    revision: db.raw('coalesce((select anchor_revision from claims where id = ?), 1)', [check.claimId]),
    created_at: now,
    updated_at: now,
  };
}

/** Which of these claims exist. */
export async function existingClaimIds(db: Queryable, claimIds: number[]): Promise<Set<number>> {
  const rows: { id: number }[] = await db('claims').whereIn('id', claimIds).select('id');
  return new Set(rows.map((row) => Number(row.id)));
}

/** The (claim, reviewer) pairs among these claims that already have a check, as `claim:reviewer`. */
export async function checkedPairs(db: Queryable, claimIds: number[], reviewerIds: number[]): Promise<Set<string>> {
  const rows: { claim_id: number; reviewer_id: number }[] = await db('checks')
    .whereIn('claim_id', claimIds)
    .whereIn('reviewer_id', reviewerIds)
    .select('claim_id', 'reviewer_id');
  return new Set(rows.map((row) => `${row.claim_id}:${row.reviewer_id}`));
}

type NewCheck = { claimId: number; reviewerId: number; verdict: Verdict; confidence: Confidence; rationale: string; sources: Source[] };

/**
 * Several new checks in one statement (each against its claim's current revision) and their
 * sources in another; returns the stored checks by `claim:reviewer` (unique), since the order of
 * rows a multi-row RETURNING gives back is not promised. What was stored is what was written:
 * the rows RETURNING gives (id, revision) and the reviewers' names are all that is read back.
 */
export async function insertChecks(db: Queryable, list: NewCheck[]): Promise<Map<string, Check>> {
  const now = nowIso();
  const stored = new Map<string, { id: number; revision: number }>();
  for (let i = 0; i < list.length; i += 100) {
    const rows: { id: number; claim_id: number; reviewer_id: number; revision: number }[] = await db('checks')
      .insert(list.slice(i, i + 100).map((check) => newCheckRow(db, check, now)))
      .returning(['id', 'claim_id', 'reviewer_id', 'revision']);
    for (const row of rows) stored.set(`${row.claim_id}:${row.reviewer_id}`, { id: Number(row.id), revision: Number(row.revision) });
  }
  const keyOf = (check: NewCheck) => `${check.claimId}:${check.reviewerId}`;
  const sources = list.flatMap((check) => check.sources.map((source, position) => ({ check_id: stored.get(keyOf(check))!.id, position, ...source })));
  for (let i = 0; i < sources.length; i += 100) await db('check_sources').insert(sources.slice(i, i + 100));
  const reviewers: { id: number; display_name: string; username: string }[] = await db('users')
    .whereIn('id', [...new Set(list.map((check) => check.reviewerId))])
    .select('id', 'display_name', 'username');
  const reviewer = new Map(reviewers.map((row) => [Number(row.id), row]));
  const at = toIso(now);
  return new Map(
    list.map((check) => {
      const { id, revision } = stored.get(keyOf(check))!;
      const person = reviewer.get(check.reviewerId)!;
      return [
        keyOf(check),
        {
          id,
          claimId: check.claimId,
          reviewerId: check.reviewerId,
          reviewerName: person.display_name,
          reviewerUsername: person.username,
          verdict: check.verdict,
          independentVerdict: check.verdict,
          revisedAfterOthersAt: null,
          confidence: check.confidence,
          rationale: check.rationale,
          sources: check.sources.map(({ url, title, stance, quote }) => ({ url, title, stance, quote })),
          revision,
          createdAt: at,
          updatedAt: at,
        },
      ];
    }),
  );
}

/** One check by its id (without loading the rest of its claim). */
export async function findCheck(db: Queryable, checkId: number): Promise<Check | null> {
  const [check] = await checksWithSources(db, await checksQuery(db).where('checks.id', checkId));
  return check ?? null;
}

function checksQuery(db: Queryable) {
  return db('checks')
    .join('users', 'users.id', 'checks.reviewer_id')
    .orderBy('checks.id')
    .select('checks.*', 'users.display_name as reviewer_name', 'users.username as reviewer_username');
}

async function checksWithSources(db: Queryable, rows: (CheckRow & { reviewer_username: string })[]): Promise<Check[]> {
  const sources = rows.length
    ? await db('check_sources')
        .whereIn(
          'check_id',
          rows.map((row) => row.id),
        )
        .orderBy(['check_id', 'position'])
    : [];
  const sourcesByCheck = groupBy(sources as (Source & { check_id: number })[], (source) => Number(source.check_id));
  return rows.map((row) => ({
    id: Number(row.id),
    claimId: Number(row.claim_id),
    reviewerId: Number(row.reviewer_id),
    reviewerName: row.reviewer_name,
    reviewerUsername: row.reviewer_username,
    verdict: row.verdict,
    independentVerdict: row.independent_verdict ?? row.verdict,
    revisedAfterOthersAt: toIsoOrNull(row.revised_after_others_at),
    confidence: row.confidence,
    rationale: row.rationale,
    sources: (sourcesByCheck.get(Number(row.id)) ?? []).map((source: Source) => ({
      url: source.url,
      title: source.title,
      stance: source.stance,
      quote: source.quote,
    })),
    revision: Number(row.revision),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}

/** Independent verdicts only, for aggregation over many claims (the review queue, agreement, decisions). */
export async function listIndependentVerdicts(db: Queryable, claimIds: number[]): Promise<{ claimId: number; reviewerId: number; verdict: Verdict }[]> {
  if (claimIds.length === 0) return [];
  const rows = await db('checks').whereIn('claim_id', claimIds).select('claim_id', 'reviewer_id', 'verdict', 'independent_verdict');
  return rows.map((row: { claim_id: number; reviewer_id: number; verdict: Verdict; independent_verdict: Verdict | null }) => ({
    claimId: Number(row.claim_id),
    reviewerId: Number(row.reviewer_id),
    verdict: row.independent_verdict ?? row.verdict,
  }));
}

/** How many checks of the claim other reviewers have filed. */
export async function countOtherChecks(db: Queryable, claimId: number, reviewerId: number): Promise<number> {
  const row = await db('checks').where({ claim_id: claimId }).whereNot({ reviewer_id: reviewerId }).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

export async function insertCheck(
  db: Queryable,
  check: { claimId: number; reviewerId: number; verdict: Verdict; confidence: Confidence; rationale: string },
): Promise<number> {
  const [row] = await db('checks')
    .insert(newCheckRow(db, check, nowIso()))
    .returning('id');
  return Number((row as { id: number }).id);
}

export async function updateCheck(
  db: Queryable,
  checkId: number,
  fields: { verdict: Verdict; confidence: Confidence; rationale: string; independentVerdict: Verdict; revisedAfterOthersAt: string | null },
): Promise<void> {
  await db('checks')
    .where({ id: checkId })
    .update({
      verdict: fields.verdict,
      confidence: fields.confidence,
      rationale: fields.rationale,
      independent_verdict: fields.independentVerdict,
      revised_after_others_at: fields.revisedAfterOthersAt,
      revision: currentRevisionOfClaim(db),
      updated_at: nowIso(),
    });
}

export async function insertSources(db: Queryable, checkId: number, sources: Source[]): Promise<void> {
  await db('check_sources').insert(sources.map((source, position) => ({ check_id: checkId, position, ...source })));
}

export async function replaceSources(db: Queryable, checkId: number, sources: Source[]): Promise<void> {
  await db('check_sources').where({ check_id: checkId }).delete();
  await insertSources(db, checkId, sources);
}

const CHECK_REVISIONS: RevisionTable = { table: 'check_revisions', subject: 'check_id' };

export function insertCheckRevision(db: Queryable, checkId: number, changedBy: number, before: unknown, after: unknown): Promise<void> {
  return insertRevision(db, CHECK_REVISIONS, checkId, changedBy, before, after);
}

export function insertFirstCheckRevisions(db: Queryable, revisions: { subjectId: number; changedBy: number; after: unknown }[]): Promise<void> {
  return insertRevisions(db, CHECK_REVISIONS, revisions);
}

export function listCheckRevisions(db: Queryable, checkIds: number[]): Promise<Revision[]> {
  return listRevisions(db, CHECK_REVISIONS, checkIds);
}
