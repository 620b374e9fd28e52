import type { Db, Queryable } from '../../db/knex';
import { groupBy } from '../../lib/collections';
import { claimAggregate, VERDICT_VALUE, VERDICTS, type Aggregate, type Decision, type DecisionsReader, type RatingPattern, type Verdict } from '../verdicts';
import type { DomainEvent, EventSubscriber } from '../../events';
import { articlesOfLockedClaims, assertClaimsLocked, lockClaims } from '../claims';
import { checksReader } from '../checks';

/** Disputed first, then published verdicts whose text changed (needs-recheck), then those with new evidence, … */
const STATUS_ORDER = { disputed: 0, 'needs-recheck': 1, 'needs-review': 3, consensus: 4, published: 5 } as const;
/** Published claims with new evidence come right after those to recheck: an editor should look again. */
const NEW_EVIDENCE_RANK = 2;

/** The review queue's order of a claim (lower first); ties go newest first. */
export function queueRank(status: Aggregate['status'], decision: Decision | null): number {
  return status === 'published' && decision?.newEvidenceAt ? NEW_EVIDENCE_RANK : STATUS_ORDER[status];
}

const column = (verdict: Verdict) => `n_${verdict.replace('-', '_')}`;

/** One claim's stored aggregate, as written to `claim_stats`. */
export interface ClaimStatsRow {
  claim_id: number;
  article_id: number;
  n_false: number;
  n_mostly_false: number;
  n_mixed: number;
  n_mostly_true: number;
  n_true: number;
  n_unverifiable: number;
  reviewers: number;
  ordinal_ratings: number;
  verdict: Verdict | null;
  agreement: number | null;
  agreement_key: number;
  status: Aggregate['status'];
  queue_rank: number;
}

export function statsRow(claimId: number, articleId: number, aggregate: Aggregate, decision: Decision | null): ClaimStatsRow {
  const counts = Object.fromEntries(VERDICTS.map((v) => [column(v), aggregate.distribution[v]])) as Pick<
    ClaimStatsRow,
    'n_false' | 'n_mostly_false' | 'n_mixed' | 'n_mostly_true' | 'n_true' | 'n_unverifiable'
  >;
  return {
    claim_id: claimId,
    article_id: articleId,
    ...counts,
    reviewers: aggregate.reviewers,
    ordinal_ratings: aggregate.ordinalRatings,
    verdict: aggregate.verdict,
    agreement: aggregate.agreement,
    agreement_key: aggregate.agreement ?? 2,
    status: aggregate.status,
    queue_rank: queueRank(aggregate.status, decision),
  };
}

/** The aggregate a stored row stands for (the queue reads it back without touching checks). */
export function aggregateFromRow(row: ClaimStatsRow): Aggregate {
  return {
    verdict: row.verdict,
    ratingValue: row.verdict === null ? null : VERDICT_VALUE[row.verdict],
    distribution: Object.fromEntries(VERDICTS.map((v) => [v, Number(row[column(v) as keyof ClaimStatsRow])])) as Record<Verdict, number>,
    reviewers: Number(row.reviewers),
    ordinalRatings: Number(row.ordinal_ratings),
    agreement: row.agreement === null ? null : Number(row.agreement),
    status: row.status,
  };
}

/**
 * The stored aggregates of these claims: what the queue, the claim page and the reviewer's list
 * all show, so they cannot disagree. Every write path keeps them current in its own transaction.
 */
export async function storedAggregates(db: Queryable, claimIds: number[]): Promise<Map<number, Aggregate>> {
  const found = new Map<number, Aggregate>();
  for (let i = 0; i < claimIds.length; i += 500) {
    const rows: ClaimStatsRow[] = await db('claim_stats')
      .whereIn('claim_id', claimIds.slice(i, i + 500))
      .select('*');
    for (const row of rows) found.set(Number(row.claim_id), aggregateFromRow(row));
  }
  return found;
}

/** What the aggregates depend on besides the checks: the decisions, and how many checks make a consensus. */
export type StatsDeps = Pick<DecisionsReader, 'decisionsByClaim' | 'minOrdinalChecks'>;

/** Computes the rows of these claims from their checks and decisions (what the queue would have aggregated). */
async function computeRows(db: Queryable, claims: { id: number; articleId: number }[], deps: StatsDeps): Promise<ClaimStatsRow[]> {
  const ids = claims.map((c) => c.id);
  const verdicts = await checksReader.independentVerdicts(db, ids);
  const decided = await deps.decisionsByClaim(ids, db);
  const byClaim = groupBy(verdicts, (v) => v.claimId);
  return claims.map((claim) => {
    const decision = decided.get(claim.id) ?? null;
    const aggregate = claimAggregate(
      (byClaim.get(claim.id) ?? []).map((v) => v.verdict),
      decision,
      deps.minOrdinalChecks,
    );
    return statsRow(claim.id, claim.articleId, aggregate, decision);
  });
}

/** The claims with their articles: known from the transaction's locks where they read them, else read here. */
async function claimsOf(db: Queryable, ids: number[]): Promise<{ id: number; articleId: number }[]> {
  const known = articlesOfLockedClaims(db, ids);
  const unknown = ids.filter((id) => !known.has(id));
  const rows: { id: number; article_id: number }[] = unknown.length > 0 ? await db('claims').whereIn('id', unknown).select('id', 'article_id') : [];
  return [...[...known].map(([id, articleId]) => ({ id, articleId })), ...rows.map((r) => ({ id: Number(r.id), articleId: Number(r.article_id) }))];
}

async function upsert(db: Queryable, rows: ClaimStatsRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db('claim_stats')
      .insert(rows.slice(i, i + 200))
      .onConflict('claim_id')
      .merge();
}

/**
 * Recomputes the stored aggregates of these claims, in the caller's transaction: every event that
 * changes a claim's checks or decision leads here, so the queue never aggregates the archive.
 * Its cost depends on the claims changed (a few rows each), not on the archive.
 */
export async function refreshClaimStats(tx: Queryable, claimIds: number[], deps: StatsDeps): Promise<void> {
  const ids = [...new Set(claimIds)];
  assertClaimsLocked(tx, ids);
  for (let i = 0; i < ids.length; i += 500) await upsert(tx, await computeRows(tx, await claimsOf(tx, ids.slice(i, i + 500)), deps));
}

/** The claims whose stored aggregate an event changes. */
export function claimsWithNewStats(event: DomainEvent): number[] {
  switch (event.kind) {
    case 'claim.created':
      return [event.claim.id];
    case 'checks.filed':
      return event.checks.map((c) => c.claimId);
    case 'check.edited':
    case 'decision.saved':
      return [event.claimId];
    case 'claims.need_recheck':
      return event.claimIds;
    default:
      return [];
  }
}

/** Keeps every claim's stored aggregate current, in the transaction that changed its checks or decision. */
export function claimStatsSubscriber(deps: StatsDeps): EventSubscriber {
  return {
    name: 'claim stats',
    async inTransaction(tx, event) {
      const claimIds = claimsWithNewStats(event);
      if (claimIds.length > 0) await refreshClaimStats(tx, claimIds, deps);
    },
  };
}

const BATCH = 1000;

/** Walks every claim in id order, `BATCH` at a time (constant memory), handing each batch's recomputed rows to `visit`. */
async function eachRecomputed(db: Queryable, deps: StatsDeps, visit: (rows: ClaimStatsRow[]) => Promise<void>): Promise<number> {
  let after = 0;
  let total = 0;
  for (;;) {
    const batch: { id: number; article_id: number }[] = await db('claims').where('id', '>', after).orderBy('id').limit(BATCH).select('id', 'article_id');
    if (batch.length === 0) return total;
    await visit(
      await computeRows(
        db,
        batch.map((r) => ({ id: Number(r.id), articleId: Number(r.article_id) })),
        deps,
      ),
    );
    total += batch.length;
    after = Number(batch[batch.length - 1].id);
  }
}

/** Recomputes and stores every claim's aggregate (start-up after an upgrade or a changed MIN_REVIEWS_FOR_CONSENSUS; the benchmark's fixture). */
export async function rebuildClaimStats(db: Db, deps: StatsDeps): Promise<number> {
  let after = 0;
  let total = 0;
  for (;;) {
    // Each batch under its claims' locks, so a rebuild while the desk works never stores a stale row.
    const done = await db.transaction(async (tx) => {
      const ids: number[] = (await tx('claims').where('id', '>', after).orderBy('id').limit(BATCH).pluck('id')).map(Number);
      if (ids.length === 0) return 0;
      await lockClaims(tx, ids);
      await upsert(tx, await computeRows(tx, await claimsOf(tx, ids), deps));
      after = ids[ids.length - 1];
      return ids.length;
    });
    if (done === 0) return total;
    total += done;
  }
}

export interface StatsDrift {
  claimId: number;
  field: string;
  stored: unknown;
  recomputed: unknown;
}

/** Recomputes every claim's aggregate from scratch and lists where the stored one differs (none: they agree). */
export async function verifyClaimStats(db: Queryable, deps: StatsDeps): Promise<{ claims: number; drift: StatsDrift[] }> {
  const drift: StatsDrift[] = [];
  const claims = await eachRecomputed(db, deps, async (rows) => {
    const stored = new Map(
      (
        (await db('claim_stats').whereIn(
          'claim_id',
          rows.map((r) => r.claim_id),
        )) as ClaimStatsRow[]
      ).map((row) => [Number(row.claim_id), row]),
    );
    for (const row of rows) {
      const have = stored.get(row.claim_id);
      if (!have) {
        drift.push({ claimId: row.claim_id, field: 'row', stored: null, recomputed: 'present' });
        continue;
      }
      for (const [field, value] of Object.entries(row)) {
        const kept = (have as unknown as Record<string, unknown>)[field];
        const same = typeof value === 'number' ? Math.abs(Number(kept) - value) < 1e-9 : (kept ?? null) === value;
        if (!same) drift.push({ claimId: row.claim_id, field, stored: kept, recomputed: value });
      }
    }
  });
  const orphans = await db('claim_stats').whereNotIn('claim_id', db('claims').select('id')).select('claim_id');
  for (const row of orphans) drift.push({ claimId: Number(row.claim_id), field: 'row', stored: 'present', recomputed: null });
  return { claims, drift };
}

const ORDINAL_COLUMNS = ['n_false', 'n_mostly_false', 'n_mixed', 'n_mostly_true', 'n_true'] as const;

/**
 * An article's ratings as patterns (how many of each ordinal value a claim has) and how many
 * claims share each, counted by the database: Krippendorff's coincidences need nothing more, so
 * agreement over 10,000 claims reads a few dozen rows, not 30,000 checks.
 */
export async function articleRatingPatterns(db: Queryable, articleId: number): Promise<{ patterns: RatingPattern[]; claims: number; ratings: number }> {
  const rows: (Record<(typeof ORDINAL_COLUMNS)[number], number | string> & { units: number | string })[] = await db('claim_stats')
    .where({ article_id: articleId })
    .groupBy(...ORDINAL_COLUMNS)
    .select(...ORDINAL_COLUMNS)
    .count({ units: '*' });
  const patterns = rows.map((row) => ({
    counts: Object.fromEntries(ORDINAL_COLUMNS.map((column, i) => [i + 1, Number(row[column])])),
    units: Number(row.units),
  }));
  const sum = (p: RatingPattern) => Object.values(p.counts).reduce((a, b) => a + b, 0);
  return { patterns, claims: patterns.reduce((n, p) => n + p.units, 0), ratings: patterns.reduce((n, p) => n + p.units * sum(p), 0) };
}
