import { z } from 'zod';
import { AssigneeJson } from '../review';

export const ClaimAssignmentsResponse = z.object({ assignments: z.array(AssigneeJson) });

export const BulkAssignResponse = z.object({ assigned: z.number().int(), username: z.string() });

export const MyWorkResponse = z.object({
  assignments: z.array(
    z.object({
      claimId: z.number().int(),
      quote: z.string(),
      statement: z.string().nullable(),
      article: z.object({ slug: z.string(), title: z.string() }),
      username: z.string(),
      due: z.string().nullable(),
      overdue: z.boolean(),
      done: z.boolean(),
      assignedBy: z.string().nullable(),
      assignedAt: z.string(),
      url: z.string(),
    }),
  ),
});
