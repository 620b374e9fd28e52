export { createAuditService, recordAuditEvent, type AuditService, type AuditContext, LOGIN_WINDOW_MINUTES, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from './audit-service';
export { auditRoutes, AuditFilter } from './audit-routes';
export { AUDIT_EVENTS, type AuditEvent, type AuditEventName } from './audit-repository';
