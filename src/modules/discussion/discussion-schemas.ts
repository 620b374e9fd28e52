import { z } from 'zod';
import { text } from '../../lib/text';

export const MAX_COMMENT_CHARS = 5000;

const body = text({ error: 'is required' }).trim().min(1, 'is required').max(MAX_COMMENT_CHARS, `must be at most ${MAX_COMMENT_CHARS} characters`);

/** `POST /api/v1/claims/:id/comments`; `parentId` answers a comment (replies are one level deep). */
export const CommentInput = z.object({
  body,
  parentId: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce.number({ error: 'must be a comment id' }).int().positive('must be a comment id').optional(),
  ),
});
export type CommentInput = z.output<typeof CommentInput>;

export const CommentUpdate = z.object({ body });
export type CommentUpdate = z.output<typeof CommentUpdate>;

export const HideInput = z.object({ reason: text({ error: 'is required' }).trim().min(1, 'is required: say why').max(500, 'must be at most 500 characters') });
export type HideInput = z.output<typeof HideInput>;
