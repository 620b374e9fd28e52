import type { Request, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';
import { markPersonal } from './public-cache';

/**
 * Synchronizer-token CSRF protection (the token lives in the server-side session). Forms send
 * it as `_csrf`; scripts send it as the `X-CSRF-Token` header. Requests authenticated with a
 * Bearer token carry no ambient credential, so they are exempt; so are API calls with no user
 * at all (the route refuses them with a 401). Forms for anonymous visitors (sign-in,
 * registration) are protected, against login CSRF.
 */
const csrf = csrfSync({
  getTokenFromRequest: (req) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (typeof fromBody === 'string') return fromBody;
    const fromHeader = req.headers['x-csrf-token'];
    return typeof fromHeader === 'string' ? fromHeader : undefined;
  },
  // No ambient credential, nothing to forge: Bearer-token calls, and API calls from nobody (they get a 401).
  skipCsrfProtection: (req) => req.authenticatedBy === 'token' || (req.path.startsWith('/api/') && !req.user),
  errorConfig: { statusCode: 403, code: 'EBADCSRFTOKEN', message: 'invalid csrf token' },
});

export const csrfProtection: RequestHandler = csrf.csrfSynchronisedProtection;

/**
 * Makes `csrfToken()` available to templates; a token (and so a session) is made only when a
 * form asks for one, and a page that carries one is marked personal: never cached, not by us
 * and not by a browser or proxy.
 */
export const exposeCsrfToken: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = () => {
    markPersonal(res);
    return csrf.generateToken(req as Request);
  };
  next();
};

export const csrfTokenFor = (req: Request): string => csrf.generateToken(req);
