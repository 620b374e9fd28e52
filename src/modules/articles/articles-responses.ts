import { z } from 'zod';
import { isoDate } from '../../lib/response-schemas';
import { BLOCK_KINDS } from './article-document';

/** The API's article shapes (what articles-presenter.ts produces). */
export const ArticleSummaryJson = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  byline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: isoDate,
});

export const ArticleListResponse = z.object({
  articles: z.array(ArticleSummaryJson),
  /** The cursor of the next page (`?after=`), or null on the last. */
  next: z.string().nullable(),
});

export const ArticleJson = ArticleSummaryJson.extend({
  authorBio: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  publisher: z.object({ name: z.string().nullable(), tagline: z.string().nullable() }),
  /** The revision this text is (the current one unless ?revision=N asked for another). */
  revision: z.number().int(),
  currentRevision: z.number().int(),
  text: z.string(),
  blocks: z.array(
    z.object({
      kind: z.enum(BLOCK_KINDS),
      index: z.number().int(),
      start: z.number().int(),
      end: z.number().int(),
      credit: z.string().optional(),
      sentences: z.array(z.string()),
    }),
  ),
  sentences: z.array(
    z.object({ id: z.string(), index: z.number().int(), blockIndex: z.number().int(), text: z.string(), start: z.number().int(), end: z.number().int() }),
  ),
});

/** A new article, with what extraction found questionable in its page (empty for plain text). */
export const CreatedArticleJson = ArticleJson.extend({ warnings: z.array(z.string()) });

export const LookupResponse = z.object({ slug: z.string() });
