import type { Queryable } from '../../db/knex';
import { toIso } from '../../db/time';
import type { AuditEvent, AuditEventName } from './audit-events';

export async function insertEvent(
  db: Queryable,
  event: { event: AuditEventName; actorId: number | null; subject: string | null; ip: string | null; details: Record<string, unknown> | null; at: string },
): Promise<void> {
  await db('audit_events').insert({
    event: event.event,
    actor_id: event.actorId,
    subject: event.subject,
    ip: event.ip,
    details: event.details ? JSON.stringify(event.details) : null,
    created_at: event.at,
  });
}

export async function listEvents(db: Queryable, filter: { event?: AuditEventName; limit: number }): Promise<AuditEvent[]> {
  const query = db('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .select('audit_events.*', 'users.username as actor_name')
    .orderBy('audit_events.id', 'desc')
    .limit(filter.limit);
  if (filter.event) query.where('audit_events.event', filter.event);
  const rows = await query;
  return rows.map((row: Record<string, unknown>) => ({
    id: Number(row.id),
    event: row.event as AuditEventName,
    actorId: row.actor_id === null ? null : Number(row.actor_id),
    actorName: (row.actor_name as string | null) ?? null,
    subject: row.subject as string | null,
    ip: row.ip as string | null,
    details: row.details ? (JSON.parse(row.details as string) as Record<string, unknown>) : null,
    createdAt: toIso(row.created_at),
  }));
}
