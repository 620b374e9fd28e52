import { z } from 'zod';
import { isoDate } from '../../lib/response-schemas';

const Counts = z.object({ exact: z.number().int(), moved: z.number().int(), fuzzy: z.number().int(), orphaned: z.number().int() });

export const RevisionJson = z.object({
  number: z.number().int(),
  createdAt: isoDate,
  createdBy: z.string().nullable(),
  origin: z.enum(['import', 'text', 'html', 'source']),
  sourceUrl: z.string().nullable(),
  change: z.object({ insertedWords: z.number().int(), deletedWords: z.number().int() }),
  anchoring: Counts.nullable(),
});

export const RevisionListResponse = z.object({ article: z.object({ slug: z.string(), revision: z.number().int() }), revisions: z.array(RevisionJson) });

/** PUT /api/v1/articles/:slug: the revision now current, and how the claims anchored in it. */
export const UpdateResponse = z.object({
  revision: z.number().int(),
  changed: z.boolean(),
  message: z.string(),
  anchoring: Counts.nullable(),
});
