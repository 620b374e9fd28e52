import { z } from 'zod';
import { describeAccess } from './access';
import type { RouteSpec } from './routes';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

function pathParameters(path: string) {
  return [...path.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
}

export const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/**
 * The OpenAPI 3.1 document, built from the app's route specs alone: paths, methods, who may
 * call, and each API route's documentation with the zod schemas that validate its requests.
 */
export function buildOpenApi(routes: RouteSpec[], info: { title: string; version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes.filter((r) => r.path.startsWith('/api/v1/'))) {
    const key = `${spec.method.toUpperCase()} ${toOpenApiPath(spec.path)}`;
    const doc = spec.doc;
    if (!doc) throw new Error(`${key} has no documentation: declare it with api(…)`);
    const operation: Record<string, unknown> = {
      tags: [doc.tag],
      summary: doc.summary,
      description: `Who may call: ${describeAccess(spec.access)}`,
      operationId: key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''),
      parameters: [...pathParameters(spec.path), ...queryParameters(doc.query)],
      responses: {
        [String(doc.success ?? 200)]:
          doc.success === 204
            ? { description: 'Success, no content' }
            : {
                description: 'Success',
                content: { [doc.responseType ?? 'application/json']: doc.response ? { schema: jsonSchema(doc.response, 'output') } : {} },
              },
        '4XX': { description: 'Client error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
      ...(spec.access === 'anyone' ? {} : { security: [{ bearerToken: [] }, { sessionCookie: [] }] }),
    };
    if (doc.body) operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(doc.body) } } };
    paths[toOpenApiPath(spec.path)] = { ...(paths[toOpenApiPath(spec.path)] ?? {}), [spec.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      description: 'Factline JSON API. Cookie-authenticated calls that change state must send the X-CSRF-Token header from GET /api/v1/me.',
    },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token from the account page or `npm run -s cli -- token create NAME`.' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'factline.sid' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
  };
}
