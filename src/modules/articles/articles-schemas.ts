import { z } from 'zod';
import { text } from '../../lib/text';
import { httpUrlSchema } from '../../lib/urls';
import { BLOCK_KINDS, RESERVED_SLUGS } from './article-document';

export const MAX_ARTICLE_CHARS = 200_000;
export const MAX_TITLE_CHARS = 300;

const optionalText = (max: number) =>
  text()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .nullable()
    .transform((value) => (value ? value : null));

/** A real calendar date (YYYY-MM-DD) or an ISO-8601 date-time with a time zone. */
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

/** The shape of an article address; reading one by it needs no more. */
const slugFormat = text()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single dashes')
  .max(120, 'must be at most 120 characters');

/** An address a new article may take. */
export const slugSchema = slugFormat.refine((value) => !RESERVED_SLUGS.has(value), 'is the address of one of Factline’s own pages; choose another');

/** POST /api/v1/articles and the "new article" form. */
export const CreateArticleInput = z.object({
  title: text({ error: 'is required' }).trim().min(1, 'is required').max(MAX_TITLE_CHARS, `must be at most ${MAX_TITLE_CHARS} characters`),
  text: text({ error: 'is required' })
    .max(MAX_ARTICLE_CHARS, `must be at most ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters`)
    .refine((value) => value.trim() !== '', 'is required'),
  byline: optionalText(200),
  publishedAt: z
    .union([publishedAtSchema, z.literal('').transform(() => null), z.null()])
    .optional()
    .transform((v) => v ?? null),
  sourceUrl: z
    .union([httpUrlSchema, z.literal('').transform(() => null), z.null()])
    .optional()
    .transform((v) => v ?? null),
  slug: z.union([slugSchema, z.literal('').transform(() => undefined)]).optional(),
});
export type CreateArticleInput = z.output<typeof CreateArticleInput>;

/** The structured form of shipped content (content/articles/*.json). */
export const ContentArticle = z.object({
  slug: slugSchema,
  title: text().min(1).max(MAX_TITLE_CHARS),
  byline: text().max(200).nullable(),
  authorBio: text().max(1000).nullable(),
  publishedAt: publishedAtSchema.nullable(),
  sourceUrl: httpUrlSchema.nullable(),
  publisher: z.object({ name: text().max(200).nullable(), tagline: text().max(200).nullable() }),
  image: z.object({ caption: text().min(1), credit: text().max(300).nullable() }).nullable(),
  standfirst: text().optional(),
  body: z.array(z.object({ kind: z.enum(BLOCK_KINDS), text: text().min(1) })).min(1),
  provenance: text().optional(),
});
export type ContentArticle = z.output<typeof ContentArticle>;

export const SlugParam = z.object({ slug: slugFormat });
