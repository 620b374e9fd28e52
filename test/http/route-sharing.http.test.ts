import type { RouteSpec } from '../../src/http/routes';
import { anyOriginPaths, cacheRules, pathPattern, variantFor } from '../../src/http/route-sharing';
import { createTestApp, type TestApp } from '../support/app';

/**
 * What may be cached and read from other origins is declared on each route spec, and the page
 * cache and CORS are built from those declarations alone: a new public route has to say.
 */
let t: TestApp;
let routes: RouteSpec[];
beforeAll(async () => {
  t = await createTestApp();
  routes = t.app.locals.routes as RouteSpec[];
});
afterAll(() => t.close());

test('when the route table is read, then every public GET route declares its cache and CORS policy, and only public GET routes have one', () => {
  const publicReads = routes.filter((spec) => spec.method === 'get' && spec.access === 'anyone');
  expect(publicReads.length).toBeGreaterThan(15);
  expect(publicReads.filter((spec) => !spec.sharing).map((spec) => spec.path)).toEqual([]);
  expect(routes.filter((spec) => spec.sharing && !publicReads.includes(spec)).map((spec) => `${spec.method} ${spec.path}`)).toEqual([]);
});

test('when the declarations are read, then the cache stores the published pages it stored before and CORS opens the two reads embed.js makes', () => {
  const cached = routes.filter((spec) => typeof spec.sharing?.cache === 'function').map((spec) => spec.path);
  expect(cached.sort()).toEqual(
    [
      '/',
      '/api/v1/articles',
      '/api/v1/articles/:slug',
      '/api/v1/articles/:slug/claimreview',
      '/api/v1/articles/:slug/revisions',
      '/api/v1/articles/:slug/verdicts',
      '/articles/:slug',
      '/articles/:slug/revisions',
      '/claimreview.json',
      '/claims/:id',
    ].sort(),
  );
  const cors = anyOriginPaths(routes);
  expect(cors.some((p) => p.test('/api/v1/lookup'))).toBe(true);
  expect(cors.some((p) => p.test('/api/v1/articles/some-story/verdicts'))).toBe(true);
  expect(cors.some((p) => p.test('/api/v1/articles/some-story'))).toBe(false);
});

test('when a path matches several routes, then the first one decides, as in the router: /articles/new is not the article page', () => {
  const rules = cacheRules(routes);
  expect(variantFor(rules, '/articles/new')).toBeNull();
  expect(variantFor(rules, '/articles/some-story')?.({ overlay: 'off', utm: 'x' })).toBe('?overlay=off');
  expect(variantFor(rules, '/articles/some-story/edit')).toBeNull();
  expect(variantFor(rules, '/claims/12')?.({ any: 'thing' })).toBe('');
  expect(variantFor(rules, '/')?.({ after: 'abc' })).toBeNull(); // later pages are never stored
});

test('when an Express path becomes a pattern, then parameters take one segment and the rest is literal', () => {
  expect(pathPattern('/articles/:slug').test('/articles/a-b')).toBe(true);
  expect(pathPattern('/articles/:slug').test('/articles/a/b')).toBe(false);
  expect(pathPattern('/claimreview.json').test('/claimreviewXjson')).toBe(false);
  expect(pathPattern('/').test('/')).toBe(true);
  expect(pathPattern('/').test('/x')).toBe(false);
});
