import { z } from 'zod';
import type { QueueMetrics } from '../db/leased-worker';
import type { AccessRule } from './access';
import { api, type RouteSpec } from './routes';

const Metrics = z.object({
  due: z.number().int().describe('pending, due and held by no worker'),
  leased: z.number().int().describe('held by a worker now'),
  failed: z.number().int().describe('given up after the last retry'),
});
const QueueMetricsResponse = z.object({ webhooks: Metrics, email: Metrics.nullable() });

/** The delivery queues' metrics for operators: what the one leased worker has due, in hand and failed. */
export function queueMetricsRoutes(
  queues: { webhooks: () => Promise<QueueMetrics>; email: (() => Promise<QueueMetrics>) | null },
  adminsOnly: AccessRule,
): RouteSpec[] {
  return [
    api(
      'get',
      '/api/v1/admin/queues',
      adminsOnly,
      {
        tag: 'Admin',
        summary: 'The webhook and email delivery queues: items due, leased by a worker, and failed for good (`email` is null without SMTP_URL).',
        response: QueueMetricsResponse,
      },
      async (_input, _req, res) => {
        res.json({ webhooks: await queues.webhooks(), email: queues.email ? await queues.email() : null });
      },
    ),
  ];
}
