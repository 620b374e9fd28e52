import { z } from 'zod';
import { SimilarClaimJson } from '../review';
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

export const SimilarResponse = z.object({ similar: z.array(SimilarClaimJson) });
