import { z } from 'zod';
import { jsonLd } from '../../lib/response-schemas';

/** The import report. */
export const ImportResponse = z.object({
  imported: z.number().int(),
  existingClaims: z.number().int(),
  unanchored: z.number().int(),
  invalid: z.number().int(),
  conflicts: z.number().int(),
  results: z.array(
    z.object({
      index: z.number().int(),
      status: z.enum(['created', 'existing-claim', 'unanchored', 'invalid', 'conflict']),
      claimId: z.number().int().optional(),
      checkId: z.number().int().optional(),
      message: z.string().optional(),
    }),
  ),
});

/** W3C Web Annotation documents (their model is checked by test/support/web-annotation-model.ts). */
export const AnnotationResponse = jsonLd;

export const ExportJsonResponse = z.object({
  article: z.object({ slug: z.string(), title: z.string() }),
  exportedAt: z.string(),
  claims: z.array(z.looseObject({ claimId: z.number().int(), quote: z.string(), status: z.string() })),
});
