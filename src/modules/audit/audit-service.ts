import type { Db, Queryable } from '../../db/knex';
import type { Actor } from '../../events';
import { nowIso } from '../../db/time';
import * as repo from './audit-repository';
import type { AuditEvent, AuditEventName } from './audit-events';

/** Who acted, as the audit log records it (the domain events' actor). */
export type AuditContext = Actor;

/** Work done by the application itself or its fixtures (seed import, tests, benchmark), not by a person. */
export const SYSTEM_ACTOR: AuditContext = { actorId: null, ip: null, via: 'system' };

export type AuditService = ReturnType<typeof createAuditService>;

/**
 * Writes one audit event with the caller's database or transaction: the audit subscriber calls it
 * inside the transaction that makes the change, so the web, the CLI and imports are audited alike
 * and an event exists exactly when its change was committed.
 */
export async function recordAuditEvent(
  db: Queryable,
  event: AuditEventName,
  context: AuditContext,
  subject: string | null = null,
  details: Record<string, unknown> | null = null,
): Promise<void> {
  const withVia = context.via ? { ...details, via: context.via } : details;
  await repo.insertEvent(db, { event, actorId: context.actorId, subject, ip: context.ip, details: withVia, at: nowIso() });
}

/** The audit log of security-relevant events: recorded by the services that make each change, read by admins. */
export function createAuditService(db: Db) {
  return {
    /** For events no service owns (signing out). */
    record(event: AuditEventName, context: AuditContext, subject: string | null = null, details: Record<string, unknown> | null = null): Promise<void> {
      return recordAuditEvent(db, event, context, subject, details);
    },

    list(filter: { event?: AuditEventName; limit?: number } = {}): Promise<AuditEvent[]> {
      return repo.listEvents(db, { event: filter.event, limit: Math.min(filter.limit ?? 200, 1000) });
    },
  };
}
