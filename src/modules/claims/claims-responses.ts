import { z } from 'zod';

/** A claim's target and anchor as the API gives them (claims-presenter.ts). */
export const TargetJson = z.object({
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  sentenceIds: z.array(z.string()),
});

/** Where the claim stands in the article's current revision (see reanchoring.ts). */
export const AnchorJson = z.object({
  status: z.enum(['exact', 'moved', 'fuzzy', 'orphaned']),
  revision: z.number().int(),
  checkedRevision: z.number().int(),
  similarity: z.number().min(0).max(1).optional(),
  previousQuote: z.string().optional(),
});
