import type { Request, Response } from 'express';
import { api, page, type RouteSpec } from '../../http/routes';
import { AppError } from '../../lib/errors';
import { atLeast } from '../accounts';
import { viewerOf } from '../claims';
import { SearchResponse, SimilarResponse } from './search-responses';
import { SearchParams, SimilarParams } from './search-schemas';
import type { SearchService } from './search-service';
import { shared } from '../../http/route-sharing';

/** The Search page, the search API and "has this been checked before?" for any text. */
export function searchRoutes(search: SearchService): RouteSpec[] {
  const searchPage = async ({ query }: { query: SearchParams }, req: Request, res: Response) => {
    const locals = { title: query.q ? `Search: ${query.q}` : 'Search', q: query.q, type: query.type ?? '', found: null, error: null };
    if (!query.q.trim()) return void res.render('search/index', locals);
    try {
      res.render('search/index', { ...locals, found: await search.search(query, viewerOf(req)) });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      res.status(error.status).render('search/index', { ...locals, error: error.message });
    }
  };

  return [
    shared(page('get', '/search', 'anyone', { query: SearchParams }, searchPage), { cache: 'no-store' }),
    shared(
      api(
        'get',
        '/api/v1/search',
        'anyone',
        {
          tag: 'Search',
          summary: 'Full-text search over articles, claims and fact-checks, as the caller may see them (anonymous: articles and published fact-checks).',
          query: SearchParams,
          response: SearchResponse,
        },
        async ({ query }, req, res) => {
          const found = await search.search(query, viewerOf(req));
          res.json({ results: found.results, total: found.total, page: found.page, perPage: found.perPage });
        },
      ),
      { cache: 'no-store' },
    ),
    api(
      'get',
      '/api/v1/claims/similar',
      atLeast('reviewer'),
      {
        tag: 'Search',
        summary:
          'Up to five claims on record in any article that are like this text, published fact-checks first, each with how it relates (same, or similar but …).',
        query: SimilarParams,
        response: SimilarResponse,
      },
      async ({ query }, _req, res) => {
        res.json({ similar: await search.similar(query.text, { exclude: query.exclude ?? null }) });
      },
    ),
  ];
}
