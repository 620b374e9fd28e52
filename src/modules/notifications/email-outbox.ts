import type { Queryable } from '../../db/knex';
import { nowIso, toIso } from '../../db/time';
import { emailRecipients } from './email-settings';
import type { NotificationKind } from './notification-kinds';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/** An email waiting to go, with what it is about and where its person wants it now. */
export interface OutgoingEmail {
  id: number;
  attempts: number;
  userId: number;
  kind: NotificationKind;
  message: string;
  link: string;
  notifiedAt: string;
  read: boolean;
  /** The person's current settings (they may have changed since the notification). */
  address: string | null;
  wantsKind: boolean;
  accountDisabled: boolean;
}

/** Queues an email for each new notification whose person wants its kind by email (the caller's transaction). */
export async function queueEmails(db: Queryable, notifications: { id: number; user_id: number; kind: NotificationKind }[]): Promise<void> {
  if (notifications.length === 0) return;
  const recipients = await emailRecipients(
    db,
    notifications.map((n) => Number(n.user_id)),
  );
  const now = Date.now();
  const rows = notifications
    .filter((n) => recipients.get(Number(n.user_id))?.kinds.includes(n.kind))
    .map((n) => ({ notification_id: Number(n.id), status: 'pending', attempts: 0, next_attempt_at: now, created_at: nowIso() }));
  for (let i = 0; i < rows.length; i += 100) await db('email_outbox').insert(rows.slice(i, i + 100));
}

/** A leased email with what sending it needs: its notification, and its person's settings now. */
export async function outgoingEmail(db: Queryable, id: number): Promise<OutgoingEmail | null> {
  const rows: {
    id: number;
    attempts: number;
    user_id: number;
    kind: NotificationKind;
    message: string;
    link: string;
    created_at: unknown;
    read_at: unknown;
    address: string | null;
    kinds: string | null;
    disabled_at: unknown;
  }[] = await db('email_outbox as o')
    .join('notifications as n', 'n.id', 'o.notification_id')
    .join('users as u', 'u.id', 'n.user_id')
    .leftJoin('email_settings as s', 's.user_id', 'n.user_id')
    .where('o.id', id)
    .select('o.id', 'o.attempts', 'n.user_id', 'n.kind', 'n.message', 'n.link', 'n.created_at', 'n.read_at', 's.address', 's.kinds', 'u.disabled_at');
  const email = rows.map((row) => ({
    id: Number(row.id),
    attempts: Number(row.attempts),
    userId: Number(row.user_id),
    kind: row.kind,
    message: row.message,
    link: row.link,
    notifiedAt: toIso(row.created_at),
    read: row.read_at !== null && row.read_at !== undefined,
    address: row.address ?? null,
    wantsKind: row.kinds !== null && (JSON.parse(row.kinds) as string[]).includes(row.kind),
    accountDisabled: row.disabled_at !== null && row.disabled_at !== undefined,
  }))[0];
  return email ?? null;
}

/** The columns of an email's outcome (the worker writes them while its lease holds). */
export function emailOutcome(outcome: { status: OutboxStatus; attempts: number; nextAttemptAt?: number; error: string | null }): Record<string, unknown> {
  return {
    status: outcome.status,
    attempts: outcome.attempts,
    ...(outcome.nextAttemptAt === undefined ? {} : { next_attempt_at: outcome.nextAttemptAt }),
    last_error: outcome.error,
    finished_at: outcome.status === 'pending' ? null : nowIso(),
  };
}

/** How many emails are in each state (diagnostics, tests). */
export async function countByStatus(db: Queryable): Promise<Record<OutboxStatus, number>> {
  const rows: { status: OutboxStatus; count: number | string }[] = await db('email_outbox').select('status').count({ count: '*' }).groupBy('status');
  const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0, skipped: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}
