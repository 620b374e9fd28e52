import type { Queryable } from '../../db/knex';
import { ValidationError } from '../../lib/errors';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor';
import * as repo from './articles-repository';
import type { ArticleSummary } from './articles-types';

const NOT_A_LIST_CURSOR = 'after: is not a cursor this list gave (start again from the first page)';

function listPosition(cursor: string): repo.ArticleListPosition {
  const [publishedAt, id] = decodeCursor(cursor, 2, NOT_A_LIST_CURSOR);
  if ((publishedAt !== null && typeof publishedAt !== 'string') || typeof id !== 'number' || !Number.isInteger(id))
    throw new ValidationError(NOT_A_LIST_CURSOR);
  return { publishedAt, id };
}

/** A page of the article list (newest first, undated last) and the cursor of the next page, if there is one. */
export async function readArticleListPage(
  db: Queryable,
  after: string | undefined,
  limit: number,
): Promise<{ articles: ArticleSummary[]; next: string | null }> {
  const rows = await repo.listArticlesAfter(db, after === undefined ? undefined : listPosition(after), limit + 1);
  const articles = rows.slice(0, limit);
  const last = articles[articles.length - 1];
  return { articles, next: rows.length > limit ? encodeCursor([last.publishedAt, last.id]) : null };
}
