import type { Queryable } from '../../db/knex';
import { nowIso, toIso } from '../../db/time';

export interface CommentRecord {
  id: number;
  claimId: number;
  parentId: number | null;
  author: { id: number; username: string; displayName: string } | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  hidden: { at: string; by: string | null; reason: string } | null;
}

interface Row {
  id: number;
  claim_id: number;
  parent_id: number | null;
  author_id: number | null;
  username: string | null;
  display_name: string | null;
  body: string;
  created_at: unknown;
  updated_at: unknown;
  deleted_at: unknown;
  hidden_at: unknown;
  hidden_by_name: string | null;
  hidden_reason: string | null;
}

const toRecord = (row: Row): CommentRecord => ({
  id: Number(row.id),
  claimId: Number(row.claim_id),
  parentId: row.parent_id === null ? null : Number(row.parent_id),
  author:
    row.author_id === null || row.username === null
      ? null
      : { id: Number(row.author_id), username: row.username, displayName: row.display_name ?? row.username },
  body: row.body,
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
  deletedAt: row.deleted_at ? toIso(row.deleted_at) : null,
  hidden: row.hidden_at ? { at: toIso(row.hidden_at), by: row.hidden_by_name, reason: row.hidden_reason ?? '' } : null,
});

function query(db: Queryable) {
  return db('comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .leftJoin('users as h', 'h.id', 'c.hidden_by')
    .select('c.*', 'u.username', 'u.display_name', 'h.display_name as hidden_by_name');
}

export async function listForClaim(db: Queryable, claimId: number): Promise<CommentRecord[]> {
  return ((await query(db).where('c.claim_id', claimId).orderBy('c.id')) as Row[]).map(toRecord);
}

export async function findComment(db: Queryable, id: number): Promise<CommentRecord | null> {
  const row = (await query(db).where('c.id', id).first()) as Row | undefined;
  return row ? toRecord(row) : null;
}

export async function insertComment(db: Queryable, comment: { claimId: number; parentId: number | null; authorId: number; body: string }): Promise<number> {
  const now = nowIso();
  const [row] = await db('comments')
    .insert({ claim_id: comment.claimId, parent_id: comment.parentId, author_id: comment.authorId, body: comment.body, created_at: now, updated_at: now })
    .returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

export async function updateBody(db: Queryable, id: number, body: string): Promise<void> {
  await db('comments').where({ id }).update({ body, updated_at: nowIso() });
}

/** Deleting keeps the row (the thread shows a placeholder) and forgets the text. */
export async function markDeleted(db: Queryable, id: number): Promise<void> {
  const now = nowIso();
  await db('comments').where({ id }).update({ body: '', deleted_at: now, updated_at: now });
}

export async function markHidden(db: Queryable, id: number, editorId: number, reason: string): Promise<void> {
  await db('comments').where({ id }).update({ hidden_at: nowIso(), hidden_by: editorId, hidden_reason: reason });
}
