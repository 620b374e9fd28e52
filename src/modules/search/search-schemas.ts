import { z } from 'zod';
import { text } from '../../lib/text';

export const RESULT_TYPES = ['articles', 'claims', 'factchecks'] as const;
export const MAX_PAGE = 500;

/** `GET /search` and `GET /api/v1/search`: the text is read by parseSearchQuery (which explains what it refuses). */
export const SearchParams = z.object({
  q: text()
    .optional()
    .transform((v) => v ?? ''),
  type: z
    .enum([...RESULT_TYPES, ''], { error: 'must be articles, claims or factchecks' })
    .optional()
    .transform((v) => (v ? v : undefined)),
  page: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(MAX_PAGE, `must be at most ${MAX_PAGE}`)
    .default(1),
});
export type SearchParams = z.output<typeof SearchParams>;

/** `GET /api/v1/claims/similar?text=…&exclude=ID` */
export const SimilarParams = z.object({
  text: text({ error: 'is required' }).trim().min(3, 'needs at least 3 characters').max(2000, 'is too long: at most 2,000 characters'),
  exclude: z.coerce.number({ error: 'must be a claim id' }).int().positive('must be a claim id').optional(),
});
export type SimilarParams = z.output<typeof SimilarParams>;
