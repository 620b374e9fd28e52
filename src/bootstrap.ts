import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_MIN_REVIEWS, PROJECT_ROOT, type Config } from './config';
import { migrate, openDb, openReader, type Db } from './db/knex';
import { readOrCreateSetting } from './db/settings';
import type { Logger } from './lib/logger';
import { ensureSourceKeys } from './modules/articles';
import { ensureClaimStats } from './modules/review';
import { decisionsReader } from './modules/verdicts';
import { createServices } from './services';

/** Brings the schema up to date and imports the shipped articles that are missing; returns their slugs. */
export async function migrateAndImportContent(db: Db, rootDir = PROJECT_ROOT, minOrdinalChecks = DEFAULT_MIN_REVIEWS): Promise<string[]> {
  await migrate(db);
  return createServices(db, { minOrdinalChecks }).articles.importContentDirectory(path.join(rootDir, 'content', 'articles'));
}

/** Opens and migrates the database (and its read connection), imports shipped content, and settles the session secret. */
export async function prepare(config: Config, logger: Logger): Promise<{ db: Db; readConnection: Db; sessionSecret: string }> {
  const db = openDb(config.database);
  const imported = await migrateAndImportContent(db, config.rootDir, config.minReviewsForConsensus);
  if (imported.length > 0) logger.info({ imported }, 'imported shipped articles');
  await ensureClaimStats(db, decisionsReader(db, { minOrdinalChecks: config.minReviewsForConsensus }), logger);
  await ensureSourceKeys(db, logger);
  let sessionSecret = config.sessionSecret;
  if (!sessionSecret) {
    sessionSecret = await readOrCreateSetting(db, 'session_secret', () => randomBytes(48).toString('hex'));
    logger.warn('SESSION_SECRET is not set: using a generated secret kept in the database. Set SESSION_SECRET in production.');
  }
  return { db, readConnection: openReader(config.database, db), sessionSecret };
}
