import { z } from 'zod';
import { text } from './text';

/** `after`: the `next` cursor a list gave with the page before (what it holds is checked where it is decoded). */
export function afterCursor(refusal: string) {
  return text()
    .trim()
    .max(400, refusal)
    .optional()
    .transform((v) => (v ? v : undefined));
}

/** `limit`: items per page, 1 to 200 (absent: the list's own default). */
export const pageLimit = z.coerce
  .number({ error: 'must be a number from 1 to 200' })
  .int('must be a whole number from 1 to 200')
  .min(1, 'must be a number from 1 to 200')
  .max(200, 'must be a number from 1 to 200')
  .optional();
