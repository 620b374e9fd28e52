import type { Request, Response } from 'express';
import { z } from 'zod';
import { renderForm } from '../../http/forms';
import { route, type RouteSpec } from '../../http/routes';
import { parseInput } from '../../http/validate';
import { userJson } from './accounts-presenter';
import { ChangeRoleInput, CreateUserInput, IdParam, SelfRegistrationInput } from './accounts-schemas';
import type { AccountsService } from './accounts-service';
import type { User } from './accounts-types';
import { auditContext } from '../../http/audit-context';
import type { AuditService } from '../audit';

export const UpdateUserInput = z
  .object({ role: ChangeRoleInput.shape.role.optional(), disabled: z.boolean({ error: 'must be true or false' }).optional() })
  .refine((value) => value.role !== undefined || value.disabled !== undefined, 'give a role or disabled');

/** Account management for admins, in the browser and through the API. */
export function adminRoutes(accounts: AccountsService, audit: AuditService): RouteSpec[] {
  const recordUpdate = async (req: Request, before: User | undefined, after: User) => {
    if (before && before.role !== after.role) await audit.record('account.role_changed', auditContext(req), after.username, { from: before.role, to: after.role });
    if (before && before.disabled !== after.disabled) await audit.record(after.disabled ? 'account.disabled' : 'account.enabled', auditContext(req), after.username);
  };
  const update = async (req: Request, id: number, changes: { role?: User['role']; disabled?: boolean }) => {
    const before = (await accounts.listUsers()).find((u) => u.id === id);
    const after = await accounts.updateUser(id, changes);
    await recordUpdate(req, before, after);
    return after;
  };
  const create = async (req: Request) => {
    const user = await accounts.createUser(parseInput(CreateUserInput, req.body));
    await audit.record('account.created', auditContext(req), user.username, { role: user.role });
    return user;
  };

  const pageLocals = async () => ({
    title: 'Accounts',
    users: (await accounts.listUsers()).map(userJson),
    selfRegistration: await accounts.selfRegistrationEnabled(),
  });

  const usersPage = async (_req: Request, res: Response) => res.render('accounts/admin-users', { ...(await pageLocals()), values: {} });

  const createUser = renderForm('accounts/admin-users', pageLocals, async (req, res) => {
    await create(req);
    res.redirect(303, '/admin/users');
  });

  const changeRole = renderForm('accounts/admin-users', pageLocals, async (req, res) => {
    await update(req, parseInput(IdParam, req.params).id, { role: parseInput(ChangeRoleInput, req.body).role });
    res.redirect(303, '/admin/users');
  });

  const setDisabled = renderForm('accounts/admin-users', pageLocals, async (req, res) => {
    const { enabled } = parseInput(SelfRegistrationInput, req.body);
    await update(req, parseInput(IdParam, req.params).id, { disabled: !enabled });
    res.redirect(303, '/admin/users');
  });

  const setRegistration = async (req: Request, res: Response) => {
    const { enabled } = parseInput(SelfRegistrationInput, req.body);
    await accounts.setSelfRegistration(enabled);
    await audit.record('registration.changed', auditContext(req), null, { open: enabled });
    res.redirect(303, '/admin/users');
  };

  const apiUsers = async (_req: Request, res: Response) => res.json({ users: (await accounts.listUsers()).map(userJson) });

  const apiCreateUser = async (req: Request, res: Response) => {
    res.status(201).json(userJson(await create(req)));
  };

  const apiUpdateUser = async (req: Request, res: Response) => {
    const { id } = parseInput(IdParam, req.params);
    res.json(userJson(await update(req, id, parseInput(UpdateUserInput, req.body))));
  };

  return [
    route('get', '/admin/users', 'admin', usersPage),
    route('post', '/admin/users', 'admin', createUser),
    route('post', '/admin/users/:id/role', 'admin', changeRole),
    route('post', '/admin/users/:id/enabled', 'admin', setDisabled),
    route('post', '/admin/registration', 'admin', setRegistration),
    route('get', '/api/v1/users', 'admin', apiUsers),
    route('post', '/api/v1/users', 'admin', apiCreateUser),
    route('patch', '/api/v1/users/:id', 'admin', apiUpdateUser),
  ];
}
