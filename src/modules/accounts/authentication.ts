import type { Request, RequestHandler } from 'express';
import { Authenticator } from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { AppError } from '../../lib/errors';
import type { AccountsService } from './accounts-service';
import type { SignInClient } from './sign-in-limits';

/**
 * Passport keeps only the user id in the session and reloads the account on each request. The
 * local strategy signs in through the accounts service's limits, which need to know who is
 * asking (address, known device): `clientOf` tells them.
 */
export function configurePassport(accounts: AccountsService, clientOf: (req: Request, username: string) => SignInClient) {
  const instance = new Authenticator();
  instance.use(
    new LocalStrategy({ passReqToCallback: true }, async (req, username, password, done) => {
      try {
        const name = username.trim().toLowerCase();
        const user = await accounts.signIn(name, password, clientOf(req, name));
        done(null, user ?? false);
      } catch (error) {
        done(error);
      }
    }),
  );
  instance.serializeUser((user, done) => done(null, user.id));
  instance.deserializeUser(async (id: number, done) => {
    try {
      done(null, (await accounts.findActiveUser(id)) ?? false);
    } catch (error) {
      done(error);
    }
  });
  return instance;
}

export type Passport = ReturnType<typeof configurePassport>;

/** `Authorization: Bearer TOKEN` signs a request in without a session; a bad token is a 401, never anonymous. */
export function bearerToken(accounts: AccountsService): RequestHandler {
  return async (req, _res, next) => {
    const header = req.headers.authorization;
    if (req.user) req.authenticatedBy = 'session';
    if (!header) return next();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match ? await accounts.authenticateToken(match[1]) : null;
    if (!user) return next(new AppError(401, 'invalid_token', 'The API token is missing, malformed, revoked or unknown.'));
    req.user = user;
    req.authenticatedBy = 'token';
    next();
  };
}
