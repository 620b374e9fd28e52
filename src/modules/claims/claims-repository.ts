import type { Queryable } from '../../db/knex';
import { insertInBatches } from '../../db/batches';
import { groupBy } from '../../lib/collections';
import { nowIso, toIso } from '../../db/time';
import type { Anchor } from './anchoring';
import type { Claim } from './claims-types';

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
  }));
}

export async function insertClaim(
  db: Queryable,
  claim: { articleId: number; anchor: Anchor; statement: string | null; sentenceIds: string[]; createdBy: number },
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
  const row: ClaimRow | undefined = await db('claims').where({ article_id: articleId, start_offset: start, end_offset: end }).first();
  return row ? (await withSentences(db, [row]))[0] : null;
}

export async function listClaims(db: Queryable, filter: { articleId?: number; claimIds?: number[] } = {}): Promise<Claim[]> {
  const query = db('claims').orderBy([{ column: 'article_id' }, { column: 'start_offset' }, { column: 'id' }]);
  if (filter.articleId !== undefined) query.where({ article_id: filter.articleId });
  if (filter.claimIds) query.whereIn('id', filter.claimIds);
  return withSentences(db, await query);
}
