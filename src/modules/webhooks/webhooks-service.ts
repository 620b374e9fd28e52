import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/knex';
import { NotFoundError } from '../../lib/errors';
import { parseInput } from '../../lib/parse';
import type { SafeFetcher } from '../../outbound/safe-fetch';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, signature } from './webhook-events';
import * as repo from './webhooks-repository';
import { WebhookInput } from './webhooks-schemas';

/** A delivery attempt may take this long; the answer is read up to this size and dropped. */
export const DELIVERY_TIMEOUT_MS = 10_000;
const ANSWER_MAX_BYTES = 64 * 1024;
/**
 * How long a worker holds the one delivery it took: six times the longest a send may take, so the
 * lease outlives its work; past it (the instance died), another worker may take the delivery.
 */
const LEASE_MS = 6 * DELIVERY_TIMEOUT_MS;
/** Deliveries one round sends at most, one after another, each leased just before it is sent. */
const ROUND = 20;

export type WebhooksService = ReturnType<typeof createWebhooksService>;

export function createWebhooksService(db: Db, fetcher: SafeFetcher) {
  async function deliver(delivery: repo.Delivery, token: string, now: number): Promise<'delivered' | 'retry' | 'failed' | 'lost'> {
    const hook = await repo.findWebhook(db, delivery.webhookId);
    const attempt = delivery.attempts + 1;
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    if (!hook?.enabled) error = 'The webhook is disabled.';
    else {
      const timestamp = Math.floor(Date.now() / 1000); // signed as it is sent: a receiver's clock check sees its real age
      try {
        statusCode = (
          await fetcher.postJson(
            hook.url,
            delivery.payload,
            {
              'x-factline-event': delivery.eventType,
              'x-factline-delivery': String(delivery.id),
              'x-factline-timestamp': String(timestamp),
              'x-factline-signature': signature(hook.secret, timestamp, delivery.payload),
            },
            { timeoutMs: DELIVERY_TIMEOUT_MS, maxBytes: ANSWER_MAX_BYTES },
          )
        ).status;
        if (statusCode < 200 || statusCode >= 300) error = `The receiver answered ${statusCode}.`;
      } catch (refusal) {
        error = (refusal as Error).message;
      }
    }
    const durationMs = Math.round(performance.now() - started);
    const outcome = error === null ? 'delivered' : !hook?.enabled || attempt >= MAX_ATTEMPTS ? 'failed' : 'retry';
    return db.transaction(async (tx) => {
      // The attempt happened, so it is logged; its outcome is written only by the lease's owner.
      await repo.recordAttempt(tx, { deliveryId: delivery.id, attempt, statusCode, error, durationMs });
      const owned = await repo.finish(tx, delivery.id, token, {
        status: outcome === 'retry' ? 'pending' : outcome,
        attempts: attempt,
        nextAttemptAt: outcome === 'retry' ? now + RETRY_DELAYS_MS[attempt - 1] : delivery.nextAttemptAt,
      });
      return owned ? outcome : 'lost';
    });
  }

  return {
    async register(raw: WebhookInput, adminId: number): Promise<repo.Webhook> {
      const input = parseInput(WebhookInput, raw);
      await fetcher.checkTarget(input.url); // refused now if it points inside; checked again on every delivery
      const id = await repo.insertWebhook(db, { url: input.url, events: input.events, secret: input.secret, createdBy: adminId });
      return (await repo.findWebhook(db, id))!;
    },

    list: () => repo.listWebhooks(db),

    async setEnabled(id: number, enabled: boolean): Promise<repo.Webhook> {
      if ((await repo.setEnabled(db, id, enabled)) === 0) throw new NotFoundError('There is no such webhook.');
      return (await repo.findWebhook(db, id))!;
    },

    async remove(id: number): Promise<void> {
      if ((await repo.deleteWebhook(db, id)) === 0) throw new NotFoundError('There is no such webhook.');
    },

    async deliveries(webhookId: number): Promise<repo.DeliveryLog[]> {
      if (!(await repo.findWebhook(db, webhookId))) throw new NotFoundError('There is no such webhook.');
      return repo.listDeliveries(db, webhookId, 50);
    },

    /** Sends the same event again, as a new delivery (the receiver can tell by the event id). */
    async replay(deliveryId: number): Promise<number> {
      const delivery = await repo.findDelivery(db, deliveryId);
      if (!delivery) throw new NotFoundError('There is no such delivery.');
      return repo.insertReplay(db, delivery, Date.now());
    },

    /**
     * Delivers what is due (a worker's round), leasing one delivery at a time just before sending
     * it; `now` is the round's clock (tests move it), advanced by the time the round has taken.
     * Returns what happened to each; `lost` (only when present) counts outcomes not written
     * because the lease had run out and another worker held the delivery.
     */
    async deliverDue(now = Date.now()): Promise<{ delivered: number; retry: number; failed: number; lost?: number }> {
      const counts: { delivered: number; retry: number; failed: number; lost?: number } = { delivered: 0, retry: 0, failed: 0 };
      const started = Date.now();
      for (let i = 0; i < ROUND; i++) {
        const at = now + (Date.now() - started);
        const next = await repo.leaseNext(db, at, at + LEASE_MS);
        if (!next) break;
        const outcome = await deliver(next.delivery, next.token, at);
        counts[outcome] = (counts[outcome] ?? 0) + 1;
      }
      return counts;
    },
  };
}
