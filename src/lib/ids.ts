import { z } from 'zod';

/** A positive whole-number id in a path (`/claims/:id`, `/checks/:id`, `/users/:id`). */
export const IdParam = z.object({ id: z.coerce.number({ error: 'must be a number' }).int().positive('must be a positive number') });
export type IdParam = z.output<typeof IdParam>;
