import { z } from 'zod';
import { text } from '../../lib/text';
import { afterCursor, pageLimit } from '../../lib/page-query';
import { httpUrlSchema } from '../../lib/urls';
import { CONFIDENCES, STANCES, VERDICTS } from '../verdicts';
import { QUEUE_SORTS } from './review-queue';

export const MAX_QUOTE_CHARS = 2000;
export const MAX_STATEMENT_CHARS = 500;
export const MAX_RATIONALE_CHARS = 10_000;
export const MAX_SOURCES = 20;

const offset = z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative');

const QuoteInput = z.object({
  exact: text({ error: 'is required' })
    .max(MAX_QUOTE_CHARS, `must be at most ${MAX_QUOTE_CHARS} characters`)
    .refine((v) => v.trim() !== '', 'is required'),
  prefix: text().max(200, 'must be at most 200 characters').optional(),
  suffix: text().max(200, 'must be at most 200 characters').optional(),
  start: offset.optional(),
  end: offset.optional(),
});

const statement = text()
  .trim()
  .max(MAX_STATEMENT_CHARS, `must be at most ${MAX_STATEMENT_CHARS} characters`)
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

/** POST /api/v1/articles/:slug/claims: a whole sentence, or any exact quote. */
export const CreateClaimInput = z
  .object({
    sentenceId: text()
      .regex(/^s-[0-9a-f]{12}$/, 'must be a sentence id like s-0123456789ab')
      .optional(),
    quote: QuoteInput.optional(),
    statement,
  })
  .refine((v) => (v.sentenceId === undefined) !== (v.quote === undefined), 'give either sentenceId or quote, not both');
export type CreateClaimInput = z.output<typeof CreateClaimInput>;

export const SourceInput = z.object({
  url: httpUrlSchema,
  title: text()
    .trim()
    .max(300, 'must be at most 300 characters')
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  stance: z.enum(STANCES, { error: `must be one of ${STANCES.join(', ')}` }),
  quote: text()
    .trim()
    .max(1000, 'must be at most 1000 characters')
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
});
export type SourceInput = z.output<typeof SourceInput>;

const checkFields = {
  verdict: z.enum(VERDICTS, { error: `must be one of ${VERDICTS.join(', ')}` }),
  confidence: z.enum(CONFIDENCES, { error: `must be one of ${CONFIDENCES.join(', ')}` }),
  rationale: text({ error: 'is required' })
    .trim()
    .min(1, 'is required: say how you reached the verdict')
    .max(MAX_RATIONALE_CHARS, `must be at most ${MAX_RATIONALE_CHARS.toLocaleString('en-US')} characters`),
  sources: z
    .array(SourceInput, { error: 'must be a list of sources' })
    .min(1, 'give at least one source')
    .max(MAX_SOURCES, `give at most ${MAX_SOURCES} sources`),
};

/** POST /api/v1/claims/:id/checks */
export const CheckInput = z.object(checkFields);
export type CheckInput = z.output<typeof CheckInput>;

/** PATCH /api/v1/checks/:id: any of the fields; `sources` replaces the whole list. */
export const CheckUpdateInput = z
  .object({
    verdict: checkFields.verdict.optional(),
    confidence: checkFields.confidence.optional(),
    rationale: checkFields.rationale.optional(),
    sources: checkFields.sources.optional(),
  })
  .refine((v) => Object.values(v).some((field) => field !== undefined), 'change at least one of verdict, confidence, rationale, sources');
export type CheckUpdateInput = z.output<typeof CheckUpdateInput>;

/** `:id` of a claim or of a check: the same shape, named by what it parses at each route. */
export { IdParam as ClaimIdParam, IdParam as CheckIdParam } from '../../lib/ids';

export type QueueFilter = z.output<typeof QueueFilter>;
export const QueueFilter = z.object({
  article: text()
    .trim()
    .max(120)
    .optional()
    .transform((v) => (v ? v : undefined)),
  status: z
    .enum(['disputed', 'needs-recheck', 'needs-review', 'consensus', 'published', ''], {
      error: 'must be disputed, needs-recheck, needs-review, consensus or published',
    })
    .optional()
    .transform((v) => (v ? v : undefined)),
  assignee: text()
    .trim()
    .toLowerCase()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
  sort: z
    .enum(QUEUE_SORTS, { error: `must be one of ${QUEUE_SORTS.join(', ')}` })
    .optional()
    .transform((v) => v ?? 'status'),
  /** The `next` cursor of the page before. */
  after: afterCursor('is not a cursor this queue gave'),
  limit: pageLimit,
});

/**
 * The no-JavaScript check form posts sources as parallel repeated fields
 * (source_url, source_title, source_stance, source_quote); rows without a URL are skipped.
 */
export function sourcesFromForm(body: Record<string, unknown>): unknown[] {
  const list = (name: string): string[] => {
    const value = body[name];
    return Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
  };
  const urls = list('source_url');
  const titles = list('source_title');
  const stances = list('source_stance');
  const quotes = list('source_quote');
  return urls.map((url, i) => ({ url: url.trim(), title: titles[i], stance: stances[i], quote: quotes[i] })).filter((row) => row.url !== '');
}

/** `POST /api/v1/claims/:id/same-as` and the claim page's form. */
export const SameAsInput = z.object({ claimId: z.coerce.number({ error: 'must be the id of a published fact-check' }).int().positive('must be a claim id') });
export type SameAsInput = z.output<typeof SameAsInput>;
