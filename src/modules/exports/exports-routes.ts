import type { Request, Response } from 'express';
import { text } from '../../lib/text';
import { z } from 'zod';
import { api, type RouteSpec, type SignedInRequest } from '../../http/routes';
import { parseInput } from '../../http/validate';
import { SlugParam } from '../articles';
import { viewer, viewerOf } from '../claims';
import { exportCsv, exportJson } from './tabular-export';
import type { Publishing } from '../verdicts';
import type { ExportsService } from './exports-service';
import { ANNO_CONTENT_TYPE, annotationContext, PAGE_SIZE, withoutContext } from './web-annotation';
import { atLeast } from '../accounts';

export const PageQuery = z.object({ page: z.coerce.number({ error: 'must be a number' }).int().min(0, 'must not be negative').optional() });
const AnnotationIdParam = z.object({ id: text().regex(/^(check|decision)-\d+$/, 'must look like check-12 or decision-7') });

/** W3C Web Annotation export and import, and CSV/JSON exports for editors. */
export function exportsRoutes(exportsService: ExportsService, publishing: Publishing, options: { minOrdinalChecks: number }): RouteSpec[] {
  // A Buffer body keeps the media type exactly as the W3C protocol names it (no charset appended).
  const sendLd = (res: Response, body: unknown) => res.set('Content-Type', ANNO_CONTENT_TYPE).send(Buffer.from(JSON.stringify(body)));

  const collection = async (req: Request, res: Response) => {
    const { slug } = parseInput(SlugParam, req.params);
    const { page } = parseInput(PageQuery, req.query);
    const all = await exportsService.annotations(slug, viewerOf(req));
    const id = `${publishing.baseUrl}/api/v1/articles/${slug}/annotations`;
    const lastPage = Math.max(0, Math.ceil(all.length / PAGE_SIZE) - 1);
    const pageBody = (n: number) => ({
      id: `${id}?page=${n}`,
      type: 'AnnotationPage',
      partOf: { id, total: all.length },
      startIndex: n * PAGE_SIZE,
      items: all.slice(n * PAGE_SIZE, (n + 1) * PAGE_SIZE).map(withoutContext),
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
      total: all.length,
      first: pageBody(0),
      last: `${id}?page=${lastPage}`,
    });
  };

  const single = async (req: Request, res: Response) => {
    sendLd(res, await exportsService.annotation(parseInput(AnnotationIdParam, req.params).id, viewerOf(req)));
  };

  const importAnnotations = async (req: SignedInRequest, res: Response) => {
    const results = await exportsService.import(parseInput(SlugParam, req.params).slug, req.body, viewer(req));
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

  const csv = async (req: SignedInRequest, res: Response) => {
    const data = await exportsService.articleData(parseInput(SlugParam, req.params).slug);
    res.type('text/csv').attachment(`${data.article.slug}-claims.csv`).send(exportCsv(data, options.minOrdinalChecks));
  };

  const json = async (req: SignedInRequest, res: Response) => {
    res.json(exportJson(await exportsService.articleData(parseInput(SlugParam, req.params).slug), options.minOrdinalChecks));
  };

  return [
    api(
      'get',
      '/api/v1/articles/:slug/annotations',
      'anyone',
      {
        tag: 'Standards',
        summary: 'W3C Web Annotations of the article (AnnotationCollection; ?page=N for a page).',
        query: PageQuery,
        responseType: ANNO_CONTENT_TYPE,
      },
      collection,
    ),
    api(
      'post',
      '/api/v1/articles/:slug/annotations',
      atLeast('reviewer'),
      { tag: 'Standards', summary: 'Import Web Annotations or Hypothesis rows: claims and checks, re-anchored by quote, with a report.', body: z.unknown() },
      importAnnotations,
    ),
    api(
      'get',
      '/api/v1/annotations/:id',
      'anyone',
      { tag: 'Standards', summary: 'One Web Annotation (check-N or decision-N).', responseType: ANNO_CONTENT_TYPE },
      single,
    ),
    api(
      'get',
      '/api/v1/articles/:slug/export.csv',
      atLeast('editor'),
      { tag: 'Exports', summary: 'The article’s claims as CSV.', responseType: 'text/csv' },
      csv,
    ),
    api('get', '/api/v1/articles/:slug/export.json', atLeast('editor'), { tag: 'Exports', summary: 'The article’s claims as JSON.' }, json),
  ];
}
