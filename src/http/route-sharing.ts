import type { Request } from 'express';
import type { RouteSpec } from './routes';

/** The page cache's key suffix for a request's query parameters, or null when this answer is not to be stored. */
export type CacheVariant = (query: Request['query']) => string | null;

/**
 * What a public read route allows beyond its own origin and its own request, declared beside its
 * access rule: the page cache and the CORS answer are built from these declarations
 * (`cacheRules`, `anyOriginPaths`), and the route-sharing test refuses a public GET route that
 * does not say.
 */
export interface Sharing {
  /** Anonymous answers may be kept, keyed by path plus this variant; `no-store` when they must not. */
  cache: CacheVariant | 'no-store';
  /** Any origin may read it with GET and no credentials (embed.js on publishers' pages). */
  cors?: 'any-origin';
}

/** The common variants: only some query parameters change the answer, and nothing else reaches the key. */
export const CACHE_VARIANTS = {
  /** The answer reads no query parameter. */
  noParameters: (() => '') as CacheVariant,
  /**
   * Lists in keyset pages (the article list, the site feed): the first page only; any new article
   * or publication can start a later one, so storing those would let anyone fill the cache.
   */
  firstPageOnly: ((query) => (query.after === undefined && query.limit === undefined ? '' : null)) as CacheVariant,
  /** `?revision=N` picks an earlier text of an article; only 200 answers are stored, so only real revisions take entries. */
  revision: ((query) => (query.revision === undefined ? '' : `?revision=${String(query.revision).slice(0, 12)}`)) as CacheVariant,
};

export function shared(spec: RouteSpec, sharing: Sharing): RouteSpec {
  return { ...spec, sharing };
}

/** The Express path as a pattern over `req.path` (`/articles/:slug` → `^/articles/[^/]+/?$`, case-insensitive like the router). */
export function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source === '' ? '/' : source}/?$`, 'i');
}

export interface CacheRule {
  pattern: RegExp;
  /** Null for a route that is never stored: the first route matching a path decides, as the router's first match does. */
  variant: CacheVariant | null;
}

/** The page cache's rules, one per GET route in the router's order; only routes declaring a cache variant store anything. */
export function cacheRules(routes: readonly RouteSpec[]): CacheRule[] {
  return routes
    .filter((spec) => spec.method === 'get')
    .map((spec) => ({ pattern: pathPattern(spec.path), variant: typeof spec.sharing?.cache === 'function' ? spec.sharing.cache : null }));
}

/** The variant of the first rule matching this path, or null (not stored). */
export function variantFor(rules: readonly CacheRule[], path: string): CacheVariant | null {
  return rules.find((rule) => rule.pattern.test(path))?.variant ?? null;
}

/** The paths any origin may read (GET, no credentials). */
export function anyOriginPaths(routes: readonly RouteSpec[]): RegExp[] {
  return routes.filter((spec) => spec.method === 'get' && spec.sharing?.cors === 'any-origin').map((spec) => pathPattern(spec.path));
}
