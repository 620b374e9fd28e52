import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AccessRule } from '../../http/access';
import { api, page, type RouteSpec } from '../../http/routes';
import { AUDIT_EVENTS } from './audit-events';
import type { AuditService } from './audit-service';

export const AuditFilter = z.object({
  event: z.union([z.enum(AUDIT_EVENTS, { error: 'is not a known event' }), z.literal('').transform(() => undefined)]).optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1000).optional(),
});
export type AuditFilter = z.output<typeof AuditFilter>;

export const AuditEventsResponse = z.object({
  events: z.array(
    z.object({
      id: z.number().int(),
      event: z.enum(AUDIT_EVENTS),
      actorId: z.number().int().nullable(),
      actorName: z.string().nullable(),
      subject: z.string().nullable(),
      ip: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
      createdAt: z.string(),
    }),
  ),
});

/** The audit log for admins: a page and the API. `adminsOnly` is the accounts module's rule, passed in: audit sits below accounts and does not import it. */
export function auditRoutes(audit: AuditService, adminsOnly: AccessRule): RouteSpec[] {
  const auditPage = async ({ query: filter }: { query: AuditFilter }, _req: Request, res: Response) => {
    res.render('accounts/audit', { title: 'Audit log', events: await audit.list(filter), filter, eventNames: AUDIT_EVENTS });
  };
  return [
    page('get', '/admin/audit', adminsOnly, { query: AuditFilter }, auditPage),
    api(
      'get',
      '/api/v1/audit',
      adminsOnly,
      { tag: 'Admin', summary: 'The audit log, newest first.', query: AuditFilter, response: AuditEventsResponse },
      async ({ query }, _req, res) => {
        res.json({ events: await audit.list(query) });
      },
    ),
  ];
}
