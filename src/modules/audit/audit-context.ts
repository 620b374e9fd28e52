import type { Request } from 'express';
import type { AuditContext } from './audit-service';

/** Who did it, from where: for the audit log. */
export function auditContext(req: Request): AuditContext {
  return { actorId: req.user?.id ?? null, ip: req.ip ?? null };
}
