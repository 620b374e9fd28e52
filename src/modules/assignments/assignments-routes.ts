import type { Request, Response } from 'express';
import { form } from '../../http/forms';
import { api, page, route, type RouteSpec, type SignedInRequest } from '../../http/routes';
import { ForbiddenError } from '../../lib/errors';
import { atLeast, hasRole, type AccountsService } from '../accounts';
import { IdParam } from '../../lib/ids';
import { viewer, type ClaimsService } from '../claims';
import { BulkAssignResponse, ClaimAssignmentsResponse, MyWorkResponse } from './assignments-responses';
import { AssigneeParams, AssignInput, AssignmentsQuery, BulkAssignInput } from './assignments-schemas';
import type { AssignmentsService, MyWorkItem } from './assignments-service';

const workJson = (item: MyWorkItem) => ({
  claimId: item.claimId,
  quote: item.quote,
  statement: item.statement,
  article: item.article,
  username: item.username,
  due: item.due,
  overdue: item.overdue,
  done: item.done,
  assignedBy: item.assignedBy,
  assignedAt: item.assignedAt,
  url: `/claims/${item.claimId}`,
});

/** Assigning claims (API, the Assign page, the claim page's form) and My work. */
export function assignmentsRoutes(assignments: AssignmentsService, accounts: AccountsService, claims: ClaimsService): RouteSpec[] {
  /** The Assign page: the chosen claims (from the queue's checkboxes or a claim page), whom, by when. */
  const assignLocals = async (req: Request) => {
    const raw = (req.method === 'GET' ? req.query.claimIds : (req.body as Record<string, unknown>)?.claimIds) ?? [];
    const ids = (Array.isArray(raw) ? raw : [raw])
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0)
      .slice(0, 200);
    const chosen = await claims.byIds(ids);
    const people = (await accounts.listUsers()).filter((u) => !u.disabled).map((u) => ({ username: u.username, displayName: u.displayName }));
    const backRaw = req.method === 'GET' ? req.query.back : (req.body as Record<string, unknown>)?.back;
    const back = typeof backRaw === 'string' && /^\/claims\/\d+$/.test(backRaw) ? backRaw : null;
    return { title: 'Assign claims', chosen: chosen.map((c) => ({ id: c.id, quote: c.exact })), people, back };
  };

  const assignPage = async (req: SignedInRequest, res: Response) => {
    res.render('assignments/assign', { ...(await assignLocals(req)), values: { due: '', username: '' } });
  };

  const assignForm = form({ body: BulkAssignInput }, 'assignments/assign', assignLocals, async ({ body }, req: SignedInRequest, res) => {
    await assignments.assign(body, viewer(req));
    const back = (req.body as Record<string, unknown>).back;
    res.redirect(303, typeof back === 'string' && /^\/claims\/\d+$/.test(back) ? back : '/review');
  });

  const unassignForm = async (req: SignedInRequest, res: Response) => {
    const { id, username } = AssigneeParams.parse(req.params);
    await assignments.unassign(id, username);
    res.redirect(303, `/claims/${id}`);
  };

  const myWork = async (req: SignedInRequest, res: Response) => {
    const items = await assignments.openFor(req.user.id);
    res.render('assignments/my-work', { title: 'My work', items: items.map(workJson) });
  };

  return [
    page('get', '/me/work', atLeast('reviewer'), {}, async (_input, req, res) => myWork(req, res)),
    route('get', '/review/assign', atLeast('editor'), assignPage),
    route('post', '/review/assign', atLeast('editor'), assignForm),
    route('post', '/claims/:id/assignments/:username/remove', atLeast('editor'), unassignForm),
    api(
      'post',
      '/api/v1/claims/:id/assignments',
      atLeast('editor'),
      {
        tag: 'Assignments',
        summary: 'Assign the claim to someone, optionally by a due date (YYYY-MM-DD); assigning again changes the date. Done once they file their check.',
        params: IdParam,
        body: AssignInput,
        success: 201,
        response: ClaimAssignmentsResponse,
      },
      async ({ params, body }, req, res) => {
        res.status(201).json({ assignments: await assignments.assignOne(params.id, body, viewer(req)) });
      },
    ),
    api(
      'delete',
      '/api/v1/claims/:id/assignments/:username',
      atLeast('editor'),
      { tag: 'Assignments', summary: 'Take the claim off someone’s work.', params: AssigneeParams, success: 204 },
      async ({ params }, _req, res) => {
        await assignments.unassign(params.id, params.username);
        res.status(204).end();
      },
    ),
    api(
      'post',
      '/api/v1/assignments',
      atLeast('editor'),
      {
        tag: 'Assignments',
        summary: 'Assign several claims (at most 200) to someone at once, in one transaction.',
        body: BulkAssignInput,
        success: 201,
        response: BulkAssignResponse,
      },
      async ({ body }, req, res) => {
        const { assigned, assignee } = await assignments.assign(body, viewer(req));
        res.status(201).json({ assigned, username: assignee.username });
      },
    ),
    api(
      'get',
      '/api/v1/assignments',
      atLeast('reviewer'),
      {
        tag: 'Assignments',
        summary: 'Open assignments (not yet checked), overdue first, then by due date: yours (`mine=true`, the default), or an editor’s view of `assignee`’s.',
        query: AssignmentsQuery,
        response: MyWorkResponse,
      },
      async ({ query }, req, res) => {
        let userId = req.user.id;
        if (query.assignee && query.mine !== 'true' && query.assignee !== req.user.username) {
          if (!hasRole(req.user.role, 'editor')) throw new ForbiddenError('Only editors may see someone else’s assignments.');
          userId = (await accounts.findByUsername(query.assignee)).id;
        }
        res.json({ assignments: (await assignments.openFor(userId)).map(workJson) });
      },
    ),
  ];
}
