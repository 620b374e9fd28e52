import { z } from 'zod';
import { text } from '../../lib/text';
import { httpUrlSchema } from '../../lib/urls';
import { CONFIDENCES, STANCES, VERDICTS } from '../verdicts';

export const MAX_RATIONALE_CHARS = 10_000;
export const MAX_SOURCES = 20;

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

/** `:id` of a check. */
export { IdParam as CheckIdParam } from '../../lib/ids';

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
