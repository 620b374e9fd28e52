import request from 'supertest';
import { z } from 'zod';
import { buildOpenApi, toOpenApiPath } from '../../src/http/openapi';
import { route } from '../../src/http/routes';
import { CreateArticleInput } from '../../src/modules/articles/articles-schemas';
import { CheckInput } from '../../src/modules/checks/checks-schemas';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function appRoutes(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) return Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${toOpenApiPath(layer.route!.path)}`);
    return layer.handle?.stack ? appRoutes(layer.handle.stack) : [];
  });
}

describe('OpenAPI document', () => {
  test('when the document is compared with the running app, then every API route is documented and every documented route exists', async () => {
    const doc = (await request(t.app).get('/api/v1/openapi.json').expect(200)).body;
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const live = appRoutes((t.app as unknown as { router: { stack: Layer[] } }).router.stack)
      .filter((r) => r.split(' ')[1].startsWith('/api/v1/'))
      .sort();
    expect(documented).toEqual(live);
    // Built from the route specs alone: an API route without documentation cannot exist (buildOpenApi refuses it).
  });

  test('when a request body is documented, then its schema is the validating zod schema itself, not a copy', async () => {
    const doc = (await request(t.app).get('/api/v1/openapi.json').expect(200)).body;
    const toSchema = (schema: z.ZodType) =>
      JSON.parse(JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' })));
    expect(doc.paths['/api/v1/articles'].post.requestBody.content['application/json'].schema).toEqual(toSchema(CreateArticleInput));
    expect(doc.paths['/api/v1/claims/{id}/checks'].post.requestBody.content['application/json'].schema).toEqual(toSchema(CheckInput));
    const check = doc.paths['/api/v1/claims/{id}/checks'].post.requestBody.content['application/json'].schema;
    expect(check.required).toEqual(expect.arrayContaining(['verdict', 'confidence', 'rationale', 'sources']));
    expect(check.properties.verdict.enum).toEqual(['false', 'mostly-false', 'mixed', 'mostly-true', 'true', 'unverifiable']);
  });

  test('when operations are listed, then each says who may call it, and protected ones declare their security', async () => {
    const doc = (await request(t.app).get('/api/v1/openapi.json').expect(200)).body;
    expect(doc.paths['/api/v1/articles'].post.description).toBe('Who may call: Editors and admins.');
    expect(doc.paths['/api/v1/articles'].post.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect(doc.paths['/api/v1/articles'].get.security).toBeUndefined();
    expect(doc.paths['/api/v1/review'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'article',
      'status',
      'assignee',
      'sort',
      'after',
      'limit',
    ]);
    expect(doc.paths['/api/v1/claims/{id}'].get.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  test('when the API page is opened, then it lists the operations, served locally', async () => {
    const html = (await request(t.app).get('/api/docs').expect(200)).text;
    expect(html).toContain('<code>POST /api/v1/claims/{id}/checks</code>');
    expect(html).toContain('href="/api/v1/openapi.json"');
    expect(html).not.toMatch(/<(script|link)[^>]+(https?:)?\/\/(?!127)/);
  });
});

describe('OpenAPI from route specs', () => {
  test('when an API route is declared without documentation, then the document cannot be built', () => {
    const undocumented = route('get', '/api/v1/undocumented', 'anyone', (_req, res) => res.end());
    expect(() => buildOpenApi([undocumented], { title: 't', version: '0', serverUrl: 'http://x' })).toThrow(/GET \/api\/v1\/undocumented has no documentation/);
  });
});
