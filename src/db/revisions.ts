import type { Queryable } from './knex';
import { nowIso, toIso } from './time';

/** One change to a check or a decision: who, when, the state before (null when created) and after. */
export interface Revision {
  id: number;
  subjectId: number;
  changedBy: number | null;
  changedByName: string | null;
  changedByUsername: string | null;
  changedAt: string;
  before: unknown;
  after: unknown;
}

/** A revisions table (check_revisions, decision_revisions) and the column naming its subject. */
export interface RevisionTable {
  table: string;
  subject: string;
}

export async function insertRevision(
  db: Queryable,
  { table, subject }: RevisionTable,
  subjectId: number,
  changedBy: number,
  before: unknown,
  after: unknown,
): Promise<void> {
  await db(table).insert({
    [subject]: subjectId,
    changed_by: changedBy,
    changed_at: nowIso(),
    before: before === null ? null : JSON.stringify(before),
    after: JSON.stringify(after),
  });
}

/** Several first revisions at once (one statement): checks filed together. */
export async function insertRevisions(
  db: Queryable,
  { table, subject }: RevisionTable,
  revisions: { subjectId: number; changedBy: number; after: unknown }[],
): Promise<void> {
  const at = nowIso();
  for (let i = 0; i < revisions.length; i += 100)
    await db(table).insert(
      revisions
        .slice(i, i + 100)
        .map((r) => ({ [subject]: r.subjectId, changed_by: r.changedBy, changed_at: at, before: null, after: JSON.stringify(r.after) })),
    );
}

export async function listRevisions(db: Queryable, { table, subject }: RevisionTable, subjectIds: number[]): Promise<Revision[]> {
  if (subjectIds.length === 0) return [];
  const rows = await db(table)
    .leftJoin('users', 'users.id', `${table}.changed_by`)
    .whereIn(`${table}.${subject}`, subjectIds)
    .orderBy(`${table}.id`)
    .select(`${table}.*`, 'users.display_name as changed_by_name', 'users.username as changed_by_username');
  return rows.map((row: Record<string, unknown>) => ({
    id: Number(row.id),
    subjectId: Number(row[subject]),
    changedBy: row.changed_by === null ? null : Number(row.changed_by),
    changedByName: (row.changed_by_name as string | null) ?? null,
    changedByUsername: (row.changed_by_username as string | null) ?? null,
    changedAt: toIso(row.changed_at),
    before: row.before ? JSON.parse(row.before as string) : null,
    after: JSON.parse(row.after as string),
  }));
}
