import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/knex';
import { NotFoundError } from '../../lib/errors';
import { parseInput } from '../../lib/parse';
import type { SafeFetcher } from '../../outbound/safe-fetch';
import { afterFailure, createLeasedWorker, type Lease } from '../../db/leased-worker';
import { signature, WEBHOOK_RETRIES } from './webhook-events';
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
  async function deliver(delivery: repo.Delivery, lease: Lease): Promise<'delivered' | 'retry' | 'failed'> {
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
    const next = afterFailure(attempt, WEBHOOK_RETRIES, lease.now);
    const outcome = error === null ? 'delivered' : !hook?.enabled || !next.retry ? 'failed' : 'retry';
    return db.transaction(async (tx) => {
      // The attempt happened, so it is logged; its outcome is written only by the lease's owner.
      await repo.recordAttempt(tx, { deliveryId: delivery.id, attempt, statusCode, error, durationMs });
      await lease.finish(
        repo.deliveryOutcome({
          status: outcome === 'retry' ? 'pending' : outcome,
          attempts: attempt,
          nextAttemptAt: outcome === 'retry' && next.retry ? next.nextAttemptAt : delivery.nextAttemptAt,
        }),
        tx,
      );
      return outcome;
    });
  }

  const worker = createLeasedWorker(db, {
    table: 'webhook_deliveries',
    leaseMs: LEASE_MS,
    round: ROUND,
    outcomes: ['delivered', 'retry', 'failed'] as const,
    load: async (_db, row) => repo.leasedDelivery(row),
    work: deliver,
  });

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
     * Delivers what is due (a worker's round); `now` is the round's clock (tests move it).
     * Returns what happened to each; `lost` (only when present) counts outcomes not written
     * because the lease had run out and another worker held the delivery.
     */
    deliverDue: (now?: number) => worker.runRound(now),
    /** Deliveries due, being sent, and failed for good. */
    queueMetrics: (now?: number) => worker.metrics(now),
  };
}
