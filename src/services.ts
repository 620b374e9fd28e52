import type { Db } from './db/knex';
import { createDomainEvents, publicContentSubscriber, type DomainEvents, type EventSubscriber } from './events';
import type { Extract } from './extraction/extraction-pool';
import { ChangeFeed } from './lib/change-feed';
import type { SafeFetcher } from './outbound/safe-fetch';
import { createAccountsService } from './modules/accounts';
import { auditSubscriber, createAuditService } from './modules/audit';
import { createArticlesService } from './modules/articles';
import { createArticleSources } from './modules/article-sources';
import { createClaimsService } from './modules/claims';
import { createChecksService } from './modules/checks';
import { claimStatsSubscriber, createReviewService } from './modules/review';
import { createSearchService } from './modules/search';
import { createAssignmentsService } from './modules/assignments';
import { createDiscussionService } from './modules/discussion';
import { createEmailSettingsService, notificationSubscriber } from './modules/notifications';
import { webhookSubscriber } from './modules/webhooks';
import { createDecisionsService, decisionMarksSubscriber, decisionsReader } from './modules/verdicts';
import { createRevisionsService } from './modules/revisions';

export interface ServiceOptions {
  /** Ordinal checks a claim needs before it has a consensus (MIN_REVIEWS_FOR_CONSENSUS). */
  minOrdinalChecks: number;
  /** Where committed changes readers see are announced (the page cache listens); one is made when absent. */
  changeFeed?: ChangeFeed;
  fetcher?: SafeFetcher;
  extract?: Extract;
  emailEnabled?: boolean;
  /** A read-only connection for the look-ups every request makes before writing (db/knex.ts `openReader`); the writer when absent. */
  readConnection?: Db;
  /** Subscribers added after the app's own (a new effect is a new subscriber; tests observe events this way). */
  moreSubscribers?: EventSubscriber[];
}

/**
 * What follows a change, in one list: the subscribers of the domain events, in the order they run
 * inside the writing transaction (decision marks before the stored aggregates, which rank by
 * them), then the page cache once it has committed.
 */
export function domainEventsFor(db: Db, options: Pick<ServiceOptions, 'minOrdinalChecks' | 'moreSubscribers'> & { changeFeed: ChangeFeed }): DomainEvents {
  return createDomainEvents([
    auditSubscriber,
    decisionMarksSubscriber,
    claimStatsSubscriber(decisionsReader(db, { minOrdinalChecks: options.minOrdinalChecks })),
    notificationSubscriber,
    webhookSubscriber,
    publicContentSubscriber(options.changeFeed),
    ...(options.moreSubscribers ?? []),
  ]);
}

export type Services = ReturnType<typeof createServices>;

/** The domain services over one database, sharing one event mechanism: the web app, the CLI, start-up, tests and the benchmark build them here. */
export function createServices(db: Db, options: ServiceOptions) {
  const changeFeed = options.changeFeed ?? new ChangeFeed();
  const consensus = { minOrdinalChecks: options.minOrdinalChecks };
  const events = domainEventsFor(db, { ...consensus, changeFeed, moreSubscribers: options.moreSubscribers });
  const accounts = createAccountsService(db, events, options.readConnection);
  const articles = createArticlesService(db, events, createArticleSources({ fetcher: options.fetcher, extract: options.extract }));
  const decisions = createDecisionsService(db, consensus, events);
  const claims = createClaimsService(db, articles, decisions, events);
  const checks = createChecksService(db, events);
  const review = createReviewService(db, claims, articles, decisions);
  return {
    events,
    changeFeed,
    accounts,
    audit: createAuditService(db),
    articles,
    decisions,
    claims,
    checks,
    review,
    search: createSearchService(db, articles, claims, decisions),
    assignments: createAssignmentsService(db, events, accounts, claims),
    discussion: createDiscussionService(db, events, review, accounts),
    revisions: createRevisionsService(articles, claims),
    emailSettings: createEmailSettingsService(db, events, { emailEnabled: options.emailEnabled ?? false }),
  };
}
