import { isPostgres, type Queryable } from '../../db/knex';
import { insertInBatches } from '../../db/batches';
import { nowIso, toIso } from '../../db/time';
import { comparableUrlKey } from '../../lib/url-match';
import type { BlockKind, ComposedDocument } from './article-document';
import type { Article, ArticleBlock, ArticleSummary, NewArticle, Sentence } from './articles-types';

interface ArticleRow {
  id: number;
  slug: string;
  title: string;
  byline: string | null;
  author_bio: string | null;
  published_at: string | null;
  source_url: string | null;
  publisher_name: string | null;
  publisher_tagline: string | null;
  text: string;
  revision: number;
  created_at: unknown;
}

const SUMMARY_COLUMNS = ['id', 'slug', 'title', 'byline', 'published_at', 'source_url', 'created_at'];
/** Sentences are inserted in batches small enough for SQLite's 999-variable limit. */

function toSummary(row: ArticleRow): ArticleSummary {
  return {
    id: Number(row.id),
    slug: row.slug,
    title: row.title,
    byline: row.byline,
    publishedAt: row.published_at,
    sourceUrl: row.source_url,
    createdAt: toIso(row.created_at),
  };
}

export async function insertArticle(db: Queryable, article: NewArticle, document: ComposedDocument): Promise<number> {
  const [row] = await db('articles')
    .insert({
      slug: article.slug,
      title: article.title,
      byline: article.byline,
      author_bio: article.authorBio,
      published_at: article.publishedAt,
      source_url: article.sourceUrl,
      source_key: comparableUrlKey(article.sourceUrl),
      publisher_name: article.publisherName,
      publisher_tagline: article.publisherTagline,
      text: document.text,
      created_by: article.createdBy,
      created_at: nowIso(),
    })
    .returning('id');
  const articleId = Number(typeof row === 'object' ? (row as { id: number }).id : row);
  await insertDocumentRows(db, articleId, document);
  return articleId;
}

/** A composed document's blocks and sentences as rows of the article (the current revision's). */
export async function insertDocumentRows(db: Queryable, articleId: number, document: ComposedDocument): Promise<void> {
  await insertInBatches(
    db,
    'article_blocks',
    document.blocks.map((block) => ({
      article_id: articleId,
      position: block.position,
      kind: block.kind,
      start_offset: block.start,
      end_offset: block.end,
      credit: block.credit,
    })),
  );
  await insertInBatches(
    db,
    'sentences',
    document.sentences.map((sentence) => ({
      id: sentence.id,
      article_id: articleId,
      block_position: sentence.blockPosition,
      position: sentence.position,
      start_offset: sentence.start,
      end_offset: sentence.end,
      text: sentence.text,
    })),
  );
}

export async function slugExists(db: Queryable, slug: string): Promise<boolean> {
  return (await db('articles').where({ slug }).first('id')) !== undefined;
}

/** Which of these addresses articles already have. */
export async function takenSlugs(db: Queryable, slugs: string[]): Promise<Set<string>> {
  const rows: { slug: string }[] = await db('articles').whereIn('slug', slugs).select('slug');
  return new Set(rows.map((row) => row.slug));
}

/** Where a page of the article list ends: the last article's publication date (null: undated) and id. */
export interface ArticleListPosition {
  publishedAt: string | null;
  id: number;
}

/**
 * Up to `limit` articles after `after` in the list's order: dated ones newest first, then undated
 * ones newest first. Two keyset reads at most (the dated run, then the undated one), each an index
 * seek on (published_at, id), so a page costs the same at the tenth article and the ten-thousandth.
 */
export async function listArticlesAfter(db: Queryable, after: ArticleListPosition | undefined, limit: number): Promise<ArticleSummary[]> {
  const rows: ArticleRow[] = [];
  if (!after || after.publishedAt !== null) {
    const dated = db('articles')
      .select(SUMMARY_COLUMNS)
      .whereNotNull('published_at')
      .orderBy([
        { column: 'published_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    if (after) dated.whereRaw('(published_at, id) < (?, ?)', [after.publishedAt, after.id]);
    rows.push(...((await dated) as ArticleRow[]));
  }
  if (rows.length < limit) {
    const undated = db('articles')
      .select(SUMMARY_COLUMNS)
      .whereNull('published_at')
      .orderBy('id', 'desc')
      .limit(limit - rows.length);
    if (after?.publishedAt === null) undated.where('id', '<', after.id);
    rows.push(...((await undated) as ArticleRow[]));
  }
  return rows.map(toSummary);
}

export async function articleSummaryBySlug(db: Queryable, slug: string): Promise<ArticleSummary | null> {
  const row: ArticleRow | undefined = await db('articles').select(SUMMARY_COLUMNS).where({ slug }).first();
  return row ? toSummary(row) : null;
}

export async function articleSummaries(db: Queryable, ids?: number[]): Promise<Map<number, ArticleSummary>> {
  const query = db('articles').select(SUMMARY_COLUMNS);
  if (ids) query.whereIn('id', ids);
  const rows: ArticleRow[] = await query;
  return new Map(rows.map((row) => [Number(row.id), toSummary(row)]));
}

export async function findArticleBySlug(db: Queryable, slug: string): Promise<Article | null> {
  const row = await db<ArticleRow>('articles').where({ slug }).first();
  if (!row) return null;
  const [blocks, sentences] = await Promise.all([
    db('article_blocks').where({ article_id: row.id }).orderBy('position'),
    db('sentences').where({ article_id: row.id }).orderBy('position'),
  ]);
  return {
    ...toSummary(row),
    authorBio: row.author_bio,
    sourceUrl: row.source_url,
    publisherName: row.publisher_name,
    publisherTagline: row.publisher_tagline,
    text: row.text,
    revision: Number(row.revision),
    blocks: blocks.map((block): ArticleBlock => ({
      kind: block.kind as BlockKind,
      position: Number(block.position),
      start: Number(block.start_offset),
      end: Number(block.end_offset),
      credit: block.credit,
    })),
    sentences: sentences.map((sentence): Sentence => ({
      id: sentence.id,
      position: Number(sentence.position),
      blockPosition: Number(sentence.block_position),
      start: Number(sentence.start_offset),
      end: Number(sentence.end_offset),
      text: sentence.text,
    })),
  };
}

/**
 * The article's current revision and text, read at the start of an update's transaction. On
 * PostgreSQL the row stays locked until the transaction ends, so two updates of one article
 * run one after the other (SQLite has one writer anyway) and revision numbers never repeat.
 */
export async function lockArticle(db: Queryable, articleId: number): Promise<{ revision: number; text: string }> {
  const query = db('articles').where({ id: articleId }).first('revision', 'text');
  const row = isPostgres(db) ? await query.forUpdate() : await query;
  return { revision: Number(row.revision), text: row.text };
}

/**
 * The article's current revision number, read at the start of a transaction that anchors claims
 * in it. On PostgreSQL the row is share-locked until the transaction ends: claims may be created
 * side by side, but a revision (which takes the row for update) waits for them, and they for it.
 */
export async function shareLockArticle(db: Queryable, articleId: number): Promise<number | null> {
  const query = db('articles').where({ id: articleId }).first('revision');
  const row = isPostgres(db) ? await query.forShare() : await query;
  return row ? Number(row.revision) : null;
}

export async function updateArticleMeta(
  db: Queryable,
  articleId: number,
  meta: { title: string; byline: string | null; publishedAt: string | null; sourceUrl: string | null },
): Promise<void> {
  await db('articles')
    .where({ id: articleId })
    .update({
      title: meta.title,
      byline: meta.byline,
      published_at: meta.publishedAt,
      source_url: meta.sourceUrl,
      source_key: comparableUrlKey(meta.sourceUrl),
    });
}

/** The first article whose source address has this look-up key (an index seek). */
export async function findSlugBySourceKey(db: Queryable, key: string): Promise<string | null> {
  const row: { slug: string } | undefined = await db('articles').where({ source_key: key }).orderBy('id').first('slug');
  return row?.slug ?? null;
}

/** Up to `limit` articles after `afterId` that have a source address but no look-up key (rows from before keys existed). */
export async function articlesMissingSourceKey(db: Queryable, afterId: number, limit: number): Promise<{ id: number; sourceUrl: string }[]> {
  const rows: { id: number; source_url: string }[] = await db('articles')
    .where('id', '>', afterId)
    .whereNotNull('source_url')
    .whereNull('source_key')
    .orderBy('id')
    .limit(limit)
    .select('id', 'source_url');
  return rows.map((row) => ({ id: Number(row.id), sourceUrl: row.source_url }));
}

export async function setSourceKey(db: Queryable, articleId: number, key: string): Promise<void> {
  await db('articles').where({ id: articleId }).update({ source_key: key });
}
