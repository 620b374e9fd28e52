import type { RequestHandler } from 'express';
import session from 'express-session';
import type { Queryable } from '../db/knex';
import { KnexSessionStore } from '../db/session-store';

const SESSION_DAYS = 14;

export interface SessionOptions {
  secret: string;
  secureCookies: boolean;
}

/** Cookie sessions stored in the database: httpOnly, SameSite=Lax, Secure when served over HTTPS. */
export function sessionMiddleware(db: Queryable, options: SessionOptions): RequestHandler {
  return session({
    name: 'factline.sid',
    secret: options.secret,
    store: new KnexSessionStore(db),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge: SESSION_DAYS * 24 * 60 * 60 * 1000 },
  });
}
