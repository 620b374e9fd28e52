import type { RequestHandler, Router } from 'express';
import type { z } from 'zod';
import { allow, type Access } from './access';

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

export function route(method: Method, path: string, access: Access, ...handlers: RequestHandler[]): RouteSpec {
  return { method, path, access, handlers };
}

/** An API route, documented where it is declared. */
export function api(method: Method, path: string, access: Access, doc: RouteDoc, ...handlers: RequestHandler[]): RouteSpec {
  return { method, path, access, handlers, doc };
}

/** Mounts a module's route list on its router, each behind its access check. */
export function mountRoutes(router: Router, routes: RouteSpec[]): Router {
  for (const spec of routes) router[spec.method](spec.path, allow(spec.access), ...spec.handlers);
  return router;
}
