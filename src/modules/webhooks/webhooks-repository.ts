import type { Queryable } from '../../db/knex';
import { nowIso, toIso } from '../../db/time';
import type { WebhookEvent, WebhookEventType } from './webhook-events';

export interface Webhook {
  id: number;
  url: string;
  events: WebhookEventType[];
  secret: string;
  enabled: boolean;
  createdAt: string;
}

export interface Delivery {
  id: number;
  webhookId: number;
  eventId: string;
  eventType: WebhookEventType;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  createdAt: string;
  deliveredAt: string | null;
}

type WebhookRow = { id: number; url: string; events: string; secret: string; enabled: boolean | number; created_at: unknown };
const toWebhook = (row: WebhookRow): Webhook => ({
  id: Number(row.id),
  url: row.url,
  events: JSON.parse(row.events) as WebhookEventType[],
  secret: row.secret,
  enabled: Boolean(row.enabled),
  createdAt: toIso(row.created_at),
});

type DeliveryRow = {
  id: number;
  webhook_id: number;
  event_id: string;
  event_type: WebhookEventType;
  payload: string;
  status: Delivery['status'];
  attempts: number;
  next_attempt_at: number | string;
  created_at: unknown;
  delivered_at: unknown;
};
const toDelivery = (row: DeliveryRow): Delivery => ({
  id: Number(row.id),
  webhookId: Number(row.webhook_id),
  eventId: row.event_id,
  eventType: row.event_type,
  payload: row.payload,
  status: row.status,
  attempts: Number(row.attempts),
  nextAttemptAt: Number(row.next_attempt_at),
  createdAt: toIso(row.created_at),
  deliveredAt: row.delivered_at ? toIso(row.delivered_at) : null,
});

export async function insertWebhook(db: Queryable, hook: { url: string; events: WebhookEventType[]; secret: string; createdBy: number }): Promise<number> {
  const [row] = await db('webhooks')
    .insert({ url: hook.url, events: JSON.stringify(hook.events), secret: hook.secret, enabled: true, created_by: hook.createdBy, created_at: nowIso() })
    .returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

export async function listWebhooks(db: Queryable): Promise<Webhook[]> {
  return ((await db('webhooks').orderBy('id')) as WebhookRow[]).map(toWebhook);
}

export async function findWebhook(db: Queryable, id: number): Promise<Webhook | null> {
  const row = (await db('webhooks').where({ id }).first()) as WebhookRow | undefined;
  return row ? toWebhook(row) : null;
}

export async function setEnabled(db: Queryable, id: number, enabled: boolean): Promise<number> {
  return db('webhooks').where({ id }).update({ enabled });
}

export async function deleteWebhook(db: Queryable, id: number): Promise<number> {
  return db('webhooks').where({ id }).delete();
}

/** One pending delivery per enabled webhook that subscribes to each event (in the caller's transaction; one read of the webhooks for all). */
export async function enqueue(db: Queryable, events: WebhookEvent[], now: number): Promise<number> {
  if (events.length === 0) return 0;
  const hooks = (await listWebhooks(db)).filter((hook) => hook.enabled);
  const rows = events.flatMap((event) => {
    const payload = JSON.stringify(event);
    return hooks
      .filter((hook) => hook.events.includes(event.type))
      .map((hook) => ({
        webhook_id: hook.id,
        event_id: event.id,
        event_type: event.type,
        payload,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        created_at: nowIso(),
      }));
  });
  for (let i = 0; i < rows.length; i += 100) await db('webhook_deliveries').insert(rows.slice(i, i + 100));
  return rows.length;
}

/** A leased row of the queue as a delivery. */
export function leasedDelivery(row: Record<string, unknown>): Delivery {
  return toDelivery(row as unknown as DeliveryRow);
}

export async function recordAttempt(
  db: Queryable,
  attempt: { deliveryId: number; attempt: number; statusCode: number | null; error: string | null; durationMs: number },
): Promise<void> {
  await db('webhook_attempts').insert({
    delivery_id: attempt.deliveryId,
    attempt: attempt.attempt,
    status_code: attempt.statusCode,
    error: attempt.error,
    duration_ms: attempt.durationMs,
    at: nowIso(),
  });
}

/** The columns of a delivery's outcome (the worker writes them while its lease holds). */
export function deliveryOutcome(outcome: { status: Delivery['status']; attempts: number; nextAttemptAt: number }): Record<string, unknown> {
  return {
    status: outcome.status,
    attempts: outcome.attempts,
    next_attempt_at: outcome.nextAttemptAt,
    delivered_at: outcome.status === 'delivered' ? nowIso() : null,
  };
}

export async function findDelivery(db: Queryable, id: number): Promise<Delivery | null> {
  const row = (await db('webhook_deliveries').where({ id }).first()) as DeliveryRow | undefined;
  return row ? toDelivery(row) : null;
}

export async function insertReplay(db: Queryable, delivery: Delivery, now: number): Promise<number> {
  const [row] = await db('webhook_deliveries')
    .insert({
      webhook_id: delivery.webhookId,
      event_id: delivery.eventId,
      event_type: delivery.eventType,
      payload: delivery.payload,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: nowIso(),
    })
    .returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

export interface DeliveryLog extends Omit<Delivery, 'payload'> {
  lastAttempt: { statusCode: number | null; error: string | null; durationMs: number; at: string } | null;
}

/** The newest deliveries of a webhook with their last attempt (the admin's log). */
export async function listDeliveries(db: Queryable, webhookId: number, limit: number): Promise<DeliveryLog[]> {
  const rows = (await db('webhook_deliveries').where({ webhook_id: webhookId }).orderBy('id', 'desc').limit(limit)) as DeliveryRow[];
  if (rows.length === 0) return [];
  const attempts: { delivery_id: number; status_code: number | null; error: string | null; duration_ms: number; at: unknown; attempt: number }[] = await db(
    'webhook_attempts',
  )
    .whereIn(
      'delivery_id',
      rows.map((r) => r.id),
    )
    .orderBy('attempt');
  const last = new Map<number, (typeof attempts)[number]>();
  for (const a of attempts) last.set(Number(a.delivery_id), a);
  return rows.map((row) => {
    const { payload: _payload, ...delivery } = toDelivery(row);
    const a = last.get(Number(row.id));
    return {
      ...delivery,
      lastAttempt: a
        ? { statusCode: a.status_code === null ? null : Number(a.status_code), error: a.error, durationMs: Number(a.duration_ms), at: toIso(a.at) }
        : null,
    };
  });
}
