import type { DomainEvent, EventSubscriber } from '../../events';
import { newEvent, type WebhookEvent } from './webhook-events';
import * as repo from './webhooks-repository';

/** The webhook events a domain event sends, with the data receivers get. */
export function webhookEventsOf(event: DomainEvent): WebhookEvent[] {
  switch (event.kind) {
    case 'article.created':
      return [newEvent('article.created', { ...event.article, revision: 1, url: `/articles/${event.article.slug}` })];
    case 'article.revised':
      return [
        newEvent('article.revised', {
          ...event.article,
          revision: event.revision,
          anchoring: event.anchoring,
          url: `/articles/${event.article.slug}?revision=${event.revision}`,
        }),
      ];
    case 'claim.created':
      return [newEvent('claim.created', { ...event.claim, url: `/claims/${event.claim.id}` })];
    case 'checks.filed':
      return event.checks.map((check) =>
        newEvent('check.filed', { id: check.id, claimId: check.claimId, reviewerId: check.reviewerId, ...check.content, url: `/claims/${check.claimId}` }),
      );
    case 'decision.saved': {
      if (!event.published && !event.wasPublished) return [];
      const data = {
        claimId: event.claimId,
        verdict: event.verdict,
        summary: event.summary,
        note: event.note,
        decidedBy: event.decidedBy,
        url: `/claims/${event.claimId}`,
      };
      return [newEvent(event.published ? 'decision.published' : 'decision.unpublished', data)];
    }
    default:
      return [];
  }
}

/** Queues a delivery for every webhook that wants the event, in the transaction of the change: delivered exactly when it committed. */
export const webhookSubscriber: EventSubscriber = {
  name: 'webhooks',
  async inTransaction(tx, event) {
    const events = webhookEventsOf(event);
    if (events.length > 0) await repo.enqueue(tx, events, Date.now());
  },
};
