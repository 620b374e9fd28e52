import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { Config } from './config';
import type { Db } from './db/knex';
import { bearerToken, configurePassport, sessionMiddleware } from './http/authentication';
import { csrfProtection, exposeCsrfToken } from './http/csrf';
import { errorHandler, notFound } from './http/error-handler';
import { healthRouter } from './http/health';
import type { Logger } from './lib/logger';
import { accountsRouter, createAccountsService } from './modules/accounts';
import { auditRouter, createAuditService } from './modules/audit';
import { articlesRouter, createArticlesService } from './modules/articles';
import { claimsRouter, createChecksService, createClaimsService } from './modules/claims';
import { createReaderService, readerRouter } from './modules/reader';
import { createExportsService, exportsRoutes } from './modules/exports';
import { mountRoutes } from './http/routes';

export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  sessionSecret: string;
}

const BODY_LIMIT = '1mb';

/** Builds the Express app from its dependencies; nothing here touches the network or disk at import. */
export function createApp({ db, config, logger, sessionSecret }: AppDeps): Express {
  const accounts = createAccountsService(db);
  const audit = createAuditService(db);
  const articles = createArticlesService(db);
  const claims = createClaimsService(db, articles, { minOrdinalChecks: config.minReviewsForConsensus });
  const checks = createChecksService(db);
  const reader = createReaderService(db);
  const passport = configurePassport(accounts);

  const app = express();
  app.set('views', path.join(config.rootDir, 'views'));
  app.set('view engine', 'ejs');
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  if (config.production) app.set('view cache', true);

  app.use(pinoHttp({ logger, genReqId: (req) => (req.headers['x-request-id'] as string) || randomUUID(), autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'] } } }));
  app.use(express.static(path.join(config.rootDir, 'public'), { maxAge: config.production ? '1h' : 0 }));
  app.use((req, res, next) => {
    res.locals.currentUser = null;
    res.locals.currentPath = req.path;
    next();
  });
  app.use(healthRouter(db));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use(sessionMiddleware(db, { secret: sessionSecret, secureCookies: config.cookieSecure }));
  app.use(passport.initialize());
  app.use(passport.session());
  app.use(bearerToken(accounts));
  app.use(csrfProtection);
  app.use(exposeCsrfToken);
  app.use((req, res, next) => {
    res.locals.currentUser = req.user ?? null;
    next();
  });

  app.use(accountsRouter(accounts, passport, audit));
  app.use(auditRouter(audit));
  app.use(articlesRouter(articles));
  const publishing = { baseUrl: config.publicBaseUrl, publisherName: config.publisherName };
  app.use(readerRouter(reader, articles, claims, publishing));
  app.use(claimsRouter(claims, checks, articles, audit, publishing));
  const exportsService = createExportsService(db, { articles, claims, checks, publishing });
  app.use(mountRoutes(express.Router(), exportsRoutes(exportsService, publishing, { minOrdinalChecks: config.minReviewsForConsensus })));

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
