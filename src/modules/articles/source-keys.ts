import type { Db } from '../../db/knex';
import type { Logger } from '../../lib/logger';
import { comparableUrlKey } from '../../lib/url-match';
import * as repo from './articles-repository';

const BATCH = 500;

/**
 * At start-up: gives the source look-up key to articles stored before keys existed (or after a
 * migration cleared them because `comparableUrl` changed). New and updated articles get theirs
 * when their address is written. An address that has no comparable form keeps no key.
 */
export async function ensureSourceKeys(db: Db, logger: Logger): Promise<number> {
  let filled = 0;
  for (let afterId = 0; ;) {
    const rows = await repo.articlesMissingSourceKey(db, afterId, BATCH);
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        const key = comparableUrlKey(row.sourceUrl);
        if (key !== null) await repo.setSourceKey(tx, row.id, key);
        filled += key === null ? 0 : 1;
      }
    });
    afterId = rows[rows.length - 1].id;
  }
  if (filled > 0) logger.info({ articles: filled }, 'stored the source look-up keys');
  return filled;
}
