import type { Sharing } from './route-sharing';
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { UnauthenticatedError } from '../lib/errors';
import { parseInput } from '../lib/parse';
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

/**
 * An API route's declaration beside its access rule: what a person reads about it, and the zod
 * schemas of its path parameters, query and body. The router parses the request with them and
 * hands the handler typed input; the OpenAPI document shows the same schemas.
 */
export interface InputSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

export interface RouteDoc extends InputSchemas {
  tag: string;
  summary: string;
  success?: number;
  responseType?: string;
  /** The success response's shape; the OpenAPI document shows it and a test checks live answers against it. */
  response?: z.ZodType;
}

type Parsed<S, Raw> = S extends z.ZodType ? z.output<S> : Raw;

/** The input an API handler receives: each part parsed by its declared schema (or as Express gave it when none is declared). */
export interface ApiInput<D extends InputSchemas> {
  params: Parsed<D['params'], Record<string, string>>;
  query: Parsed<D['query'], Request['query']>;
  body: Parsed<D['body'], unknown>;
}

export type ApiHandler<D extends InputSchemas, R extends Request = Request> = (input: ApiInput<D>, req: R, res: Response) => unknown;

/** Parses params, query and body with the declared schemas (400/413 with a message naming the field on bad input). */
export function parseRequest<D extends InputSchemas>(schemas: D, req: Request): ApiInput<D> {
  return {
    params: schemas.params ? parseInput(schemas.params, req.params) : req.params,
    query: schemas.query ? parseInput(schemas.query, req.query) : req.query,
    body: schemas.body ? parseInput(schemas.body, req.body) : req.body,
  } as ApiInput<D>;
}

function withInput<D extends InputSchemas, R extends Request>(schemas: D, handler: ApiHandler<D, R>) {
  return (req: R, res: Response) => handler(parseRequest(schemas, req), req, res);
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
  /** Caching and cross-origin reads of a public GET route (route-sharing.ts). */
  sharing?: Sharing;
  /** `page`: the route takes a whole page's HTML, so its body may be larger than others' (body-parsers.ts). */
  body?: 'page';
}

/** Declares that a route takes a whole page's HTML (imports and updates from HTML). */
export function takesPage(spec: RouteSpec): RouteSpec {
  return { ...spec, body: 'page' };
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

/** An API route: access, documentation and input schemas declared together; the handler gets parsed, typed input (and, when signed in, a user). */
export function api<D extends RouteDoc>(method: Method, path: string, access: 'anyone', doc: D, handler: ApiHandler<D>): RouteSpec;
export function api<D extends RouteDoc>(
  method: Method,
  path: string,
  access: Exclude<Access, 'anyone'>,
  doc: D,
  handler: ApiHandler<D, SignedInRequest>,
): RouteSpec;
export function api<D extends RouteDoc>(method: Method, path: string, access: Access, doc: D, handler: ApiHandler<D, Request & SignedInRequest>): RouteSpec {
  return spec(method, path, access, [withInput(doc, handler as ApiHandler<D>) as RequestHandler], doc);
}

/** A page route (HTML), with its input schemas declared like an API route's; the handler gets parsed, typed input. */
export function page<D extends InputSchemas>(method: Method, path: string, access: 'anyone', schemas: D, handler: ApiHandler<D>): RouteSpec;
export function page<D extends InputSchemas>(
  method: Method,
  path: string,
  access: Exclude<Access, 'anyone'>,
  schemas: D,
  handler: ApiHandler<D, SignedInRequest>,
): RouteSpec;
export function page<D extends InputSchemas>(
  method: Method,
  path: string,
  access: Access,
  schemas: D,
  handler: ApiHandler<D, Request & SignedInRequest>,
): RouteSpec {
  return spec(method, path, access, [withInput(schemas, handler as ApiHandler<D>) as RequestHandler]);
}

/** Mounts a module's route list on its router, each behind its access check. */
export function mountRoutes(router: Router, routes: RouteSpec[]): Router {
  // OPTIONS is answered as Express answers it for the whole table: with every method the path allows.
  const forOptions = Router();
  for (const spec of routes) forOptions[spec.method](spec.path, (_req: Request, _res: Response, next: NextFunction) => next());
  router.use((req, res, next) => (req.method === 'OPTIONS' ? forOptions(req, res, next) : next()));
  // One router per method, each in the route table's order: a request is matched only against
  // the routes of its method (HEAD against GET's, as Express answers HEAD), not the whole table.
  const byMethod = new Map<string, Router>();
  for (const spec of routes) {
    let methodRouter = byMethod.get(spec.method);
    if (!methodRouter) {
      const method = spec.method.toUpperCase();
      methodRouter = Router();
      methodRouter.use((req, _res, next) => (req.method === method || (method === 'GET' && req.method === 'HEAD') ? next() : next('router')));
      byMethod.set(spec.method, methodRouter);
      router.use(methodRouter);
    }
    methodRouter[spec.method](spec.path, allow(spec.access), ...spec.handlers);
  }
  return router;
}
