import { z } from 'zod';
import { text } from '../../lib/text';
import { WEBHOOK_EVENTS } from './webhook-events';

/** `POST /api/v1/webhooks` and the admin page's form. */
export const WebhookInput = z.object({
  url: text({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(2048, 'must be at most 2048 characters')
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'must be an http or https address'),
  events: z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
    z.array(z.enum(WEBHOOK_EVENTS, { error: `must be among ${WEBHOOK_EVENTS.join(', ')}` })).min(1, 'choose at least one event'),
  ),
  secret: text({ error: 'is required' }).min(16, 'must be at least 16 characters (it signs every delivery)').max(200, 'must be at most 200 characters'),
});
export type WebhookInput = z.output<typeof WebhookInput>;

export const WebhookPatch = z.object({ enabled: z.boolean({ error: 'must be true or false' }) });
