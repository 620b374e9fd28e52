import { z } from 'zod';
import { text } from '../../lib/text';
import { afterCursor, pageLimit } from '../../lib/page-query';
import { QUEUE_SORTS } from './review-queue';

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
