import type { Request, Response } from 'express';
import { auditContext } from '../audit';
import type { Passport } from './authentication';
import type { AuditContext, AuditService } from '../audit';
import { csrfTokenFor } from '../../http/csrf';
import { form, renderForm } from '../../http/forms';
import { api, page, route, type RouteSpec, type SignedInRequest } from '../../http/routes';
import { AppError } from '../../lib/errors';
import { tokenJson, userJson } from './accounts-presenter';
import { ChangePasswordInput, IdParam, LoginInput, TokenNameInput } from './accounts-schemas';
import type { AccountsService } from './accounts-service';
import type { User } from './accounts-types';
import { adminRoutes } from './admin-routes';
import { MeResponse, NewTokenResponse, TokensResponse } from './accounts-responses';
import { rememberDevice, type DeviceCookieOptions } from './sign-in-client';
import { shared } from '../../http/route-sharing';

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

/**
 * The email section of Your account: kept by the notifications module (wired in app.ts), shown
 * and saved here with the rest of the account, so a mistake re-renders this page with its message.
 */
export interface AccountEmailSettings {
  find(userId: number): Promise<object>;
  save(account: User, body: unknown, context: AuditContext, from: 'form'): Promise<unknown>;
}

export function accountsRoutes(
  accounts: AccountsService,
  passport: Passport,
  audit: AuditService,
  devices: DeviceCookieOptions,
  emailSettings: AccountEmailSettings,
): RouteSpec[] {
  const loginForm = (req: Request, res: Response) => res.render('accounts/login', { title: 'Sign in', values: { next: req.query.next } });

  /** The limits, the password check and the audit events live in accounts.signIn (through passport-local). */
  const login = form({ body: LoginInput }, 'accounts/login', { title: 'Sign in' }, async ({ body }, req, res) => {
    const user = await authenticateLocal(passport, req, res);
    if (!user) throw new AppError(401, 'invalid_credentials', LOGIN_FAILED);
    await logIn(req, user);
    rememberDevice(req, res, user.username, devices);
    res.redirect(303, safeReturnPath(body.next));
  });

  const logout = async (req: SignedInRequest, res: Response) => {
    await audit.record('logout', auditContext(req), req.user?.username ?? null);
    await logOut(req, res);
    res.redirect(303, '/');
  };

  const registerLocals = async () => ({ title: 'Create an account', ...(await accounts.registrationState()) });

  const registerForm = async (_req: Request, res: Response) => res.render('accounts/register', { ...(await registerLocals()), values: {} });

  // The service parses the form itself, after its cheap refusals (closed, too many from this address).
  const register = renderForm('accounts/register', registerLocals, async (req, res) => {
    const user = await accounts.register(req.body, { ip: req.ip ?? null });
    await logIn(req, user);
    rememberDevice(req, res, user.username, devices);
    res.redirect(303, '/account');
  });

  const accountLocals = async (req: SignedInRequest) => {
    const { user } = req;
    const [tokens, email] = await Promise.all([accounts.listTokens(user.id), emailSettings.find(user.id)]);
    return { title: 'Your account', account: userJson(user), tokens: tokens.map(tokenJson), email };
  };

  const accountPage = async (req: SignedInRequest, res: Response, extra: Record<string, unknown> = {}) => {
    res.render('accounts/account', { ...(await accountLocals(req)), values: {}, ...extra });
  };

  const showAccount = (req: SignedInRequest, res: Response) => accountPage(req, res);

  const createToken = form({ body: TokenNameInput }, 'accounts/account', accountLocals, async ({ body }, req: SignedInRequest, res) => {
    const { token } = await accounts.createToken(req.user.id, body.name, auditContext(req));
    res.status(201);
    await accountPage(req, res, { newToken: token });
  });

  const revokeToken = async ({ params }: { params: IdParam }, req: SignedInRequest, res: Response) => {
    await accounts.revokeToken(req.user.id, params.id, auditContext(req));
    res.redirect(303, '/account');
  };

  /** Other sessions of the account end; this one stays (a token-authenticated call keeps none). */
  const changePassword = async (req: SignedInRequest, input: ChangePasswordInput) => {
    const keep = req.authenticatedBy === 'session' ? req.sessionID : null;
    await accounts.changePassword(req.user.id, input, keep, auditContext(req));
  };

  const changePasswordForm = form(
    { body: ChangePasswordInput },
    'accounts/account',
    accountLocals,
    async ({ body }, req: SignedInRequest, res) => {
      await changePassword(req, body);
      await accountPage(req, res, { passwordChanged: true });
    },
    () => ({ values: {} }),
  );

  const saveEmailSettings = renderForm(
    'accounts/account',
    accountLocals,
    async (req: SignedInRequest, res) => {
      await emailSettings.save(req.user, req.body, auditContext(req), 'form');
      await accountPage(req, res, { emailSaved: true });
    },
    (values) => ({ values: {}, emailValues: values }),
  );

  return [
    shared(route('get', '/login', 'anyone', loginForm), { cache: 'no-store' }),
    route('post', '/login', 'anyone', login),
    route('post', '/logout', 'signed-in', logout),
    shared(route('get', '/register', 'anyone', registerForm), { cache: 'no-store' }),
    route('post', '/register', 'anyone', register),
    route('get', '/account', 'signed-in', showAccount),
    route('post', '/account/password', 'signed-in', changePasswordForm),
    route('post', '/account/tokens', 'signed-in', createToken),
    route('post', '/account/email', 'signed-in', saveEmailSettings),
    page('post', '/account/tokens/:id/revoke', 'signed-in', { params: IdParam }, revokeToken),
    api(
      'get',
      '/api/v1/me',
      'signed-in',
      { tag: 'Accounts', summary: 'The signed-in account, and the CSRF token for cookie-authenticated calls.', response: MeResponse },
      (_input, req, res) => {
        res.json({ user: userJson(req.user), ...(req.authenticatedBy === 'session' ? { csrfToken: csrfTokenFor(req) } : {}) });
      },
    ),
    api(
      'post',
      '/api/v1/me/password',
      'signed-in',
      { tag: 'Accounts', summary: 'Change your password (the current one is required); your other sessions end.', body: ChangePasswordInput, success: 204 },
      async ({ body }, req, res) => {
        await changePassword(req, body);
        res.status(204).end();
      },
    ),
    api(
      'get',
      '/api/v1/tokens',
      'signed-in',
      { tag: 'Accounts', summary: 'Your API tokens (never the tokens themselves).', response: TokensResponse },
      async (_input, req, res) => {
        res.json({ tokens: (await accounts.listTokens(req.user.id)).map(tokenJson) });
      },
    ),
    api(
      'post',
      '/api/v1/tokens',
      'signed-in',
      { tag: 'Accounts', summary: 'Create an API token; the token is returned once.', body: TokenNameInput, success: 201, response: NewTokenResponse },
      async ({ body }, req, res) => {
        const { token, record } = await accounts.createToken(req.user.id, body.name, auditContext(req));
        res.status(201).json({ token, ...tokenJson(record) });
      },
    ),
    api(
      'delete',
      '/api/v1/tokens/:id',
      'signed-in',
      { tag: 'Accounts', summary: 'Revoke one of your tokens.', params: IdParam, success: 204 },
      async ({ params }, req, res) => {
        await accounts.revokeToken(req.user.id, params.id, auditContext(req));
        res.status(204).end();
      },
    ),
    ...adminRoutes(accounts),
  ];
}
