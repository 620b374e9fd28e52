import { z } from 'zod';

const CommentShape = z.object({
  id: z.number().int(),
  claimId: z.number().int(),
  parentId: z.number().int().nullable(),
  author: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  bodyHtml: z.string().nullable(),
  body: z.string().nullable(),
  createdAt: z.string(),
  edited: z.boolean(),
  deleted: z.boolean(),
  hidden: z.object({ reason: z.string(), by: z.string().nullable() }).nullable(),
  mine: z.boolean(),
});

export const CommentJson = CommentShape.extend({ replies: z.array(CommentShape.extend({ replies: z.array(z.never()) })) });
export const ThreadResponse = z.object({ comments: z.array(CommentJson) });
export const PostedCommentResponse = z.object({ comment: CommentJson, mentions: z.array(z.string()) });
