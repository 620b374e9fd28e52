import type { Response } from 'express';
import { z } from 'zod';
import { form } from '../../http/forms';
import { api, page, route, type RouteSpec, type SignedInRequest } from '../../http/routes';
import { IdParam } from '../../lib/ids';
import { atLeast } from '../accounts';
import { WEBHOOK_EVENTS } from './webhook-events';
import type { Webhook } from './webhooks-repository';
import { WebhookInput, WebhookPatch } from './webhooks-schemas';
import type { WebhooksService } from './webhooks-service';

/** A webhook as admins see it: never its secret. */
const webhookJson = (hook: Webhook) => ({ id: hook.id, url: hook.url, events: hook.events, enabled: hook.enabled, createdAt: hook.createdAt });

const WebhookJson = z.object({ id: z.number().int(), url: z.string(), events: z.array(z.enum(WEBHOOK_EVENTS)), enabled: z.boolean(), createdAt: z.string() });
const DeliveriesResponse = z.object({
  deliveries: z.array(
    z.object({
      id: z.number().int(),
      eventId: z.string(),
      eventType: z.enum(WEBHOOK_EVENTS),
      status: z.enum(['pending', 'delivered', 'failed']),
      attempts: z.number().int(),
      createdAt: z.string(),
      deliveredAt: z.string().nullable(),
      lastAttempt: z.object({ statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int(), at: z.string() }).nullable(),
    }),
  ),
});

/** Webhooks for other newsroom systems: admins register, disable, delete, read the log and replay. */
export function webhooksRoutes(webhooks: WebhooksService): RouteSpec[] {
  const pageLocals = async () => {
    const hooks = await webhooks.list();
    const logs = await Promise.all(hooks.map(async (hook) => ({ ...webhookJson(hook), deliveries: (await webhooks.deliveries(hook.id)).slice(0, 10) })));
    return { title: 'Webhooks', hooks: logs, eventTypes: WEBHOOK_EVENTS };
  };
  const adminPage = async (_req: SignedInRequest, res: Response) => res.render('webhooks/index', { ...(await pageLocals()), values: {} });
  const createForm = form({ body: WebhookInput }, 'webhooks/index', pageLocals, async ({ body }, req: SignedInRequest, res) => {
    await webhooks.register(body, req.user.id);
    res.redirect(303, '/admin/webhooks');
  });

  return [
    page('get', '/admin/webhooks', atLeast('admin'), {}, async (_input, req, res) => adminPage(req, res)),
    route('post', '/admin/webhooks', atLeast('admin'), createForm),
    route('post', '/admin/webhooks/:id/enabled', atLeast('admin'), async (req: SignedInRequest, res: Response) => {
      await webhooks.setEnabled(IdParam.parse(req.params).id, (req.body as Record<string, unknown>)?.enabled === 'true');
      res.redirect(303, '/admin/webhooks');
    }),
    route('post', '/admin/webhooks/:id/delete', atLeast('admin'), async (req: SignedInRequest, res: Response) => {
      await webhooks.remove(IdParam.parse(req.params).id);
      res.redirect(303, '/admin/webhooks');
    }),
    route('post', '/admin/webhook-deliveries/:id/replay', atLeast('admin'), async (req: SignedInRequest, res: Response) => {
      await webhooks.replay(IdParam.parse(req.params).id);
      res.redirect(303, '/admin/webhooks');
    }),
    api(
      'post',
      '/api/v1/webhooks',
      atLeast('admin'),
      {
        tag: 'Webhooks',
        summary: 'Register a webhook: `url` (checked against the outbound address policy now and on every delivery), `events`, `secret` (signs each delivery).',
        body: WebhookInput,
        success: 201,
        response: WebhookJson,
      },
      async ({ body }, req, res) => {
        res.status(201).json(webhookJson(await webhooks.register(body, req.user.id)));
      },
    ),
    api(
      'get',
      '/api/v1/webhooks',
      atLeast('admin'),
      { tag: 'Webhooks', summary: 'The registered webhooks (secrets are never shown).', response: z.object({ webhooks: z.array(WebhookJson) }) },
      async (_input, _req, res) => {
        res.json({ webhooks: (await webhooks.list()).map(webhookJson) });
      },
    ),
    api(
      'patch',
      '/api/v1/webhooks/:id',
      atLeast('admin'),
      {
        tag: 'Webhooks',
        summary: 'Enable or disable a webhook (`{"enabled"}`); deliveries to a disabled one fail.',
        params: IdParam,
        body: WebhookPatch,
        response: WebhookJson,
      },
      async ({ params, body }, _req, res) => {
        res.json(webhookJson(await webhooks.setEnabled(params.id, body.enabled)));
      },
    ),
    api(
      'delete',
      '/api/v1/webhooks/:id',
      atLeast('admin'),
      { tag: 'Webhooks', summary: 'Delete a webhook and its log.', params: IdParam, success: 204 },
      async ({ params }, _req, res) => {
        await webhooks.remove(params.id);
        res.status(204).end();
      },
    ),
    api(
      'get',
      '/api/v1/webhooks/:id/deliveries',
      atLeast('admin'),
      {
        tag: 'Webhooks',
        summary: 'The newest 50 deliveries of a webhook with their last attempt (status code, error, duration).',
        params: IdParam,
        response: DeliveriesResponse,
      },
      async ({ params }, _req, res) => {
        res.json({ deliveries: await webhooks.deliveries(params.id) });
      },
    ),
    api(
      'post',
      '/api/v1/webhook-deliveries/:id/replay',
      atLeast('admin'),
      {
        tag: 'Webhooks',
        summary: 'Send a delivery’s event again, as a new delivery.',
        params: IdParam,
        success: 201,
        response: z.object({ deliveryId: z.number().int() }),
      },
      async ({ params }, _req, res) => {
        res.status(201).json({ deliveryId: await webhooks.replay(params.id) });
      },
    ),
  ];
}
