import type { Db, Queryable } from '../../db/knex';
import { nowIso } from '../../db/time';
import { AppError } from '../../lib/errors';
import * as repo from './audit-repository';
import type { AuditEvent, AuditEventName } from './audit-repository';

/** Sign-in limits: per account and per address, over a sliding window. */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export interface AuditContext {
  actorId: number | null;
  ip: string | null;
}

export type AuditService = ReturnType<typeof createAuditService>;

/**
 * Writes one audit event with the caller's database or transaction: services call it inside the
 * transaction that makes the change, so the web, the CLI and imports are audited alike and an
 * event exists exactly when its change was committed.
 */
export async function recordAuditEvent(
  db: Queryable,
  event: AuditEventName,
  context: AuditContext,
  subject: string | null = null,
  details: Record<string, unknown> | null = null,
): Promise<void> {
  await repo.insertEvent(db, { event, actorId: context.actorId, subject, ip: context.ip, details, at: nowIso() });
}

/**
 * The audit log of security-relevant events. It also backs sign-in rate limiting, so the
 * counters live in the database and every instance on one database shares them.
 */
export function createAuditService(db: Db) {
  return {
    async record(event: AuditEventName, context: AuditContext, subject: string | null = null, details: Record<string, unknown> | null = null): Promise<void> {
      await repo.insertEvent(db, { event, actorId: context.actorId, subject, ip: context.ip, details, at: nowIso() });
    },

    list(filter: { event?: AuditEventName; limit?: number } = {}): Promise<AuditEvent[]> {
      return repo.listEvents(db, { event: filter.event, limit: Math.min(filter.limit ?? 200, 1000) });
    },

    /** Throws a 429 while the account or the address has too many recent failures. */
    async assertLoginAllowed(username: string, ip: string | null): Promise<void> {
      const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
      const [forAccount, forAddress] = await Promise.all([
        repo.countRecentFailures(db, { subject: username }, since),
        ip ? repo.countRecentFailures(db, { ip }, since) : Promise.resolve(0),
      ]);
      if (forAccount >= MAX_FAILURES_PER_ACCOUNT || forAddress >= MAX_FAILURES_PER_ADDRESS) {
        await this.record('login.blocked', { actorId: null, ip }, username);
        throw new AppError(429, 'too_many_attempts', `Too many sign-in attempts. Wait ${LOGIN_WINDOW_MINUTES} minutes and try again.`);
      }
    },
  };
}
