import { z } from 'zod';
import { isoDate } from '../../lib/response-schemas';
import { CONFIDENCES, STANCES, VERDICTS } from '../verdicts';

/** A check and its sources as the API gives them (checks-presenter.ts). */
const verdict = z.enum(VERDICTS);
const ratingValue = z.number().int().min(1).max(5).nullable();

export const SourceJson = z.object({
  url: z.string(),
  domain: z.string(),
  title: z.string().nullable(),
  stance: z.enum(STANCES),
  quote: z.string().nullable(),
});

export const CheckJson = z.object({
  id: z.number().int(),
  claimId: z.number().int(),
  reviewer: z.object({ id: z.number().int(), name: z.string(), username: z.string() }),
  verdict,
  label: z.string(),
  ratingValue,
  independentVerdict: verdict,
  revisedAfterOthersAt: isoDate.nullable(),
  confidence: z.enum(CONFIDENCES),
  rationale: z.string(),
  sources: z.array(SourceJson),
  revision: z.number().int(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
