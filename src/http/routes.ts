import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { UnauthenticatedError } from '../lib/errors';
import { allow, type Access } from './access';

/** A request on a route that only signed-in users reach: its user is there, by type. */
export interface SignedInRequest extends Request {
  user: Express.User;
}

export type SignedInHandler = (req: SignedInRequest, res: Response, next: NextFunction) => unknown;

/**
 * Gives a handler of a signed-in route its user as non-null. The access check before it has
 * already refused anonymous requests; this checks again rather than asserting, so a handler
 * can never run without a user whatever the route table says.
 */
function withUser(handler: SignedInHandler): RequestHandler {
  return (req, res, next) => (req.user ? handler(req as SignedInRequest, res, next) : next(new UnauthenticatedError()));
}

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** What a person reads about one API route; the request shapes are the zod schemas that validate it. */
export interface RouteDoc {
  tag: string;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  success?: number;
  responseType?: string;
}

/**
 * One route: every route states who may call it (there is no default but refusal); an API
 * route also carries its documentation, from which the OpenAPI document is built.
 */
export interface RouteSpec {
  method: Method;
  path: string;
  access: Access;
  handlers: RequestHandler[];
  doc?: RouteDoc;
}

/** A route anyone may call (handlers see `req.user` as possibly absent), or one for signed-in users only (handlers get a user). */
export function route(method: Method, path: string, access: 'anyone', ...handlers: RequestHandler[]): RouteSpec;
export function route(method: Method, path: string, access: Exclude<Access, 'anyone'>, ...handlers: SignedInHandler[]): RouteSpec;
export function route(method: Method, path: string, access: Access, ...handlers: (RequestHandler | SignedInHandler)[]): RouteSpec {
  return spec(method, path, access, handlers);
}

function spec(method: Method, path: string, access: Access, handlers: (RequestHandler | SignedInHandler)[], doc?: RouteDoc): RouteSpec {
  const wrapped = access === 'anyone' ? (handlers as RequestHandler[]) : (handlers as SignedInHandler[]).map(withUser);
  return { method, path, access, handlers: wrapped, ...(doc ? { doc } : {}) };
}

/** An API route, documented where it is declared. */
export function api(method: Method, path: string, access: 'anyone', doc: RouteDoc, ...handlers: RequestHandler[]): RouteSpec;
export function api(method: Method, path: string, access: Exclude<Access, 'anyone'>, doc: RouteDoc, ...handlers: SignedInHandler[]): RouteSpec;
export function api(method: Method, path: string, access: Access, doc: RouteDoc, ...handlers: (RequestHandler | SignedInHandler)[]): RouteSpec {
  return spec(method, path, access, handlers, doc);
}

/** Mounts a module's route list on its router, each behind its access check. */
export function mountRoutes(router: Router, routes: RouteSpec[]): Router {
  for (const spec of routes) router[spec.method](spec.path, allow(spec.access), ...spec.handlers);
  return router;
}
