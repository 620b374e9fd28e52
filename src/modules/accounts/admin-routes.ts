import type { Request, Response } from 'express';
import { z } from 'zod';
import { renderForm } from '../../http/forms';
import { api, route, type RouteSpec } from '../../http/routes';
import { parseInput } from '../../http/validate';
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

  const createUser = renderForm('accounts/admin-users', pageLocals, async (req, res) => {
    await create(req, parseInput(CreateUserInput, req.body));
    res.redirect(303, '/admin/users');
  });

  const changeRole = renderForm('accounts/admin-users', pageLocals, async (req, res) => {
    await update(req, parseInput(IdParam, req.params).id, { role: parseInput(ChangeRoleInput, req.body).role });
    res.redirect(303, '/admin/users');
  });

  const setDisabled = renderForm('accounts/admin-users', pageLocals, async (req, res) => {
    const { enabled } = parseInput(EnabledInput, req.body);
    await update(req, parseInput(IdParam, req.params).id, { disabled: !enabled });
    res.redirect(303, '/admin/users');
  });

  const resetPasswordForm = renderForm(
    'accounts/admin-users',
    pageLocals,
    async (req, res) => {
      await resetPassword(req, parseInput(IdParam, req.params).id, parseInput(ResetPasswordInput, req.body));
      res.redirect(303, '/admin/users');
    },
    () => ({ values: {} }),
  );

  const setRegistration = async (req: Request, res: Response) => {
    const { enabled } = parseInput(EnabledInput, req.body);
    await accounts.setSelfRegistration(enabled, auditContext(req));
    res.redirect(303, '/admin/users');
  };

  return [
    route('get', '/admin/users', atLeast('admin'), usersPage),
    route('post', '/admin/users', atLeast('admin'), createUser),
    route('post', '/admin/users/:id/role', atLeast('admin'), changeRole),
    route('post', '/admin/users/:id/enabled', atLeast('admin'), setDisabled),
    route('post', '/admin/users/:id/password', atLeast('admin'), resetPasswordForm),
    route('post', '/admin/registration', atLeast('admin'), setRegistration),
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
