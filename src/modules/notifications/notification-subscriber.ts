import type { DomainEvent, EventSubscriber } from '../../events';
import { excerpt } from '../../lib/text';
import { notify, type NewNotification } from './notifications';

/**
 * Who hears of an event, and what they are told: plain text written by Factline, never a quote
 * of a comment, a rationale or a verdict someone may not see yet (a notification is a pointer).
 */
export function notificationsOf(event: DomainEvent): NewNotification[] {
  switch (event.kind) {
    case 'claims.assigned':
      return event.claims.map((claim) => ({
        userId: event.assigneeId,
        kind: 'assigned',
        claimId: claim.id,
        actorId: event.editorId,
        message: `Assigned to you${event.due ? ` (due ${event.due})` : ''}: “${excerpt(claim.quote)}”`,
        link: `/claims/${claim.id}`,
      }));
    case 'assignments.due_tomorrow':
      return event.items.map((item) => ({
        userId: item.reviewerId,
        kind: 'due-tomorrow',
        claimId: item.claimId,
        actorId: null,
        message: `Due tomorrow (${event.date}): “${excerpt(item.quote)}”`,
        link: `/claims/${item.claimId}`,
        // Once per assignment and date, whichever instance runs the reminder and however often.
        dedupKey: `due:${item.claimId}:${item.reviewerId}:${event.date}`,
      }));
    case 'comment.posted': {
      const link = `/claims/${event.claimId}#comment-${event.commentId}`;
      return [
        ...event.mentioned.map((userId) => ({
          userId,
          kind: 'mentioned' as const,
          claimId: event.claimId,
          actorId: event.authorId,
          message: `You were mentioned in the discussion of claim ${event.claimId}.`,
          link,
        })),
        ...event.participants.map((userId) => ({
          userId,
          kind: 'comment' as const,
          claimId: event.claimId,
          actorId: event.authorId,
          message: `New comment in a discussion you are in (claim ${event.claimId}).`,
          link,
        })),
      ];
    }
    case 'decision.saved':
      if (!event.published) return [];
      return event.reviewerIds.map((userId) => ({
        userId,
        kind: 'decision-published',
        claimId: event.claimId,
        actorId: event.decidedBy,
        message: `A verdict was published on a claim you checked (claim ${event.claimId}).`,
        link: `/claims/${event.claimId}`,
      }));
    case 'claims.need_recheck':
      return event.publishers.map(({ claimId, userId }) => ({
        userId,
        kind: 'needs-recheck',
        claimId,
        actorId: null,
        message: `The article changed under your published verdict on claim ${claimId}: recheck it.`,
        link: `/claims/${claimId}`,
      }));
    default:
      return [];
  }
}

/** Notifications (and the emails those who asked for them get) are written in the transaction of the change. */
export const notificationSubscriber: EventSubscriber = {
  name: 'notifications',
  async inTransaction(tx, event) {
    const notifications = notificationsOf(event);
    if (notifications.length > 0) await notify(tx, notifications);
  },
};
