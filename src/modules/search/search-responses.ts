import { z } from 'zod';
import { VERDICTS } from '../verdicts';

const ArticleRef = z.object({ slug: z.string(), title: z.string() });

export const SearchResponse = z.object({
  results: z.array(
    z.object({
      type: z.enum(['article', 'claim', 'factcheck']),
      id: z.number().int(),
      title: z.string(),
      snippet: z.string().describe('HTML: the text escaped, matched words in <mark>'),
      url: z.string(),
      verdict: z.enum(VERDICTS).optional(),
      verdictLabel: z.string().optional(),
      article: ArticleRef.optional(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
});

export const SimilarClaimJson = z.object({
  claimId: z.number().int(),
  quote: z.string(),
  statement: z.string().nullable(),
  article: ArticleRef,
  url: z.string(),
  published: z.boolean(),
  verdict: z.enum(VERDICTS).nullable(),
  verdictLabel: z.string().nullable(),
  score: z.number().min(0).max(1),
  relation: z.enum(['same', 'similar', 'numbers-differ', 'year-differs', 'negated', 'direction-differs', 'subject-differs']),
  note: z.string(),
});

export const SimilarResponse = z.object({ similar: z.array(SimilarClaimJson) });
