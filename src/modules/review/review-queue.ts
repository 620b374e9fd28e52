import { compareCodeUnits } from '../../lib/collections';
import type { Knex } from 'knex';
import type { Queryable } from '../../db/knex';
import { ValidationError } from '../../lib/errors';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor';
import { CLAIM_STATUSES, type ClaimStatus } from '../verdicts';
import type { ClaimStatsRow } from './claim-stats';

export const QUEUE_SORTS = ['status', 'due', 'article', 'reviewers', 'agreement', 'newest'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueQuery {
  articleId?: number;
  status?: ClaimStatus;
  /** Only these claims (the assignee filter). */
  claimIds?: number[];
  sort: QueueSort;
  /** The cursor of the page before (its `next`), or nothing for the first page. */
  after?: string;
  limit: number;
  /** For `sort: 'due'`: the claims with open dated work and their earliest due date. */
  dueDates?: Map<number, string>;
}

export interface QueueSlice {
  rows: ClaimStatsRow[];
  /** The cursor of the next page, or null on the last. */
  next: string | null;
  /** Claims per status under the article and assignee filters (not the status filter), counted by the database. */
  counts: Record<ClaimStatus, number>;
}

type Key = { expr: string; dir: 'asc' | 'desc'; column: string };
const BY_ID: Key = { expr: 's.claim_id', dir: 'desc', column: 'claim_id' };

/**
 * Each order as a list of keys ending with the claim id (unique), so every position in it is a
 * point the next page starts after: keyset pagination. Rows inserted or removed elsewhere never
 * shift a page, as an offset would. The status order (the default) and the filters by article or
 * status read indexes of `claim_stats`; article, reviewers and agreement orders sort the
 * filtered rows in the database.
 */
const SQL_ORDERS: Record<Exclude<QueueSort, 'due'>, Key[]> = {
  status: [{ expr: 's.queue_rank', dir: 'asc', column: 'queue_rank' }, BY_ID],
  newest: [BY_ID],
  reviewers: [{ expr: 's.reviewers', dir: 'desc', column: 'reviewers' }, BY_ID],
  agreement: [{ expr: 's.agreement_key', dir: 'asc', column: 'agreement_key' }, BY_ID],
  article: [{ expr: 'ar.title', dir: 'asc', column: 'article_title' }, { expr: 'c.start_offset', dir: 'asc', column: 'start_offset' }, BY_ID],
};

type CursorValue = string | number;
const NOT_OUR_CURSOR = 'after: is not a cursor this queue gave (start again from the first page)';

/** The queue's keys are never null: a cursor holding one is not one the queue gave. */
function decodeQueueCursor(cursor: string, length: number): CursorValue[] {
  const values = decodeCursor(cursor, length, NOT_OUR_CURSOR);
  if (values.some((v) => v === null)) throw new ValidationError(NOT_OUR_CURSOR);
  return values as CursorValue[];
}

/** `(k1, k2, …) comes after (v1, v2, …)` in the order's directions, as SQL. */
function afterClause(keys: Key[], values: CursorValue[]): { sql: string; bindings: CursorValue[] } {
  const parts: string[] = [];
  const bindings: CursorValue[] = [];
  keys.forEach((key, i) => {
    const equal = keys.slice(0, i).map((k) => `${k.expr} = ?`);
    parts.push(`(${[...equal, `${key.expr} ${key.dir === 'asc' ? '>' : '<'} ?`].join(' AND ')})`);
    bindings.push(...values.slice(0, i), values[i]);
  });
  return { sql: `(${parts.join(' OR ')})`, bindings };
}

function filtered(db: Queryable, query: QueueQuery): Knex.QueryBuilder {
  const q = db('claim_stats as s');
  if (query.articleId !== undefined) q.where('s.article_id', query.articleId);
  if (query.claimIds) q.whereIn('s.claim_id', query.claimIds.length ? query.claimIds : [0]);
  return q;
}

async function countByStatus(db: Queryable, query: QueueQuery): Promise<Record<ClaimStatus, number>> {
  const rows: { status: ClaimStatus; n: number | string }[] = await filtered(db, query).select('s.status').count({ n: '*' }).groupBy('s.status');
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

async function sqlSlice(db: Queryable, query: QueueQuery, sort: Exclude<QueueSort, 'due'>): Promise<{ rows: ClaimStatsRow[]; next: string | null }> {
  const keys = SQL_ORDERS[sort];
  const q = filtered(db, query).select('s.*');
  if (query.status) q.where('s.status', query.status);
  if (sort === 'article')
    q.join('claims as c', 'c.id', 's.claim_id').join('articles as ar', 'ar.id', 's.article_id').select('ar.title as article_title', 'c.start_offset');
  if (query.after) {
    const clause = afterClause(keys, decodeQueueCursor(query.after, keys.length));
    q.whereRaw(clause.sql, clause.bindings);
  }
  for (const key of keys) q.orderBy(key.expr, key.dir);
  const rows: (ClaimStatsRow & Record<string, CursorValue>)[] = await q.limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    next: rows.length > query.limit ? encodeCursor(keys.map((key) => (key.column === 'claim_id' ? Number(last.claim_id) : last[key.column]))) : null,
  };
}

/** Earliest due date first, then newest: the claims with open dated work (a desk's open work, not the archive), ordered here. */
async function dueSlice(db: Queryable, query: QueueQuery): Promise<{ rows: ClaimStatsRow[]; next: string | null }> {
  const dueDates = query.dueDates ?? new Map<number, string>();
  const allowed = query.claimIds ? new Set(query.claimIds) : null;
  const ids = [...dueDates.keys()].filter((id) => !allowed || allowed.has(id));
  const rows: ClaimStatsRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const q = db('claim_stats as s').whereIn('s.claim_id', ids.slice(i, i + 500));
    if (query.articleId !== undefined) q.where('s.article_id', query.articleId);
    if (query.status) q.where('s.status', query.status);
    rows.push(...((await q.select('s.*')) as ClaimStatsRow[]));
  }
  const due = (row: ClaimStatsRow) => dueDates.get(Number(row.claim_id))!;
  rows.sort((a, b) => compareCodeUnits(due(a), due(b)) || Number(b.claim_id) - Number(a.claim_id));
  let start = 0;
  if (query.after) {
    const [date, id] = decodeQueueCursor(query.after, 2);
    start = rows.findIndex((row) => due(row) > String(date) || (due(row) === String(date) && Number(row.claim_id) < Number(id)));
    if (start < 0) start = rows.length;
  }
  const page = rows.slice(start, start + query.limit);
  const last = page[page.length - 1];
  return { rows: page, next: start + query.limit < rows.length ? encodeCursor([due(last), Number(last.claim_id)]) : null };
}

/** One page of the review queue and the per-status counts: two queries whose cost depends on the page, not the archive. */
export async function queueSlice(db: Queryable, query: QueueQuery): Promise<QueueSlice> {
  const [slice, counts] = await Promise.all([query.sort === 'due' ? dueSlice(db, query) : sqlSlice(db, query, query.sort), countByStatus(db, query)]);
  return { ...slice, counts };
}
