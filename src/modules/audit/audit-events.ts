import { ACCOUNT_EVENT_KINDS } from '../../events';

/** The events the audit log knows, and the shape in which admins read them. */
export const AUDIT_EVENTS = [...ACCOUNT_EVENT_KINDS, 'decision.published', 'decision.unpublished', 'claim.same_as', 'claim.same_as_removed'] as const;
export type AuditEventName = (typeof AUDIT_EVENTS)[number];

export interface AuditEvent {
  id: number;
  event: AuditEventName;
  actorId: number | null;
  actorName: string | null;
  subject: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
}
