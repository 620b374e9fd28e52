import type { Response } from 'express';
import { text } from '../../lib/text';
import { z } from 'zod';
import { api, type ApiHandler, type RouteSpec, type SignedInRequest } from '../../http/routes';
import { SlugParam } from '../articles';
import { viewer, viewerOf } from '../claims';
import { csvChunks, jsonChunks } from './tabular-export';
import { streamChunks } from '../../http/streaming';
import type { Publishing } from '../verdicts';
import type { ExportsService } from './exports-service';
import { AnnotationResponse, ExportJsonResponse, ImportResponse } from './exports-responses';
import { ANNO_CONTENT_TYPE, annotationContext, PAGE_SIZE, withoutContext } from './web-annotation';
import { atLeast } from '../accounts';
import { shared } from '../../http/route-sharing';

export const PageQuery = z.object({ page: z.coerce.number({ error: 'must be a number' }).int().min(0, 'must not be negative').optional() });
const AnnotationIdParam = z.object({ id: text().regex(/^(check|decision)-\d+$/, 'must look like check-12 or decision-7') });

/** W3C Web Annotation export and import, and CSV/JSON exports for editors. */
export function exportsRoutes(exportsService: ExportsService, publishing: Publishing, options: { minOrdinalChecks: number }): RouteSpec[] {
  // A Buffer body keeps the media type exactly as the W3C protocol names it (no charset appended).
  const sendLd = (res: Response, body: unknown) => res.set('Content-Type', ANNO_CONTENT_TYPE).send(Buffer.from(JSON.stringify(body)));

  const collectionDoc = {
    tag: 'Standards',
    summary: 'W3C Web Annotations of the article (AnnotationCollection; ?page=N for a page).',
    params: SlugParam,
    query: PageQuery,
    responseType: ANNO_CONTENT_TYPE,
    response: AnnotationResponse,
  };
  const collection: ApiHandler<typeof collectionDoc> = async ({ params, query }, req, res) => {
    const { slug } = params;
    const { page } = query;
    const { items, total } = await exportsService.annotationWindow(slug, viewerOf(req), (page ?? 0) * PAGE_SIZE, PAGE_SIZE);
    const id = `${publishing.baseUrl}/api/v1/articles/${slug}/annotations`;
    const lastPage = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
    const pageBody = (n: number) => ({
      id: `${id}?page=${n}`,
      type: 'AnnotationPage',
      partOf: { id, total },
      startIndex: n * PAGE_SIZE,
      items: items.map(withoutContext),
      ...(n < lastPage ? { next: `${id}?page=${n + 1}` } : {}),
      ...(n > 0 ? { prev: `${id}?page=${n - 1}` } : {}),
    });
    if (page !== undefined) {
      if (page > lastPage) return sendLd(res.status(404), { error: { code: 'not_found', message: `There are ${lastPage + 1} pages.` } });
      return sendLd(res, { '@context': annotationContext(publishing.baseUrl), ...pageBody(page) });
    }
    sendLd(res, {
      '@context': annotationContext(publishing.baseUrl),
      id,
      type: 'AnnotationCollection',
      label: `Fact-checks on ${slug}`,
      total,
      first: pageBody(0),
      last: `${id}?page=${lastPage}`,
    });
  };

  const singleDoc = {
    tag: 'Standards',
    summary: 'One Web Annotation (check-N or decision-N).',
    params: AnnotationIdParam,
    responseType: ANNO_CONTENT_TYPE,
    response: AnnotationResponse,
  };
  const single: ApiHandler<typeof singleDoc> = async ({ params }, req, res) => {
    sendLd(res, await exportsService.annotation(params.id, viewerOf(req)));
  };

  const importDoc = {
    tag: 'Standards',
    summary: 'Import Web Annotations or Hypothesis rows: claims and checks, re-anchored by quote, with a report.',
    params: SlugParam,
    body: z.unknown(),
    response: ImportResponse,
  };
  const importAnnotations: ApiHandler<typeof importDoc, SignedInRequest> = async ({ params, body }, req, res) => {
    const results = await exportsService.import(params.slug, body, viewer(req));
    const count = (status: string) => results.filter((r) => r.status === status).length;
    res.json({
      imported: count('created'),
      existingClaims: count('existing-claim'),
      unanchored: count('unanchored'),
      invalid: count('invalid'),
      conflicts: count('conflict'),
      results,
    });
  };

  const csvDoc = { tag: 'Exports', summary: 'The article’s claims as CSV (streamed).', params: SlugParam, responseType: 'text/csv' };
  const csv: ApiHandler<typeof csvDoc, SignedInRequest> = async ({ params }, _req, res) => {
    const { article, batches } = await exportsService.articleBatches(params.slug);
    res.type('text/csv').attachment(`${article.slug}-claims.csv`);
    await streamChunks(res, csvChunks(batches, options.minOrdinalChecks));
  };

  const allCsvDoc = {
    tag: 'Exports',
    summary: 'Every claim of every article as CSV (streamed; the article’s slug first, then the per-article columns).',
    query: z.object({}),
    responseType: 'text/csv',
  };
  const allCsv: ApiHandler<typeof allCsvDoc, SignedInRequest> = async (_input, _req, res) => {
    res.type('text/csv').attachment('factline-claims.csv');
    await streamChunks(res, csvChunks(exportsService.allBatches(), options.minOrdinalChecks, exportsService.articleSlugsOf));
  };

  const jsonDoc = { tag: 'Exports', summary: 'The article’s claims as JSON (streamed).', params: SlugParam, response: ExportJsonResponse };
  const json: ApiHandler<typeof jsonDoc, SignedInRequest> = async ({ params }, _req, res) => {
    const { article, batches } = await exportsService.articleBatches(params.slug);
    res.type('application/json');
    await streamChunks(res, jsonChunks(article, new Date().toISOString(), batches, options.minOrdinalChecks));
  };

  return [
    shared(api('get', '/api/v1/articles/:slug/annotations', 'anyone', collectionDoc, collection), { cache: 'no-store' }),
    api('post', '/api/v1/articles/:slug/annotations', atLeast('reviewer'), importDoc, importAnnotations),
    shared(api('get', '/api/v1/annotations/:id', 'anyone', singleDoc, single), { cache: 'no-store' }),
    api('get', '/api/v1/articles/:slug/export.csv', atLeast('editor'), csvDoc, csv),
    api('get', '/api/v1/articles/:slug/export.json', atLeast('editor'), jsonDoc, json),
    api('get', '/api/v1/exports/claims.csv', atLeast('editor'), allCsvDoc, allCsv),
  ];
}
