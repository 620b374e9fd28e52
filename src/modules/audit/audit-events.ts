/** The events the audit log knows, and the shape in which admins read them. */
export const AUDIT_EVENTS = [
  'login.succeeded',
  'login.failed',
  'login.blocked',
  'logout',
  'account.registered',
  'account.created',
  'account.role_changed',
  'account.disabled',
  'account.enabled',
  'account.password_changed',
  'account.password_reset',
  'account.email_changed',
  'registration.changed',
  'registration.refused',
  'token.created',
  'token.revoked',
  'decision.published',
  'decision.unpublished',
  'claim.same_as',
  'claim.same_as_removed',
] as const;
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
