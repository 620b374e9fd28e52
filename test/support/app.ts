import type { Express } from 'express';
import { createApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { openReader, type Db } from '../../src/db/knex';
import { createLogger } from '../../src/lib/logger';
import { migrateAndImportContent } from '../../src/bootstrap';
import { createTestDatabase, type TestDatabase } from './database';
import type { EventSubscriber } from '../../src/events';

export interface TestApp {
  app: Express;
  db: Db;
  config: Config;
  close(): Promise<void>;
}

export const SEED_SLUG = 'chinese-nationals-arrested-at-us-southern-border';

/** The real app on a fresh database with the shipped content imported, as `npm start` would serve it. */
export async function createTestApp(overrides: Partial<Config> = {}, moreSubscribers: EventSubscriber[] = []): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const config: Config = { ...loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }), database: database.config, ...overrides };
  await migrateAndImportContent(database.db, config.rootDir);
  // The read connection production uses (a second SQLite connection on the test's database file), so token look-ups go the same way.
  const readConnection = openReader(database.config, database.db);
  const app = createApp({
    db: database.db,
    readConnection,
    config,
    logger: createLogger('silent'),
    sessionSecret: 'test-secret-test-secret-test-secret',
    moreSubscribers,
  });
  const jobs = app.locals.jobs as { closeExtractor: () => Promise<void> };
  return {
    app,
    db: database.db,
    config,
    close: async () => {
      await jobs.closeExtractor();
      if (readConnection !== database.db) await readConnection.destroy();
      await database.destroy();
    },
  };
}
