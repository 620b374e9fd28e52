import { z } from 'zod';
import { text } from '../../lib/text';
import { afterCursor, pageLimit } from '../../lib/page-query';
import { httpUrlSchema } from '../../lib/urls';
import { normaliseDate } from '../../lib/dates';
import { BLOCK_KINDS, RESERVED_SLUGS } from './article-document';

export const MAX_ARTICLE_CHARS = 200_000;
export const MAX_TITLE_CHARS = 300;
/** Articles per page of the list (page and API) unless `limit` says otherwise. */
export const ARTICLE_PAGE = 50;

const optionalText = (max: number) =>
  text()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .transform((value) => (value ? value : null));

/** A real calendar date (YYYY-MM-DD) or an ISO-8601 date-time with a time zone, stored in UTC (lib/dates.ts). */
export const publishedAtSchema = text()
  .trim()
  .refine((value) => {
    const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (dateOnly) {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
  }, 'must be a date like 2023-11-23 or a date-time like 2023-11-23T09:30:00Z');

/** A publication date as stored: in UTC (normalised after the union parsed, so its messages stay the field's own). */
const inUtc = <T extends string | null | undefined>(value: T): T => (typeof value === 'string' ? (normaliseDate(value) as T) : value);

/** The shape of an article address; reading one by it needs no more. */
const slugFormat = text()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single dashes')
  .max(120, 'must be at most 120 characters');

/** An address a new article may take. */
export const slugSchema = slugFormat.refine((value) => !RESERVED_SLUGS.has(value), 'is the address of one of Factline’s own pages; choose another');

/** A page's HTML, pasted or fetched: real news pages run to 1–2 MB (Readability's corpus has pages of 1.6 MB). */
export const MAX_HTML_CHARS = 5 * 1024 * 1024;

const titleSchema = text({ error: 'is required' }).trim().min(1, 'is required').max(MAX_TITLE_CHARS, `must be at most ${MAX_TITLE_CHARS} characters`);
const bodyText = text({ error: 'is required' })
  .max(MAX_ARTICLE_CHARS, `must be at most ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters`)
  .refine((value) => value.trim() !== '', 'is required');
const htmlSchema = text({ error: 'must be text' })
  .max(MAX_HTML_CHARS, 'must be at most 5 MB')
  .refine((value) => value.trim() !== '', 'is empty');
const optionalDate = z
  .union([publishedAtSchema, z.literal('').transform(() => null), z.null()])
  .optional()
  .transform((v) => inUtc(v ?? null));
const optionalUrl = z
  .union([httpUrlSchema, z.literal('').transform(() => null), z.null()])
  .optional()
  .transform((v) => v ?? null);
/** An optional correction of what extraction found; empty means "keep what was found". */
const optionalTitle = z.union([titleSchema, z.literal('').transform(() => undefined)]).optional();

/** Exactly one of the named fields, with a message that lists them. */
function exactlyOne<T extends Record<string, unknown>>(fields: (keyof T & string)[]) {
  return (value: T, ctx: z.RefinementCtx) => {
    const given = fields.filter((field) => value[field] !== undefined);
    if (given.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: given.length ? [given[1]] : [],
        message: `give exactly one of ${fields.map((f) => `“${f}”`).join(', ')} (${given.length ? `got ${given.join(' and ')}` : 'got none'})`,
      });
  };
}

/**
 * POST /api/v1/articles and the "new article" form: an article from plain text (`title` and
 * `text`), from HTML (`html`, with the page's address in `sourceUrl` if it has one) or from an
 * address the server fetches (`url`). Title, byline and date correct what extraction found.
 */
export const CreateArticleInput = z
  .object({
    title: optionalTitle,
    text: bodyText.optional(),
    html: htmlSchema.optional(),
    url: httpUrlSchema.optional(),
    byline: optionalText(200)
      .optional()
      .transform((v) => v ?? null),
    publishedAt: optionalDate,
    sourceUrl: optionalUrl,
    slug: z.union([slugSchema, z.literal('').transform(() => undefined)]).optional(),
  })
  .superRefine(exactlyOne(['text', 'html', 'url']))
  .superRefine((value, ctx) => {
    if (value.text !== undefined && value.title === undefined) ctx.addIssue({ code: 'custom', path: ['title'], message: 'is required' });
  });
export type CreateArticleInput = z.output<typeof CreateArticleInput>;

/**
 * PUT /api/v1/articles/:slug and the edit form: the article's new text (plain text as on
 * creation, the body only), new HTML, or `refetch: true` to fetch its source address again.
 */
export const UpdateArticleInput = z
  .object({
    text: bodyText.optional(),
    html: htmlSchema.optional(),
    refetch: z.literal(true, { error: 'must be true' }).optional(),
    title: optionalTitle,
    // Absent keeps the article's value; empty (or null) clears it.
    byline: optionalText(200).optional(),
    publishedAt: z
      .union([publishedAtSchema, z.literal('').transform(() => null), z.null()])
      .optional()
      .transform(inUtc),
    sourceUrl: z.union([httpUrlSchema, z.literal('').transform(() => null), z.null()]).optional(),
  })
  .superRefine(exactlyOne(['text', 'html', 'refetch']));
export type UpdateArticleInput = z.output<typeof UpdateArticleInput>;

export const RevisionQuery = z.object({
  revision: z.coerce.number({ error: 'must be a revision number' }).int('must be a whole number').min(1, 'must be 1 or more').max(1_000_000).optional(),
});

/** The structured form of shipped content (content/articles/*.json). */
export const ContentArticle = z.object({
  slug: slugSchema,
  title: text().min(1).max(MAX_TITLE_CHARS),
  byline: text().max(200).nullable(),
  authorBio: text().max(1000).nullable(),
  publishedAt: publishedAtSchema.nullable().transform(inUtc),
  sourceUrl: httpUrlSchema.nullable(),
  publisher: z.object({ name: text().max(200).nullable(), tagline: text().max(200).nullable() }),
  image: z.object({ caption: text().min(1), credit: text().max(300).nullable() }).nullable(),
  standfirst: text().optional(),
  body: z.array(z.object({ kind: z.enum(BLOCK_KINDS), text: text().min(1) })).min(1),
  provenance: text().optional(),
});
export type ContentArticle = z.output<typeof ContentArticle>;

export const SlugParam = z.object({ slug: slugFormat });

/** GET /api/v1/lookup?url=…: the address of a page that may be an article's source. */
export const LookupQuery = z.object({ url: httpUrlSchema });

/** A page of the article list: `after` is the `next` cursor of the page before. */
export const ArticleListQuery = z.object({
  after: afterCursor('is not a cursor this list gave'),
  limit: pageLimit.transform((v) => v ?? ARTICLE_PAGE),
});
export type ArticleListQuery = z.output<typeof ArticleListQuery>;
