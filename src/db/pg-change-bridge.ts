import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ChangeFeed } from '../lib/change-feed';
import type { Logger } from '../lib/logger';
import type { Db } from './knex';

const CHANNEL = 'factline_public_content';
const RECONNECT_MS = 1000;

/**
 * Carries published-content changes between app instances on one PostgreSQL: a local change is
 * sent with NOTIFY; a notification from another instance is announced on the local feed, so
 * every instance drops its page cache. Chosen over a per-request version check because it costs
 * no query on the hot path; a notification missed while the listening connection is down is
 * covered by treating every reconnect as a change.
 */
export async function bridgeChangesOverPostgres(db: Db, connectionString: string, feed: ChangeFeed, logger: Logger): Promise<() => Promise<void>> {
  const instance = randomUUID();
  let client: pg.Client | null = null;
  let stopped = false;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.payload !== instance) feed.publicContentChanged('remote');
    });
    next.on('error', (error) => logger.warn({ err: error }, 'change listener connection failed'));
    next.on('end', () => {
      if (stopped) return;
      logger.warn('change listener disconnected; reconnecting');
      setTimeout(() => void connect().catch((error: unknown) => logger.error({ err: error }, 'change listener could not reconnect')), RECONNECT_MS).unref();
    });
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    if (client) feed.publicContentChanged('remote'); // after a reconnect: anything may have changed meanwhile
    client = next;
  };
  await connect();

  const unsubscribe = feed.onPublicContentChanged((reason) => {
    if (reason === 'remote') return;
    db.raw('select pg_notify(?, ?)', [CHANNEL, instance]).catch((error: unknown) => logger.error({ err: error }, 'could not notify other instances'));
  });

  return async () => {
    stopped = true;
    unsubscribe();
    await client?.end();
  };
}
