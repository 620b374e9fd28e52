import { isAccountEvent, type Actor, type DomainEvent, type EventSubscriber } from '../../events';
import type { AuditEventName } from './audit-events';
import { recordAuditEvent } from './audit-service';

interface AuditEntry {
  event: AuditEventName;
  actor: Actor;
  subject: string | null;
  details: Record<string, unknown> | null;
}

/** The audit row a domain event leaves, or null when the event is not security-relevant. */
export function auditEntryOf(event: DomainEvent): AuditEntry | null {
  if (isAccountEvent(event)) return { event: event.kind, actor: event.actor, subject: event.subject, details: event.details ?? null };
  switch (event.kind) {
    case 'decision.saved':
      // Only publishing, or taking back what was published, is audited.
      if (event.published)
        return {
          event: 'decision.published',
          actor: event.actor,
          subject: `claim ${event.claimId}`,
          details: { verdict: event.verdict, republished: event.wasPublished },
        };
      if (event.wasPublished)
        return { event: 'decision.unpublished', actor: event.actor, subject: `claim ${event.claimId}`, details: { verdict: event.verdict } };
      return null;
    case 'claim.same_as':
      return { event: 'claim.same_as', actor: event.actor, subject: `claim ${event.claimId}`, details: { sameAs: event.sameAs } };
    case 'claim.same_as_removed':
      return { event: 'claim.same_as_removed', actor: event.actor, subject: `claim ${event.claimId}`, details: { was: event.was } };
    default:
      return null;
  }
}

/** Writes the audit event in the transaction that made the change: it exists exactly when the change committed. */
export const auditSubscriber: EventSubscriber = {
  name: 'audit',
  async inTransaction(tx, event) {
    const entry = auditEntryOf(event);
    if (entry) await recordAuditEvent(tx, entry.event, entry.actor, entry.subject, entry.details);
  },
};
