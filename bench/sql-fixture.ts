import type { Queryable } from '../src/db/knex';

/**
 * An article whose text is its claims' quotes one after another, inserted straight through SQL
 * (the benchmarks' large fixtures): returns the article's id and one `claims` row per quote,
 * anchored where the quote stands, ready to insert.
 */
export async function insertQuotedArticle(
  db: Queryable,
  article: { slug: string; title: string; quotes: string[]; createdBy: number; now: string },
): Promise<{ articleId: number; claimRows: Record<string, unknown>[] }> {
  const [row] = await db('articles')
    .insert({ slug: article.slug, title: article.title, text: article.quotes.join(' '), created_at: article.now })
    .returning('id');
  const articleId = Number(typeof row === 'object' ? row.id : row);
  let offset = 0;
  const claimRows = article.quotes.map((quote) => {
    const start = offset;
    offset += quote.length + 1;
    return { article_id: articleId, exact: quote, prefix: '', suffix: '', start_offset: start, end_offset: start + quote.length, created_by: article.createdBy, created_at: article.now, checked_exact: quote, checked_prefix: '', checked_suffix: '', checked_start: start, checked_end: start + quote.length };
  }); // prettier-ignore
  return { articleId, claimRows };
}
