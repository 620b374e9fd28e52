import { z } from 'zod';
import { isoDate } from '../../lib/response-schemas';
import { AnchorJson, TargetJson } from '../claims';
import { SourceJson } from '../checks';
import { VERDICTS } from '../verdicts';

/** The public verdicts feed the overlay draws (what reader-presenter.ts's verdictsJson produces). */
export const VerdictsResponse = z.object({
  article: z.object({ slug: z.string(), title: z.string() }),
  summary: z.record(z.enum(VERDICTS), z.number().int()),
  verdicts: z.array(
    z.object({
      claimId: z.number().int(),
      url: z.string(),
      /** Set when the claim shows an earlier fact-check's verdict: where it was first checked. */
      firstChecked: z
        .object({ claimId: z.number().int(), article: z.object({ slug: z.string(), title: z.string() }), publishedAt: isoDate.nullable() })
        .nullable(),
      statement: z.string().nullable(),
      target: TargetJson,
      anchor: AnchorJson,
      /** What a reader must be told when the article changed under this fact-check, or null. */
      note: z.string().nullable(),
      /** The words as checked, when the article's words here changed since (fuzzy). */
      quoteAsChecked: z.string().nullable(),
      verdict: z.enum(VERDICTS),
      label: z.string(),
      ratingValue: z.number().int().nullable(),
      summary: z.string(),
      sources: z.array(SourceJson),
      publishedAt: isoDate.nullable(),
      updatedAt: isoDate,
    }),
  ),
});

/** schema.org ClaimReview objects (their properties are checked against schema.org by the ClaimReview tests). */
export const ClaimReviewsResponse = z.array(z.looseObject({ '@context': z.string(), '@type': z.literal('ClaimReview') }));
