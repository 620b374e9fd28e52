import type { Request, Response } from 'express';
import { api, page, route, type RouteSpec } from '../../http/routes';
import { SlugParam, type ArticlesService } from '../articles';
import type { ClaimsService } from '../claims';
import type { Publishing } from '../verdicts';
import { claimReviews, readerArticlePage, verdictsJson } from './reader-presenter';
import { ClaimReviewsResponse, VerdictsResponse } from './reader-responses';
import type { ReaderService } from './reader-service';

/** The public article page (with the overlay) and the public verdicts feed. */
export function readerRoutes(reader: ReaderService, articles: ArticlesService, claims: ClaimsService, publishing: Publishing): RouteSpec[] {
  const articlePage = async ({ params }: { params: { slug: string } }, req: Request, res: Response) => {
    const article = await articles.getBySlug(params.slug);
    const factChecks = await reader.publishedFactChecks(article.id);
    const page = readerArticlePage(article, factChecks, {
      overlay: req.query.overlay !== 'off',
      publishing,
      revisionDates: article.revision > 1 ? await articles.revisionDates(article.id) : new Map(),
    });
    const myClaims = req.user ? await claims.forReviewer(article.id, { id: req.user.id, role: req.user.role }) : null;
    res.render('articles/show', {
      ...page,
      reviewing: myClaims && {
        claims: myClaims.map(({ claim, checkedByMe, checks, status }) => ({
          id: claim.id,
          quote: claim.exact,
          statement: claim.statement,
          checkedByMe,
          checks,
          status,
        })),
      },
    });
  };

  /** Site-wide feed of every published ClaimReview, newest first. */
  const siteClaimReviews = async (_req: Request, res: Response) => {
    const [all, summaries] = await Promise.all([reader.allPublishedFactChecks(), articles.summaries()]);
    const byArticle = new Map<number, Awaited<ReturnType<ArticlesService['getBySlug']>>>();
    const reviews = [];
    for (const factCheck of all) {
      const summary = summaries.get(factCheck.articleId)!;
      if (!byArticle.has(factCheck.articleId)) byArticle.set(factCheck.articleId, await articles.getBySlug(summary.slug));
      reviews.push(...claimReviews(byArticle.get(factCheck.articleId)!, [factCheck], publishing));
    }
    res.type('application/ld+json').send(JSON.stringify(reviews));
  };

  return [
    page('get', '/articles/:slug', 'anyone', { params: SlugParam }, articlePage),
    api(
      'get',
      '/api/v1/articles/:slug/verdicts',
      'anyone',
      { tag: 'Reader', summary: 'Published decisions with their targets: what the reader overlay draws.', params: SlugParam, response: VerdictsResponse },
      async ({ params }, _req, res) => {
        const article = await articles.getBySlug(params.slug);
        res.json(verdictsJson(article, await reader.publishedFactChecks(article.id)));
      },
    ),
    api(
      'get',
      '/api/v1/articles/:slug/claimreview',
      'anyone',
      { tag: 'Standards', summary: 'schema.org ClaimReview for each published decision of the article.', params: SlugParam, response: ClaimReviewsResponse },
      async ({ params }, _req, res) => {
        const article = await articles.getBySlug(params.slug);
        res.json(claimReviews(article, await reader.publishedFactChecks(article.id), publishing));
      },
    ),
    route('get', '/claimreview.json', 'anyone', siteClaimReviews),
  ];
}
