import { z } from 'zod';
import type { Request, Response } from 'express';
import { buildOpenApi } from './openapi';
import { api, route, type RouteSpec } from './routes';
import { shared } from './route-sharing';

/** GET /api/v1/openapi.json and a readable page at /api/docs, both from the live route table. */
export function apiDocsRoutes(allRoutes: () => RouteSpec[], info: { version: string; serverUrl: string }): RouteSpec[] {
  let cached: ReturnType<typeof buildOpenApi> | null = null;
  const document = () => (cached ??= buildOpenApi(allRoutes(), { title: 'Factline API', ...info }));

  const page = (_req: Request, res: Response) => {
    const doc = document();
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const operation = op as {
          tags: string[];
          summary: string;
          description: string;
          parameters: { name: string; in: string }[];
          requestBody?: { content: { 'application/json': { schema: unknown } } };
        };
        return {
          tag: operation.tags[0],
          method: method.toUpperCase(),
          path,
          summary: operation.summary,
          access: operation.description,
          parameters: operation.parameters,
          body: operation.requestBody ? JSON.stringify(operation.requestBody.content['application/json'].schema, null, 2) : null,
        };
      }),
    );
    const tags = [...new Set(operations.map((o) => o.tag))];
    res.render('api/docs', { title: 'API', tags, operations });
  };

  return [
    shared(
      api(
        'get',
        '/api/v1/openapi.json',
        'anyone',
        { tag: 'Meta', summary: 'This document.', response: z.looseObject({ openapi: z.literal('3.1.0'), paths: z.record(z.string(), z.unknown()) }) },
        (_input, _req, res) => res.json(document()),
      ),
      { cache: 'no-store' },
    ),
    shared(route('get', '/api/docs', 'anyone', page), { cache: 'no-store' }),
  ];
}
