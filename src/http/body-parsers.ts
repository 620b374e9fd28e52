import express, { type RequestHandler } from 'express';
import { PayloadTooLargeError } from '../lib/errors';
import { pathPattern } from './route-sharing';
import type { RouteSpec } from './routes';

/** JSON and form bodies are at most this large, except on routes that take a whole page. */
const BODY_LIMIT = '1mb';
/**
 * The body of a route that takes a whole page's HTML (`takesPage`): the page itself may be 5 MB
 * (articles-schemas.ts says so to the field), and JSON or form encoding makes it up to about
 * twice as large on the wire. Above this the request is refused before it is read to the end.
 */
const PAGE_BODY_LIMIT = '12mb';
const PAGE_TOO_LARGE = 'The request is too large: a page’s HTML may be at most 5 MB.';

function parsers(limit: string): RequestHandler[] {
  return [express.json({ limit }), express.urlencoded({ extended: false, limit })];
}

/** A body parser whose refusal of a too-large body says what the limit is for. */
function explained(parser: RequestHandler, message: string): RequestHandler {
  return (req, res, next) =>
    parser(req, res, (error?: unknown) =>
      next((error as { type?: string } | undefined)?.type === 'entity.too.large' ? new PayloadTooLargeError(message) : error),
    );
}

/**
 * The request body parsers, built from the route table: routes declared with `takesPage` read
 * bodies up to PAGE_BODY_LIMIT, every other request up to BODY_LIMIT.
 */
export function bodyParsers(routes: readonly RouteSpec[]): RequestHandler {
  const pages = routes.filter((spec) => spec.body === 'page').map((spec) => ({ method: spec.method.toUpperCase(), pattern: pathPattern(spec.path) }));
  const small = parsers(BODY_LIMIT);
  const large = parsers(PAGE_BODY_LIMIT).map((parser) => explained(parser, PAGE_TOO_LARGE));
  return (req, res, next) => {
    const chain = pages.some((page) => page.method === req.method && page.pattern.test(req.path)) ? large : small;
    chain[0](req, res, (error?: unknown) => (error ? next(error) : chain[1](req, res, next)));
  };
}
