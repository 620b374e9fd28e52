import { z } from 'zod';
import { text } from '../../lib/text';

export const MAX_CLAIMS_PER_ASSIGNMENT = 200;

/** A due date: a calendar day (UTC), today or later. */
export const dueDate = text()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'is not a real date')
  .refine((value) => value >= today(), 'must be today or later');

export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const username = text({ error: 'is required' }).trim().toLowerCase().min(1, 'is required').max(64, 'is too long');
const optionalDue = z.preprocess((v) => (v === '' || v === null ? undefined : v), dueDate.optional());

/** `POST /api/v1/claims/:id/assignments` */
export const AssignInput = z.object({ username, due: optionalDue });
export type AssignInput = z.output<typeof AssignInput>;

/** `POST /api/v1/assignments` and the Assign page: several claims at once. */
export const BulkAssignInput = z.object({
  claimIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
    z
      .array(z.coerce.number({ error: 'must be claim ids' }).int().positive('must be claim ids'))
      .min(1, 'choose at least one claim')
      .max(MAX_CLAIMS_PER_ASSIGNMENT, `at most ${MAX_CLAIMS_PER_ASSIGNMENT} claims at once`),
  ),
  username,
  due: optionalDue,
});
export type BulkAssignInput = z.output<typeof BulkAssignInput>;

export const AssigneeParams = z.object({ id: z.coerce.number({ error: 'must be a number' }).int().positive('must be a positive number'), username });

/** `GET /api/v1/assignments`: your own (the default), or, for editors, someone's. */
export const AssignmentsQuery = z.object({
  mine: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  assignee: text().trim().toLowerCase().max(64).optional(),
});
