import type { RequestHandler, Router } from 'express';
import { allow, type Access } from './access';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** One route: every route states who may call it; there is no default but refusal. */
export interface RouteSpec {
  method: Method;
  path: string;
  access: Access;
  handlers: RequestHandler[];
}

export function route(method: Method, path: string, access: Access, ...handlers: RequestHandler[]): RouteSpec {
  return { method, path, access, handlers };
}

/** Mounts a module's route list on its router, each behind its access check. */
export function mountRoutes(router: Router, routes: RouteSpec[]): Router {
  for (const spec of routes) router[spec.method](spec.path, allow(spec.access), ...spec.handlers);
  return router;
}
