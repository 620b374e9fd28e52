import type { Queryable } from '../../db/knex';
import { nowIso, toIso } from '../../db/time';
import { queueEmails } from './email-outbox';
import type { NotificationKind } from './notification-kinds';

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  claimId: number | null;
  actorId: number | null;
  /** Plain text, written by Factline: it never quotes a comment, a rationale or a verdict someone may not see yet. */
  message: string;
  link: string;
  dedupKey?: string;
}

export interface Notification {
  id: number;
  kind: NotificationKind;
  claimId: number | null;
  message: string;
  link: string;
  createdAt: string;
  read: boolean;
}

/**
 * Records notifications, inside the caller's transaction (as the audit log does), so a failed
 * change notifies no one. A duplicate `dedupKey` is skipped. Nobody is notified of their own act.
 * Those who want this kind by email get a row in the email outbox in the same transaction; the
 * email worker sends it after the commit (email-delivery.ts).
 */
export async function notify(db: Queryable, notifications: NewNotification[]): Promise<void> {
  const rows = notifications
    .filter((n) => n.userId !== n.actorId)
    .map((n) => ({
      user_id: n.userId,
      kind: n.kind,
      claim_id: n.claimId,
      actor_id: n.actorId,
      message: n.message,
      link: n.link,
      dedup_key: n.dedupKey ?? null,
      created_at: nowIso(),
    }));
  const inserted: { id: number; user_id: number; kind: NotificationKind }[] = [];
  for (let i = 0; i < rows.length; i += 100) {
    const batch = rows.slice(i, i + 100);
    const insert = batch.some((row) => row.dedup_key) ? db('notifications').insert(batch).onConflict('dedup_key').ignore() : db('notifications').insert(batch);
    inserted.push(...((await insert.returning(['id', 'user_id', 'kind'])) as typeof inserted));
  }
  await queueEmails(db, inserted);
}

export async function listFor(db: Queryable, userId: number, options: { unreadOnly: boolean; limit: number }): Promise<Notification[]> {
  const query = db('notifications').where({ user_id: userId }).orderBy('id', 'desc').limit(options.limit);
  if (options.unreadOnly) query.whereNull('read_at');
  const rows: { id: number; kind: NotificationKind; claim_id: number | null; message: string; link: string; created_at: unknown; read_at: unknown }[] =
    await query;
  return rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    claimId: row.claim_id === null ? null : Number(row.claim_id),
    message: row.message,
    link: row.link,
    createdAt: toIso(row.created_at),
    read: row.read_at !== null && row.read_at !== undefined,
  }));
}

export async function countUnread(db: Queryable, userId: number): Promise<number> {
  const row = await db('notifications').where({ user_id: userId }).whereNull('read_at').count<{ count: number | string }[]>({ count: '*' }).first();
  return Number(row?.count ?? 0);
}

/** Marks one (or, with `id` null, every) notification of the user read; returns how many changed. */
export async function markRead(db: Queryable, userId: number, id: number | null): Promise<number> {
  const query = db('notifications').where({ user_id: userId }).whereNull('read_at');
  if (id !== null) query.where({ id });
  return query.update({ read_at: nowIso() });
}
