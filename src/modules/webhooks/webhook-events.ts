import { createHmac, randomUUID } from 'node:crypto';
import type { RetryPolicy } from '../../db/leased-worker';

export const WEBHOOK_EVENTS = ['claim.created', 'check.filed', 'decision.published', 'decision.unpublished', 'article.created', 'article.revised'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** The JSON body Factline POSTs: the event's id, type, time and the object it is about. */
export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: Record<string, unknown>;
}

export function newEvent(type: WebhookEventType, data: Record<string, unknown>, now = new Date()): WebhookEvent {
  return { id: randomUUID(), type, createdAt: now.toISOString(), data };
}

/**
 * The signature a receiver checks: HMAC-SHA256, keyed with the webhook's secret, over
 * `TIMESTAMP.RAW_BODY` (the timestamp header's value, a dot, the exact bytes of the body), sent as
 * `X-Factline-Signature: sha256=HEX`. Signing the timestamp lets a receiver refuse old replays.
 */
export function signature(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** Waits after each failed attempt: 1, 4, 10, 20 minutes (the fifth failure is final; about 35 minutes from the first try, an hour with timeouts). */
export const WEBHOOK_RETRIES: RetryPolicy = { maxAttempts: 5, delaysMs: [60_000, 4 * 60_000, 10 * 60_000, 20 * 60_000] };
