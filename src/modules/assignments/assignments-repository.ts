import type { Queryable } from '../../db/knex';
import { nowIso, toIso } from '../../db/time';

export interface AssignmentRow {
  claimId: number;
  reviewerId: number;
  username: string;
  displayName: string;
  due: string | null;
  assignedBy: string | null;
  assignedAt: string;
  done: boolean;
}

export interface WorkItem extends AssignmentRow {
  quote: string;
  statement: string | null;
  article: { slug: string; title: string };
}

/** Whether the reviewer has filed a check on the claim: that is what makes an assignment done. */
const DONE = 'EXISTS (SELECT 1 FROM checks k WHERE k.claim_id = a.claim_id AND k.reviewer_id = a.reviewer_id)';

function base(db: Queryable) {
  return db('assignments as a')
    .join('users as u', 'u.id', 'a.reviewer_id')
    .leftJoin('users as by', 'by.id', 'a.assigned_by')
    .select(
      'a.claim_id',
      'a.reviewer_id',
      'u.username',
      'u.display_name',
      'a.due_on',
      'by.display_name as assigned_by_name',
      'a.created_at',
      db.raw(`CASE WHEN ${DONE} THEN 1 ELSE 0 END AS done`),
    );
}

type Row = {
  claim_id: number;
  reviewer_id: number;
  username: string;
  display_name: string;
  due_on: string | null;
  assigned_by_name: string | null;
  created_at: unknown;
  done: number | string | boolean;
};

function toAssignment(row: Row): AssignmentRow {
  return {
    claimId: Number(row.claim_id),
    reviewerId: Number(row.reviewer_id),
    username: row.username,
    displayName: row.display_name,
    due: row.due_on,
    assignedBy: row.assigned_by_name,
    assignedAt: toIso(row.created_at),
    done: Number(row.done) === 1 || row.done === true,
  };
}

/** Assigns (or re-dates) one claim to one reviewer; assigning again only changes the due date. */
export async function upsertAssignments(db: Queryable, claimIds: number[], reviewerId: number, assignedBy: number, due: string | null): Promise<void> {
  const createdAt = nowIso();
  await db('assignments')
    .insert(claimIds.map((claimId) => ({ claim_id: claimId, reviewer_id: reviewerId, assigned_by: assignedBy, due_on: due, created_at: createdAt })))
    .onConflict(['claim_id', 'reviewer_id'])
    .merge(['due_on', 'assigned_by']);
}

export async function deleteAssignment(db: Queryable, claimId: number, reviewerId: number): Promise<number> {
  return db('assignments').where({ claim_id: claimId, reviewer_id: reviewerId }).delete();
}

export async function listForClaims(db: Queryable, claimIds: number[]): Promise<AssignmentRow[]> {
  if (claimIds.length === 0) return [];
  const rows: Row[] = await base(db)
    .whereIn('a.claim_id', claimIds)
    .orderBy([{ column: 'a.claim_id' }, { column: 'u.username' }]);
  return rows.map(toAssignment);
}

/** A reviewer's assignments not yet done, by due date (so overdue first), undated last. */
export async function listOpenFor(db: Queryable, reviewerId: number): Promise<WorkItem[]> {
  const rows: (Row & { exact: string; statement: string | null; slug: string; title: string })[] = await base(db)
    .join('claims as c', 'c.id', 'a.claim_id')
    .join('articles as ar', 'ar.id', 'c.article_id')
    .select('c.exact', 'c.statement', 'ar.slug', 'ar.title')
    .where('a.reviewer_id', reviewerId)
    .whereRaw(`NOT ${DONE}`)
    .orderByRaw('CASE WHEN a.due_on IS NULL THEN 1 ELSE 0 END, a.due_on, a.claim_id');
  return rows.map((row) => ({ ...toAssignment(row), quote: row.exact, statement: row.statement, article: { slug: row.slug, title: row.title } }));
}

/** The claims assigned to a reviewer, done or not (the queue's assignee filter). */
export async function claimIdsAssignedTo(db: Queryable, reviewerId: number): Promise<number[]> {
  const rows: { claim_id: number }[] = await db('assignments').where({ reviewer_id: reviewerId }).select('claim_id');
  return rows.map((row) => Number(row.claim_id));
}

/** Open assignments (not yet checked) due on a given day, with the claim's quote. */
export async function listOpenDueOn(db: Queryable, day: string): Promise<{ claimId: number; reviewerId: number; quote: string }[]> {
  const rows: { claim_id: number; reviewer_id: number; exact: string }[] = await db('assignments as a')
    .join('claims as c', 'c.id', 'a.claim_id')
    .where('a.due_on', day)
    .whereRaw(`NOT ${DONE}`)
    .select('a.claim_id', 'a.reviewer_id', 'c.exact');
  return rows.map((row) => ({ claimId: Number(row.claim_id), reviewerId: Number(row.reviewer_id), quote: row.exact }));
}

/** Each claim with open dated work, and its earliest due date (the queue's "due" order): as many as the desk has open, not the archive. */
export async function earliestOpenDue(db: Queryable): Promise<Map<number, string>> {
  const rows: { claim_id: number; due: string }[] = await db('assignments as a')
    .whereNotNull('a.due_on')
    .whereRaw(`NOT ${DONE}`)
    .groupBy('a.claim_id')
    .select('a.claim_id', db.raw('min(a.due_on) as due'));
  return new Map(rows.map((row) => [Number(row.claim_id), String(row.due).slice(0, 10)]));
}
