import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError, UnauthenticatedError } from '../lib/errors';

/**
 * A rule a signed-in user must meet to call a route. The domain defines the rules (roles are the
 * accounts module's: `atLeast('editor')`); this layer only enforces them.
 */
export interface AccessRule {
  /** Short name, e.g. the role. */
  name: string;
  /** Who may call, for people (API docs). */
  description: string;
  allows(user: Express.User): boolean;
  /** Why this user is refused (403). */
  refusal(user: Express.User): string;
}

/** Who may call a route: anyone (readers included), any signed-in user, or a signed-in user meeting a rule. */
export type Access = 'anyone' | 'signed-in' | AccessRule;

export function describeAccess(access: Access): string {
  if (access === 'anyone') return 'Anyone, including anonymous readers.';
  if (access === 'signed-in') return 'Any signed-in account.';
  return access.description;
}

/** Middleware that enforces one route's declared access. */
export function allow(access: Access) {
  return function checkAccess(req: Request, _res: Response, next: NextFunction): void {
    if (access === 'anyone') return next();
    if (!req.user) return next(new UnauthenticatedError());
    if (access === 'signed-in' || access.allows(req.user)) return next();
    next(new ForbiddenError(access.refusal(req.user)));
  };
}
