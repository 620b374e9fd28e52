import type { Request, Response } from 'express';
import { form } from '../../http/forms';
import { api, route, type RouteSpec, type SignedInRequest } from '../../http/routes';
import { IdParam } from '../../lib/ids';
import { atLeast } from '../accounts';
import { viewer } from '../claims';
import { PostedCommentResponse, CommentJson, ThreadResponse } from './discussion-responses';
import { CommentInput, CommentUpdate, HideInput } from './discussion-schemas';
import type { DiscussionService } from './discussion-service';

/** The discussion API and the claim page's comment forms (which work without JavaScript). */
export function discussionRoutes(discussion: DiscussionService): RouteSpec[] {
  /** A form that failed comes back on its own small page, with the message and what was typed. */
  const formLocals = async (req: Request) => {
    const id = Number(req.params.id);
    const isComment = req.path.startsWith('/comments/');
    const claimId = isComment ? await discussion.claimOf(id, viewer(req as SignedInRequest)).catch(() => null) : id;
    return { title: 'Discussion', claimId, action: req.originalUrl, field: req.path.endsWith('/hide') ? 'reason' : 'body' };
  };
  const echo = (values: Record<string, unknown>) => ({ values });

  const postForm = form(
    { params: IdParam, body: CommentInput },
    'discussion/comment-form',
    formLocals,
    async ({ params, body }, req: SignedInRequest, res) => {
      const { comment } = await discussion.post(params.id, body, viewer(req));
      res.redirect(303, `/claims/${params.id}#comment-${comment.id}`);
    },
    echo,
  );

  const editPage = async (req: SignedInRequest, res: Response) => {
    const id = IdParam.parse(req.params).id;
    const claimId = await discussion.claimOf(id, viewer(req));
    const own = (await discussion.thread(claimId, viewer(req))).flatMap((c) => [c, ...c.replies]).find((c) => c.id === id && c.mine && c.body !== null);
    if (!own) return void res.redirect(303, `/claims/${claimId}#comment-${id}`);
    res.render('discussion/comment-form', { title: 'Edit your comment', claimId, action: `/comments/${id}/edit`, field: 'body', values: { body: own.body } });
  };

  const editForm = form(
    { params: IdParam, body: CommentUpdate },
    'discussion/comment-form',
    formLocals,
    async ({ params, body }, req: SignedInRequest, res) => {
      const comment = await discussion.edit(params.id, body, viewer(req));
      res.redirect(303, `/claims/${comment.claimId}#comment-${comment.id}`);
    },
    echo,
  );

  const deleteForm = async (req: SignedInRequest, res: Response) => {
    const id = IdParam.parse(req.params).id;
    const claimId = await discussion.remove(id, viewer(req));
    res.redirect(303, `/claims/${claimId}#comment-${id}`);
  };

  const hideForm = form(
    { params: IdParam, body: HideInput },
    'discussion/comment-form',
    formLocals,
    async ({ params, body }, req: SignedInRequest, res) => {
      const comment = await discussion.hide(params.id, body, viewer(req));
      res.redirect(303, `/claims/${comment.claimId}#comment-${comment.id}`);
    },
    echo,
  );

  return [
    route('post', '/claims/:id/comments', atLeast('reviewer'), postForm),
    route('get', '/comments/:id/edit', atLeast('reviewer'), editPage),
    route('post', '/comments/:id/edit', atLeast('reviewer'), editForm),
    route('post', '/comments/:id/delete', atLeast('reviewer'), deleteForm),
    route('post', '/comments/:id/hide', atLeast('editor'), hideForm),
    api(
      'get',
      '/api/v1/claims/:id/comments',
      atLeast('reviewer'),
      {
        tag: 'Discussion',
        summary: 'The claim’s discussion, replies under each comment. A reviewer gets 403 until they have filed their own check on the claim (blind review).',
        params: IdParam,
        response: ThreadResponse,
      },
      async ({ params }, req, res) => {
        res.json({ comments: await discussion.thread(params.id, viewer(req)) });
      },
    ),
    api(
      'post',
      '/api/v1/claims/:id/comments',
      atLeast('reviewer'),
      {
        tag: 'Discussion',
        summary: 'Comment (Markdown), or answer a comment with `parentId`; `@username` mentions are returned. 403 before your own check.',
        params: IdParam,
        body: CommentInput,
        success: 201,
        response: PostedCommentResponse,
      },
      async ({ params, body }, req, res) => {
        res.status(201).json(await discussion.post(params.id, body, viewer(req)));
      },
    ),
    api(
      'patch',
      '/api/v1/comments/:id',
      atLeast('reviewer'),
      { tag: 'Discussion', summary: 'Edit your own comment.', params: IdParam, body: CommentUpdate, response: CommentJson },
      async ({ params, body }, req, res) => {
        res.json(await discussion.edit(params.id, body, viewer(req)));
      },
    ),
    api(
      'delete',
      '/api/v1/comments/:id',
      atLeast('reviewer'),
      { tag: 'Discussion', summary: 'Delete your own comment (the thread keeps a “deleted” placeholder).', params: IdParam, success: 204 },
      async ({ params }, req, res) => {
        await discussion.remove(params.id, viewer(req));
        res.status(204).end();
      },
    ),
    api(
      'post',
      '/api/v1/comments/:id/hide',
      atLeast('editor'),
      { tag: 'Discussion', summary: 'Hide a comment, with the reason shown in its place.', params: IdParam, body: HideInput, response: CommentJson },
      async ({ params, body }, req, res) => {
        res.json(await discussion.hide(params.id, body, viewer(req)));
      },
    ),
  ];
}
