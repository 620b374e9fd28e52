import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Config } from './config';
import type { Db } from './db/knex';
import { sessionMiddleware, unlessTokenOnlyApiCall } from './http/sessions';
import { requestLogging } from './http/request-logging';
import { csrfProtection, exposeCsrfToken } from './http/csrf';
import { showFlash } from './http/flash';
import { publicReadCors } from './http/cors';
import { errorHandler, notFound } from './http/error-handler';
import { healthRouter } from './http/health';
import { queueMetricsRoutes } from './http/queue-metrics-routes';
import { anonymousFormBulkhead } from './http/form-post-bulkhead';
import type { Logger } from './lib/logger';
import { ChangeFeed } from './lib/change-feed';
import { PublicCache } from './http/public-cache';
import { countQueries } from './db/query-counter';
import { accountsRoutes, atLeast, bearerToken, configurePassport, signInClientOf } from './modules/accounts';
import { auditRoutes } from './modules/audit';
import { articlesRoutes } from './modules/articles';
import { reviewerPanelOf, reviewRoutes } from './modules/review';
import { createReaderService, readerRoutes } from './modules/reader';
import { searchRoutes } from './modules/search';
import { assignmentsRoutes } from './modules/assignments';
import { discussionRoutes } from './modules/discussion';
import { countUnread, createEmailDelivery, notificationsRoutes } from './modules/notifications';
import { createWebhooksService, webhooksRoutes } from './modules/webhooks';
import { createExportsService, exportsRoutes } from './modules/exports';
import { revisionsRoutes } from './modules/revisions';
import { embedsRoutes } from './modules/embeds';
import { createSafeFetcher } from './outbound/safe-fetch';
import { createExtractor } from './extraction/extraction-pool';
import { createSmtpMailer } from './outbound/mailer';
import { mountRoutes, type RouteSpec } from './http/routes';
import { anyOriginPaths, cacheRules } from './http/route-sharing';
import { apiDocsRoutes } from './http/api-docs-routes';
import { bodyParsers } from './http/body-parsers';
import { createServices } from './services';
import type { EventSubscriber } from './events';

export interface AppDeps {
  db: Db;
  /** The read connection (db/knex.ts `openReader`); the writer when absent. */
  readConnection?: Db;
  config: Config;
  logger: Logger;
  sessionSecret: string;
  /** Where published-content changes are announced (the cache listens); one is made when absent. */
  changeFeed?: ChangeFeed;
  /** Subscribers of the domain events besides the app's own (services.ts). */
  moreSubscribers?: EventSubscriber[];
}

const API_VERSION = '1.0.0';

/** Builds the Express app from its dependencies; nothing here touches the network or disk at import. */
export function createApp({ db, readConnection, config, logger, sessionSecret, changeFeed = new ChangeFeed(), moreSubscribers }: AppDeps): Express {
  const fetcher = createSafeFetcher({ allowHosts: config.outboundAllowHosts });
  const extractor = createExtractor();
  const services = createServices(db, {
    minOrdinalChecks: config.minReviewsForConsensus,
    readConnection,
    changeFeed,
    fetcher,
    extract: extractor.extract,
    emailEnabled: config.smtpUrl !== null,
    moreSubscribers,
  });
  const { accounts, audit, articles, decisions, claims, checks, review, search, assignments, discussion, revisions, emailSettings } = services;
  const reader = createReaderService(claims, decisions, articles);
  const webhooks = createWebhooksService(db, fetcher);
  const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : null;
  const email = mailer ? createEmailDelivery(db, mailer, { baseUrl: config.publicBaseUrl, logger }) : null;
  const devices = { secret: sessionSecret, secureCookies: config.cookieSecure };
  const passport = configurePassport(accounts, signInClientOf(devices));

  const publishing = { baseUrl: config.publicBaseUrl, publisherName: config.publisherName };
  const exportsService = createExportsService({ articles, claims, checks, review, publishing });
  /** Every route of the app, each with who may call it: mounted below and described by the OpenAPI document. */
  const routes: RouteSpec[] = [
    ...accountsRoutes(accounts, passport, audit, devices, emailSettings),
    ...auditRoutes(audit, atLeast('admin')),
    ...articlesRoutes(articles),
    ...revisionsRoutes(revisions, articles),
    ...readerRoutes(reader, articles, reviewerPanelOf(review), publishing),
    ...searchRoutes(search), // before the claims routes: /api/v1/claims/similar is not a claim id
    ...assignmentsRoutes(assignments, accounts, claims),
    ...discussionRoutes(discussion),
    ...notificationsRoutes(db, emailSettings),
    ...webhooksRoutes(webhooks),
    ...queueMetricsRoutes({ webhooks: () => webhooks.queueMetrics(), email: email ? () => email.queueMetrics() : null }, atLeast('admin')),
    ...reviewRoutes(review, claims, checks, articles, publishing, { search, assignments, discussion }),
    ...exportsRoutes(exportsService, publishing, { minOrdinalChecks: config.minReviewsForConsensus }),
    ...embedsRoutes(review, articles, publishing),
  ];
  routes.push(...apiDocsRoutes(() => routes, { version: API_VERSION, serverUrl: config.publicBaseUrl }));
  // What may be cached and read from other origins is declared on the routes: the cache and CORS are built from them.
  const publicCache = new PublicCache(changeFeed, config.pageCacheBytes, cacheRules(routes));

  const app = express();
  app.locals.publicCache = publicCache; // for diagnostics and tests
  app.set('views', path.join(config.rootDir, 'views'));
  app.set('view engine', 'ejs');
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  if (config.production) app.set('view cache', true);

  // Anonymous cache hits, answered before anything else (server.ts does the same ahead of Express).
  app.use((req, res, next) => (publicCache.fastPath(req, res) ? undefined : next()));
  app.use(requestLogging(logger));
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'] } } }));
  app.use(publicReadCors(anyOriginPaths(routes)));
  app.use(
    express.static(path.join(config.rootDir, 'public'), {
      maxAge: config.production ? '1h' : 0,
      // Publishers' pages load the embed script from their own origin: it may be read cross-origin (helmet's default is same-origin).
      setHeaders: (res, file) => {
        if (path.basename(file) !== 'embed.js') return;
        res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
        res.setHeader('Access-Control-Allow-Origin', '*'); // for <script crossorigin="anonymous"> (no cookies) and integrity checks
      },
    }),
  );
  app.use((req, res, next) => {
    res.locals.currentUser = null;
    res.locals.currentPath = req.path;
    res.locals.flash = null;
    next();
  });
  app.use(healthRouter(db));
  app.use(anonymousFormBulkhead());
  if (config.queryCountHeader) app.use(countQueries(db));
  app.use(bodyParsers(routes));
  app.use(unlessTokenOnlyApiCall(sessionMiddleware(db, { secret: sessionSecret, secureCookies: config.cookieSecure })));
  app.use(unlessTokenOnlyApiCall(passport.initialize()));
  app.use(unlessTokenOnlyApiCall(passport.session()));
  app.use(bearerToken(accounts));
  app.use(csrfProtection);
  app.use(exposeCsrfToken);
  app.use(showFlash);
  // After the session and token layers: whether a request is anonymous is their verdict.
  app.use(publicCache.middleware());
  app.use((req, res, next) => {
    res.locals.currentUser = req.user ?? null;
    next();
  });
  // The header's unread count, on pages for signed-in people (never cached: those pages are personal).
  app.use(async (req, res, next) => {
    if (req.user && req.method === 'GET' && !req.path.startsWith('/api/')) res.locals.unreadNotifications = await countUnread(db, req.user.id);
    next();
  });

  app.locals.routes = routes; // the live route specs, for diagnostics and tests
  /** Background jobs the server runs on a timer (server.ts); tests call them directly. */
  app.locals.jobs = {
    remindDueTomorrow: () => assignments.remindDueTomorrow(),
    deliverWebhooks: (now?: number) => webhooks.deliverDue(now),
    /** Null when no SMTP_URL is set: nothing is emailed. */
    deliverEmail: email ? (now?: number) => email.deliverDue(now) : null,
    closeMailer: () => mailer?.close(),
    closeExtractor: () => extractor.close(),
  };
  app.use(mountRoutes(express.Router(), routes));

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
