import { z } from 'zod';
import { text } from '../../lib/text';
import { VERDICTS } from './verdict-scale';

export const MAX_SUMMARY_CHARS = 1000;

const booleanInput = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], { error: 'must be true or false' });

/** POST /api/v1/claims/:id/decision */
export const DecisionInput = z.object({
  verdict: z.enum(VERDICTS, { error: `must be one of ${VERDICTS.join(', ')}` }),
  summary: text({ error: 'is required' })
    .trim()
    .min(1, 'is required: readers see it next to the verdict')
    .max(MAX_SUMMARY_CHARS, `must be at most ${MAX_SUMMARY_CHARS} characters`),
  note: text()
    .trim()
    .max(2000, 'must be at most 2000 characters')
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  publish: booleanInput,
});
export type DecisionInput = z.output<typeof DecisionInput>;
