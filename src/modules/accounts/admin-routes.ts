import type { Request, Response } from 'express';
import { z } from 'zod';
import { form } from '../../http/forms';
import { api, page, route, type RouteSpec, type SignedInRequest } from '../../http/routes';
import { userJson } from './accounts-presenter';
import { ChangeRoleInput, CreateUserInput, IdParam, ResetPasswordInput, EnabledInput } from './accounts-schemas';
import type { AccountsService } from './accounts-service';
import type { User } from './accounts-types';
import { auditContext } from '../audit';
import { atLeast } from './roles';
import { UserJson, UsersResponse } from './accounts-responses';

export const UpdateUserInput = z
  .object({ role: ChangeRoleInput.shape.role.optional(), disabled: z.boolean({ error: 'must be true or false' }).optional() })
  .refine((value) => value.role !== undefined || value.disabled !== undefined, 'give a role or disabled');

/** Account management for admins, in the browser and through the API; the service audits each change. */
export function adminRoutes(accounts: AccountsService): RouteSpec[] {
  const update = (req: Request, id: number, changes: { role?: User['role']; disabled?: boolean }) => accounts.updateUser(id, changes, auditContext(req));
  const create = (req: Request, input: CreateUserInput) => accounts.createUser(input, auditContext(req));
  const resetPassword = (req: Request, id: number, input: ResetPasswordInput) => accounts.resetPassword(id, input, auditContext(req));

  const pageLocals = async () => ({
    title: 'Accounts',
    users: (await accounts.listUsers()).map(userJson),
    selfRegistration: await accounts.selfRegistrationEnabled(),
  });

  const usersPage = async (_req: Request, res: Response) => res.render('accounts/admin-users', { ...(await pageLocals()), values: {} });

  const createUser = form({ body: CreateUserInput }, 'accounts/admin-users', pageLocals, async ({ body }, req: SignedInRequest, res) => {
    await create(req, body);
    res.redirect(303, '/admin/users');
  });

  const changeRole = form(
    { params: IdParam, body: ChangeRoleInput },
    'accounts/admin-users',
    pageLocals,
    async ({ params, body }, req: SignedInRequest, res) => {
      await update(req, params.id, { role: body.role });
      res.redirect(303, '/admin/users');
    },
  );

  const setDisabled = form({ params: IdParam, body: EnabledInput }, 'accounts/admin-users', pageLocals, async ({ params, body }, req: SignedInRequest, res) => {
    await update(req, params.id, { disabled: !body.enabled });
    res.redirect(303, '/admin/users');
  });

  const resetPasswordForm = form(
    { params: IdParam, body: ResetPasswordInput },
    'accounts/admin-users',
    pageLocals,
    async ({ params, body }, req: SignedInRequest, res) => {
      await resetPassword(req, params.id, body);
      res.redirect(303, '/admin/users');
    },
    () => ({ values: {} }),
  );

  return [
    route('get', '/admin/users', atLeast('admin'), usersPage),
    route('post', '/admin/users', atLeast('admin'), createUser),
    route('post', '/admin/users/:id/role', atLeast('admin'), changeRole),
    route('post', '/admin/users/:id/enabled', atLeast('admin'), setDisabled),
    route('post', '/admin/users/:id/password', atLeast('admin'), resetPasswordForm),
    page('post', '/admin/registration', atLeast('admin'), { body: EnabledInput }, async ({ body }, req, res) => {
      await accounts.setSelfRegistration(body.enabled, auditContext(req));
      res.redirect(303, '/admin/users');
    }),
    api('get', '/api/v1/users', atLeast('admin'), { tag: 'Admin', summary: 'All accounts.', response: UsersResponse }, async (_input, _req, res) => {
      res.json({ users: (await accounts.listUsers()).map(userJson) });
    }),
    api(
      'post',
      '/api/v1/users',
      atLeast('admin'),
      { tag: 'Admin', summary: 'Create an account.', body: CreateUserInput, success: 201, response: UserJson },
      async ({ body }, req, res) => {
        res.status(201).json(userJson(await create(req, body)));
      },
    ),
    api(
      'patch',
      '/api/v1/users/:id',
      atLeast('admin'),
      { tag: 'Admin', summary: 'Change an account’s role, or disable or enable it.', params: IdParam, body: UpdateUserInput, response: UserJson },
      async ({ params, body }, req, res) => {
        res.json(userJson(await update(req, params.id, body)));
      },
    ),
    api(
      'post',
      '/api/v1/users/:id/password',
      atLeast('admin'),
      {
        tag: 'Admin',
        summary: 'Set a new password for an account; every session of that account ends.',
        params: IdParam,
        body: ResetPasswordInput,
        success: 204,
      },
      async ({ params, body }, req, res) => {
        await resetPassword(req, params.id, body);
        res.status(204).end();
      },
    ),
  ];
}
