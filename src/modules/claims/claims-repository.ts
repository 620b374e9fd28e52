import type { Queryable } from '../../db/knex';
import { insertInBatches, updateRowsById } from '../../db/batches';
import { groupBy } from '../../lib/collections';
import { nowIso, toIso } from '../../db/time';
import type { Anchor } from '../anchoring';
import { assertClaimsLocked } from './claim-lock';
import type { AnchorStatus } from '../anchoring';
import type { Claim, SameAsEvent } from './claims-types';

interface ClaimRow {
  id: number;
  article_id: number;
  statement: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  start_offset: number;
  end_offset: number;
  created_by: number | null;
  created_at: unknown;
  anchor_status: AnchorStatus;
  anchor_revision: number;
  anchor_similarity: number | null;
  checked_exact: string;
  checked_prefix: string;
  checked_suffix: string;
  checked_start: number;
  checked_end: number;
  checked_revision: number;
  same_as_claim_id: number | null;
}

async function withSentences(db: Queryable, rows: ClaimRow[]): Promise<Claim[]> {
  if (rows.length === 0) return [];
  const links: { claim_id: number; sentence_id: string }[] = await db('claim_sentences')
    .join('sentences', 'sentences.id', 'claim_sentences.sentence_id')
    .whereIn(
      'claim_sentences.claim_id',
      rows.map((row) => row.id),
    )
    .orderBy('sentences.position')
    .select('claim_sentences.claim_id', 'claim_sentences.sentence_id');
  const linksByClaim = groupBy(links, (link) => Number(link.claim_id));
  return rows.map((row) => ({
    id: Number(row.id),
    articleId: Number(row.article_id),
    statement: row.statement,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: Number(row.start_offset),
    end: Number(row.end_offset),
    sentenceIds: (linksByClaim.get(Number(row.id)) ?? []).map((link) => link.sentence_id),
    createdBy: row.created_by === null ? null : Number(row.created_by),
    createdAt: toIso(row.created_at),
    sameAs: row.same_as_claim_id === null || row.same_as_claim_id === undefined ? null : Number(row.same_as_claim_id),
    anchor: {
      status: row.anchor_status,
      revision: Number(row.anchor_revision),
      similarity: row.anchor_similarity === null ? null : Number(row.anchor_similarity),
      checked: {
        exact: row.checked_exact,
        prefix: row.checked_prefix,
        suffix: row.checked_suffix,
        start: Number(row.checked_start),
        end: Number(row.checked_end),
        revision: Number(row.checked_revision),
      },
    },
  }));
}

export async function insertClaim(
  db: Queryable,
  claim: { articleId: number; revision: number; anchor: Anchor; statement: string | null; sentenceIds: string[]; createdBy: number },
): Promise<number> {
  const [row] = await db('claims')
    .insert({
      article_id: claim.articleId,
      statement: claim.statement,
      exact: claim.anchor.exact,
      prefix: claim.anchor.prefix,
      suffix: claim.anchor.suffix,
      start_offset: claim.anchor.start,
      end_offset: claim.anchor.end,
      anchor_status: 'exact',
      anchor_revision: claim.revision,
      checked_exact: claim.anchor.exact,
      checked_prefix: claim.anchor.prefix,
      checked_suffix: claim.anchor.suffix,
      checked_start: claim.anchor.start,
      checked_end: claim.anchor.end,
      checked_revision: claim.revision,
      created_by: claim.createdBy,
      created_at: nowIso(),
    })
    .returning('id');
  const id = Number((row as { id: number }).id);
  await insertInBatches(
    db,
    'claim_sentences',
    claim.sentenceIds.map((sentenceId) => ({ claim_id: id, sentence_id: sentenceId })),
  );
  return id;
}

export async function findClaim(db: Queryable, id: number): Promise<Claim | null> {
  const row: ClaimRow | undefined = await db('claims').where({ id }).first();
  return row ? (await withSentences(db, [row]))[0] : null;
}

export async function findClaimBySpan(db: Queryable, articleId: number, start: number, end: number): Promise<Claim | null> {
  const row: ClaimRow | undefined = await db('claims')
    .where({ article_id: articleId, start_offset: start, end_offset: end })
    .whereNot({ anchor_status: 'orphaned' })
    .first();
  return row ? (await withSentences(db, [row]))[0] : null;
}

export async function claimIdsOfArticle(db: Queryable, articleId: number): Promise<number[]> {
  return (await db('claims').where({ article_id: articleId }).orderBy('id').pluck('id')).map(Number);
}

export async function listClaims(db: Queryable, filter: { articleId?: number; claimIds?: number[]; sameAsOnly?: boolean } = {}): Promise<Claim[]> {
  const query = db('claims').orderBy([{ column: 'article_id' }, { column: 'start_offset' }, { column: 'id' }]);
  if (filter.articleId !== undefined) query.where({ article_id: filter.articleId });
  if (filter.claimIds) query.whereIn('id', filter.claimIds);
  if (filter.sameAsOnly) query.whereNotNull('same_as_claim_id');
  return withSentences(db, await query);
}

/** Where a page of claims in (article, position, id) order starts after. */
export interface ClaimPosition {
  articleId: number;
  start: number;
  id: number;
}

/** Up to `limit` claims after `after` in the order listClaims uses (keyset: constant cost per page, however deep). */
export async function listClaimsAfter(db: Queryable, filter: { articleId?: number; after?: ClaimPosition; limit: number }): Promise<Claim[]> {
  const query = db('claims')
    .orderBy([{ column: 'article_id' }, { column: 'start_offset' }, { column: 'id' }])
    .limit(filter.limit);
  if (filter.articleId !== undefined) query.where({ article_id: filter.articleId });
  const after = filter.after;
  // A row-value comparison, not the equivalent OR of three terms: both SQLite and PostgreSQL seek
  // the (article_id, start_offset, id) index to it, where the OR made each page scan from the start.
  if (after) query.whereRaw('(article_id, start_offset, id) > (?, ?, ?)', [after.articleId, after.start, after.id]);
  return withSentences(db, await query);
}

export interface AnchorUpdate {
  claimId: number;
  status: AnchorStatus;
  revision: number;
  similarity: number | null;
  anchor: Anchor;
}

/**
 * Writes the claims' anchors in a new revision. Claims may trade places (paragraphs swapped), so
 * the changed claims first leave the unique index on anchored spans (status "orphaned" for the
 * moment, one statement), then each takes its new span.
 */
export async function saveAnchors(db: Queryable, updates: AnchorUpdate[]): Promise<void> {
  const ids = updates.map((u) => u.claimId);
  assertClaimsLocked(db, ids);
  for (let i = 0; i < ids.length; i += 500)
    await db('claims')
      .whereIn('id', ids.slice(i, i + 500))
      .update({ anchor_status: 'orphaned' });
  await updateRowsById(
    db,
    'claims',
    {
      anchor_status: 'text',
      anchor_revision: 'integer',
      anchor_similarity: 'real',
      exact: 'text',
      prefix: 'text',
      suffix: 'text',
      start_offset: 'integer',
      end_offset: 'integer',
    },
    updates.map((update) => ({
      id: update.claimId,
      values: {
        anchor_status: update.status,
        anchor_revision: update.revision,
        anchor_similarity: update.similarity,
        exact: update.anchor.exact,
        prefix: update.anchor.prefix,
        suffix: update.anchor.suffix,
        start_offset: update.anchor.start,
        end_offset: update.anchor.end,
      },
    })),
  );
}

/** The claims' links to the sentences they touch, after the article's sentences were replaced (the old links went with them). */
export async function linkSentences(db: Queryable, links: { claimId: number; sentenceId: string }[]): Promise<void> {
  await insertInBatches(
    db,
    'claim_sentences',
    links.map((link) => ({ claim_id: link.claimId, sentence_id: link.sentenceId })),
  );
}

/** An editor confirmed the verdict against the text as it is now: the current quote becomes the quote as checked. */
export async function confirmCurrentQuote(db: Queryable, claimId: number): Promise<void> {
  assertClaimsLocked(db, [claimId]);
  const row: ClaimRow | undefined = await db('claims').where({ id: claimId }).first();
  if (!row || row.anchor_status === 'orphaned') return;
  await db('claims')
    .where({ id: claimId })
    .update({
      checked_exact: row.exact,
      checked_prefix: row.prefix,
      checked_suffix: row.suffix,
      checked_start: row.start_offset,
      checked_end: row.end_offset,
      checked_revision: row.anchor_revision,
      anchor_status: row.anchor_status === 'fuzzy' ? 'exact' : row.anchor_status,
      anchor_similarity: null,
    });
}

/** "The same claim as": a link to an earlier fact-check, or none. */
export async function setSameAs(db: Queryable, claimId: number, targetClaimId: number | null): Promise<void> {
  assertClaimsLocked(db, [claimId]);
  await db('claims').where({ id: claimId }).update({ same_as_claim_id: targetClaimId });
}

export async function recordSameAsEvent(
  db: Queryable,
  event: { claimId: number; targetClaimId: number; action: 'linked' | 'unlinked'; actorId: number },
): Promise<void> {
  await db('claim_same_as_events').insert({
    claim_id: event.claimId,
    target_claim_id: event.targetClaimId,
    action: event.action,
    actor_id: event.actorId,
    created_at: nowIso(),
  });
}

export async function listSameAsEvents(db: Queryable, claimId: number): Promise<SameAsEvent[]> {
  const rows: { target_claim_id: number; action: 'linked' | 'unlinked'; display_name: string | null; username: string | null; created_at: unknown }[] =
    await db('claim_same_as_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .where('e.claim_id', claimId)
      .orderBy('e.id')
      .select('e.target_claim_id', 'e.action', 'u.display_name', 'u.username', 'e.created_at');
  return rows.map((row) => ({
    targetClaimId: Number(row.target_claim_id),
    action: row.action,
    actorName: row.display_name,
    actorUsername: row.username,
    at: toIso(row.created_at),
  }));
}

/** Claims marked as the same as one of these (their other appearances), in claim order. */
export async function listLinkedTo(db: Queryable, targetClaimIds: number[]): Promise<{ claimId: number; targetClaimId: number; articleId: number }[]> {
  if (targetClaimIds.length === 0) return [];
  const rows: { id: number; same_as_claim_id: number; article_id: number }[] = await db('claims')
    .whereIn('same_as_claim_id', targetClaimIds)
    .orderBy('id')
    .select('id', 'same_as_claim_id', 'article_id');
  return rows.map((row) => ({ claimId: Number(row.id), targetClaimId: Number(row.same_as_claim_id), articleId: Number(row.article_id) }));
}
