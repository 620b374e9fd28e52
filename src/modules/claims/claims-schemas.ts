import { z } from 'zod';
import { text } from '../../lib/text';

export const MAX_QUOTE_CHARS = 2000;
export const MAX_STATEMENT_CHARS = 500;

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

/** `:id` of a claim. */
export { IdParam as ClaimIdParam } from '../../lib/ids';

/** `POST /api/v1/claims/:id/same-as` and the claim page's form. */
export const SameAsInput = z.object({ claimId: z.coerce.number({ error: 'must be the id of a published fact-check' }).int().positive('must be a claim id') });
export type SameAsInput = z.output<typeof SameAsInput>;
