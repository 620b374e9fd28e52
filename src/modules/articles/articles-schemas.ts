import { z } from 'zod';
import { httpUrlSchema } from '../../lib/urls';
import { BLOCK_KINDS } from './article-document';

export const MAX_ARTICLE_CHARS = 200_000;
export const MAX_TITLE_CHARS = 300;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .nullable()
    .transform((value) => (value ? value : null));

/** A real calendar date (YYYY-MM-DD) or an ISO-8601 date-time with a time zone. */
export const publishedAtSchema = z
  .string()
  .trim()
  .refine((value) => {
    const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (dateOnly) {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
  }, 'must be a date like 2023-11-23 or a date-time like 2023-11-23T09:30:00Z');

export const slugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single dashes')
  .max(120, 'must be at most 120 characters');

/** POST /api/v1/articles and the "new article" form. */
export const CreateArticleInput = z.object({
  title: z.string({ error: 'is required' }).trim().min(1, 'is required').max(MAX_TITLE_CHARS, `must be at most ${MAX_TITLE_CHARS} characters`),
  text: z
    .string({ error: 'is required' })
    .max(MAX_ARTICLE_CHARS, `must be at most ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters`)
    .refine((value) => value.trim() !== '', 'is required'),
  byline: optionalText(200),
  publishedAt: z.union([publishedAtSchema, z.literal('').transform(() => null), z.null()]).optional().transform((v) => v ?? null),
  sourceUrl: z.union([httpUrlSchema, z.literal('').transform(() => null), z.null()]).optional().transform((v) => v ?? null),
  slug: z.union([slugSchema, z.literal('').transform(() => undefined)]).optional(),
});
export type CreateArticleInput = z.output<typeof CreateArticleInput>;

/** The structured form of shipped content (content/articles/*.json). */
export const ContentArticle = z.object({
  slug: slugSchema,
  title: z.string().min(1).max(MAX_TITLE_CHARS),
  byline: z.string().max(200).nullable(),
  authorBio: z.string().max(1000).nullable(),
  publishedAt: publishedAtSchema.nullable(),
  sourceUrl: httpUrlSchema.nullable(),
  publisher: z.object({ name: z.string().max(200).nullable(), tagline: z.string().max(200).nullable() }),
  image: z.object({ caption: z.string().min(1), credit: z.string().max(300).nullable() }).nullable(),
  standfirst: z.string().optional(),
  body: z.array(z.object({ kind: z.enum(BLOCK_KINDS), text: z.string().min(1) })).min(1),
  provenance: z.string().optional(),
});
export type ContentArticle = z.output<typeof ContentArticle>;

export const SlugParam = z.object({ slug: slugSchema });
