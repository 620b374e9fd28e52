import net from 'node:net';
import type { PublicCache } from './http/public-cache';
import { createApp } from './app';
import { createAppServer } from './http/app-server';
import { ChangeFeed } from './lib/change-feed';
import { prepare } from './bootstrap';
import { loadConfig } from './config';
import { createLogger } from './lib/logger';
import { startHousekeeping } from './modules/accounts';
import { startPeriodic } from './lib/periodic';

/** Due-tomorrow reminders: hourly is enough (each is sent once per assignment and date). */
const REMINDERS_EVERY_MS = 60 * 60_000;
/** The webhook worker looks for due deliveries this often (each instance; the queue hands each delivery to one). */
const WEBHOOKS_EVERY_MS = 3_000;
/** The email worker likewise (only when SMTP_URL is set). */
const EMAIL_EVERY_MS = 3_000;

const SHUTDOWN_GRACE_MS = 10_000;
/** How long requests already on open connections may still arrive after SIGTERM. */
const IDLE_CONNECTION_GRACE_MS = 1_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { db, readConnection, sessionSecret } = await prepare(config, logger);
  const changeFeed = new ChangeFeed();
  // The bridge (and the pg driver) is loaded only for PostgreSQL: an SQLite server never holds it.
  const stopBridge =
    config.database.client === 'postgres'
      ? await (await import('./db/pg-change-bridge')).bridgeChangesOverPostgres(db, config.database.connectionString, changeFeed, logger)
      : async () => {};
  const app = createApp({ db, readConnection, config, logger, sessionSecret, changeFeed });
  const stopHousekeeping = startHousekeeping(db, logger);
  const jobs = app.locals.jobs as {
    remindDueTomorrow: () => Promise<number>;
    deliverWebhooks: () => Promise<unknown>;
    deliverEmail: (() => Promise<unknown>) | null;
    closeMailer: () => void;
    closeExtractor: () => Promise<void>;
  };
  const stopReminders = startPeriodic('reminders', jobs.remindDueTomorrow, logger, REMINDERS_EVERY_MS);
  const stopWebhooks = startPeriodic('webhooks', jobs.deliverWebhooks, logger, WEBHOOKS_EVERY_MS, WEBHOOKS_EVERY_MS);
  const stopEmail = jobs.deliverEmail ? startPeriodic('email', jobs.deliverEmail, logger, EMAIL_EVERY_MS, EMAIL_EVERY_MS) : () => {};
  // Anonymous cache hits are answered from Node's request, before Express sees it (PublicCache.fastPath).
  const cache = app.locals.publicCache as PublicCache;
  let stopping = false;
  const server = createAppServer(app, (req, res) => {
    if (stopping || !cache.fastPath(req, res)) app(req, res); // while stopping, every answer says Connection: close (below)
  });
  server.listen(config.port, config.host, () => {
    logger.info({ port: config.port, database: config.database.client }, `Factline is serving http://localhost:${config.port}`);
  });

  // While stopping, every response asks the client to close its connection.
  server.on('request', (_req, res) => {
    if (stopping && !res.headersSent) res.setHeader('Connection', 'close');
  });

  /**
   * Graceful shutdown: stop accepting connections, let requests on connections already open
   * arrive and finish (each answered with Connection: close), close idle keep-alive connections
   * after a short grace, then close the database (SQLite checkpoints its WAL) and exit 0.
   */
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    // net.Server's close stops listening but, unlike http.Server's (Node 19+), leaves open
    // keep-alive connections alone, so a request already on its way on one is still served.
    net.Server.prototype.close.call(server, async () => {
      stopHousekeeping();
      stopReminders();
      stopWebhooks();
      stopEmail();
      jobs.closeMailer();
      await jobs.closeExtractor();
      await stopBridge();
      if (readConnection !== db) await readConnection.destroy();
      await db.destroy();
      clearTimeout(force);
      logger.info('stopped');
      logger.flush();
      process.exit(0);
    });
    const closeIdle = setInterval(() => server.closeIdleConnections(), IDLE_CONNECTION_GRACE_MS);
    closeIdle.unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
