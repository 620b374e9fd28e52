import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError, UnauthenticatedError } from '../lib/errors';

export const ROLES = ['reviewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route: anyone (readers included), or a signed-in user with at least this role. */
export type Access = 'anyone' | 'signed-in' | Role;

const RANK: Record<Role, number> = { reviewer: 1, editor: 2, admin: 3 };

export function hasRole(userRole: Role, required: Role): boolean {
  return RANK[userRole] >= RANK[required];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Middleware that enforces one route's declared access. */
export function allow(access: Access) {
  return function checkAccess(req: Request, _res: Response, next: NextFunction): void {
    if (access === 'anyone') return next();
    if (!req.user) return next(new UnauthenticatedError());
    if (access === 'signed-in' || hasRole(req.user.role, access)) return next();
    next(new ForbiddenError(`This needs the ${access} role; your account is a ${req.user.role}.`));
  };
}
