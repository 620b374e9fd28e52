export { createAuditService, SYSTEM_ACTOR, type AuditService, type AuditContext } from './audit-service';
export { auditSubscriber } from './audit-subscriber';
export { auditRoutes, AuditFilter } from './audit-routes';
export { AUDIT_EVENTS, type AuditEvent, type AuditEventName } from './audit-events';
export { auditContext } from './audit-context';
