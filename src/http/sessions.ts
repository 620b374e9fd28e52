import type { RequestHandler } from 'express';
import session from 'express-session';
import type { Queryable } from '../db/knex';
import { KnexSessionStore } from '../db/session-store';

const SESSION_DAYS = 14;
export const SESSION_COOKIE_NAME = 'factline.sid';

export interface SessionOptions {
  secret: string;
  secureCookies: boolean;
}

/** Cookie sessions stored in the database: httpOnly, SameSite=Lax, Secure when served over HTTPS. */
export function sessionMiddleware(db: Queryable, options: SessionOptions): RequestHandler {
  return session({
    name: SESSION_COOKIE_NAME,
    secret: options.secret,
    store: new KnexSessionStore(db),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge: SESSION_DAYS * 24 * 60 * 60 * 1000 },
  });
}

/**
 * An API call signed with a Bearer token and carrying no session cookie has no session: for it
 * express-session would make a session (a random id, an object) on every request only to drop
 * it unsaved, and passport would add its sign-in methods and look inside it. Such calls skip `middleware`; every other
 * request (pages, sign-in and sign-out, calls that carry the cookie) goes through it.
 */
export function unlessTokenOnlyApiCall(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const tokenOnly = req.path.startsWith('/api/') && /^Bearer\s/i.test(req.headers.authorization ?? '') && !req.headers.cookie?.includes(SESSION_COOKIE_NAME);
    return tokenOnly ? next() : middleware(req, res, next);
  };
}
