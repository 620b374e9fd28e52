import type { ChangeFeed } from '../lib/change-feed';
import type { DomainEvent } from './event-kinds';
import type { EventSubscriber } from './domain-events';

/** What readers may see that an event changes, if anything (claims and drafts are not public until a verdict is published). */
export function publicChangeOf(event: DomainEvent): 'article' | 'check' | 'decision' | null {
  switch (event.kind) {
    case 'article.created':
    case 'article.revised':
      return 'article';
    case 'checks.filed':
    case 'check.edited':
      return 'check'; // a published claim's new-evidence mark and the desk's counts
    case 'decision.saved':
    case 'claim.same_as':
    case 'claim.same_as_removed':
      return 'decision';
    default:
      return null;
  }
}

/** Tells the page cache (and, through the feed, other instances) once a change that readers see has committed. */
export function publicContentSubscriber(feed: ChangeFeed): EventSubscriber {
  return {
    name: 'public content',
    afterCommit(event) {
      const change = publicChangeOf(event);
      if (change) feed.publicContentChanged(change);
    },
  };
}
