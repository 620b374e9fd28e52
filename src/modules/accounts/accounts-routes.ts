import type { Request, Response } from 'express';
import { auditContext } from '../../http/audit-context';
import type { Passport } from '../../http/authentication';
import type { AuditService } from '../audit';
import { csrfTokenFor } from '../../http/csrf';
import { renderForm } from '../../http/forms';
import { route, type RouteSpec } from '../../http/routes';
import { parseInput } from '../../http/validate';
import { AppError } from '../../lib/errors';
import { tokenJson, userJson } from './accounts-presenter';
import { IdParam, LoginInput, RegisterInput, TokenNameInput } from './accounts-schemas';
import type { AccountsService } from './accounts-service';
import type { User } from './accounts-types';
import { adminRoutes } from './admin-routes';

const LOGIN_FAILED = 'That username and password do not match an active account.';

/** Runs passport-local's check (username and password from the form body). */
function authenticateLocal(passport: Passport, req: Request, res: Response): Promise<User | null> {
  return new Promise((resolve, reject) => {
    passport.authenticate('local', (err: unknown, user: User | false) => (err ? reject(err) : resolve(user || null)))(req, res, reject);
  });
}

function logIn(req: Request, user: User): Promise<void> {
  return new Promise((resolve, reject) => req.login(user, (err) => (err ? reject(err) : resolve())));
}

/** Ends the session server-side (the row is deleted), not only in the cookie. */
function logOut(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) =>
    req.logout((err) => {
      if (err) return reject(err);
      req.session.destroy((destroyError) => {
        if (destroyError) return reject(destroyError);
        res.clearCookie('factline.sid');
        resolve();
      });
    }),
  );
}

function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[\w\-./?=&%#]*$/.test(value) ? value : '/';
}

export function accountsRoutes(accounts: AccountsService, passport: Passport, audit: AuditService): RouteSpec[] {
  const loginForm = (req: Request, res: Response) => res.render('accounts/login', { title: 'Sign in', values: { next: req.query.next } });

  const login = renderForm('accounts/login', { title: 'Sign in' }, async (req, res) => {
    const { username } = parseInput(LoginInput, req.body);
    await audit.assertLoginAllowed(username, req.ip ?? null);
    const user = await authenticateLocal(passport, req, res);
    if (!user) {
      await audit.record('login.failed', auditContext(req), username);
      throw new AppError(401, 'invalid_credentials', LOGIN_FAILED);
    }
    await logIn(req, user);
    await audit.record('login.succeeded', { actorId: user.id, ip: req.ip ?? null }, username);
    res.redirect(303, safeReturnPath((req.body as { next?: unknown }).next));
  });

  const logout = async (req: Request, res: Response) => {
    await audit.record('logout', auditContext(req), req.user?.username ?? null);
    await logOut(req, res);
    res.redirect(303, '/');
  };

  const registerLocals = async () => ({ title: 'Create an account', firstAccount: !(await accounts.hasUsers()), open: await accounts.selfRegistrationEnabled() });

  const registerForm = async (_req: Request, res: Response) => res.render('accounts/register', { ...(await registerLocals()), values: {} });

  const register = renderForm('accounts/register', registerLocals, async (req, res) => {
    const user = await accounts.register(parseInput(RegisterInput, req.body));
    await audit.record('account.registered', { actorId: user.id, ip: req.ip ?? null }, user.username, { role: user.role });
    await logIn(req, user);
    res.redirect(303, '/account');
  });

  const accountPage = async (req: Request, res: Response, extra: Record<string, unknown> = {}) => {
    const user = req.user as User;
    res.render('accounts/account', { title: 'Your account', account: userJson(user), tokens: (await accounts.listTokens(user.id)).map(tokenJson), values: {}, ...extra });
  };

  const showAccount = (req: Request, res: Response) => accountPage(req, res);

  const createToken = renderForm('accounts/account', async (req) => ({ title: 'Your account', account: userJson(req.user as User), tokens: (await accounts.listTokens((req.user as User).id)).map(tokenJson) }), async (req, res) => {
    const { name } = parseInput(TokenNameInput, req.body);
    const { token, record } = await accounts.createToken((req.user as User).id, name);
    await audit.record('token.created', auditContext(req), (req.user as User).username, { tokenId: record.id, name });
    res.status(201);
    await accountPage(req, res, { newToken: token });
  });

  const revokeToken = async (req: Request, res: Response) => {
    const { id } = parseInput(IdParam, req.params);
    await accounts.revokeToken((req.user as User).id, id);
    await audit.record('token.revoked', auditContext(req), (req.user as User).username, { tokenId: id });
    res.redirect(303, '/account');
  };

  const apiMe = (req: Request, res: Response) => {
    res.json({ user: userJson(req.user as User), ...(req.authenticatedBy === 'session' ? { csrfToken: csrfTokenFor(req) } : {}) });
  };

  const apiTokens = async (req: Request, res: Response) => res.json({ tokens: (await accounts.listTokens((req.user as User).id)).map(tokenJson) });

  const apiCreateToken = async (req: Request, res: Response) => {
    const { name } = parseInput(TokenNameInput, req.body);
    const { token, record } = await accounts.createToken((req.user as User).id, name);
    await audit.record('token.created', auditContext(req), (req.user as User).username, { tokenId: record.id, name });
    res.status(201).json({ token, ...tokenJson(record) });
  };

  const apiRevokeToken = async (req: Request, res: Response) => {
    const { id } = parseInput(IdParam, req.params);
    await accounts.revokeToken((req.user as User).id, id);
    await audit.record('token.revoked', auditContext(req), (req.user as User).username, { tokenId: id });
    res.status(204).end();
  };

  return [
    route('get', '/login', 'anyone', loginForm),
    route('post', '/login', 'anyone', login),
    route('post', '/logout', 'signed-in', logout),
    route('get', '/register', 'anyone', registerForm),
    route('post', '/register', 'anyone', register),
    route('get', '/account', 'signed-in', showAccount),
    route('post', '/account/tokens', 'signed-in', createToken),
    route('post', '/account/tokens/:id/revoke', 'signed-in', revokeToken),
    route('get', '/api/v1/me', 'signed-in', apiMe),
    route('get', '/api/v1/tokens', 'signed-in', apiTokens),
    route('post', '/api/v1/tokens', 'signed-in', apiCreateToken),
    route('delete', '/api/v1/tokens/:id', 'signed-in', apiRevokeToken),
    ...adminRoutes(accounts, audit),
  ];
}
