import type { Request, Response } from 'express';
import { api, page, route, type RouteSpec } from '../../http/routes';
import { SlugParam, type ArticlesService } from '../articles';
import type { Role } from '../accounts';
import type { Publishing, PublishedPosition } from '../verdicts';
import { ValidationError } from '../../lib/errors';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor';
import { claimReviews, readerArticlePage, verdictsJson } from './reader-presenter';
import { ClaimReviewsResponse, VerdictsResponse } from './reader-responses';
import type { ReaderService } from './reader-service';
import { CACHE_VARIANTS, shared } from '../../http/route-sharing';

/** Published ClaimReviews per page of the site feed. */
export const FEED_PAGE = 200;

const feedCursor = (position: PublishedPosition) => encodeCursor([position.publishedAt, position.claimId]);

function parseFeedCursor(value: unknown): PublishedPosition | undefined {
  if (value === undefined) return undefined;
  const refusal = 'after: is not a cursor this feed gave (start again from /claimreview.json)';
  if (typeof value !== 'string' || value.length > 80) throw new ValidationError(refusal);
  const [publishedAt, claimId] = decodeCursor(value, 2, refusal);
  if (typeof publishedAt !== 'string' || Number.isNaN(Date.parse(publishedAt)) || !Number.isInteger(claimId)) throw new ValidationError(refusal);
  return { publishedAt, claimId: claimId as number };
}

/**
 * What a signed-in person sees under the article besides the published fact-checks: the review
 * module's panel, rendered by its own partial. This module reads published data only; it hands
 * the viewer to the panel and shows what comes back.
 */
export interface ReviewerPanel {
  forArticle(articleId: number, viewer: { id: number; role: Role }): Promise<object>;
}

/** The public article page (with the overlay) and the public verdicts feed. */
export function readerRoutes(reader: ReaderService, articles: ArticlesService, reviewerPanel: ReviewerPanel, publishing: Publishing): RouteSpec[] {
  const articlePage = async ({ params }: { params: { slug: string } }, req: Request, res: Response) => {
    const article = await articles.getBySlug(params.slug);
    const factChecks = await reader.publishedFactChecks(article.id);
    const page = readerArticlePage(article, factChecks, {
      overlay: req.query.overlay !== 'off',
      publishing,
      revisionDates: article.revision > 1 ? await articles.revisionDates(article.id) : new Map(),
    });
    const reviewing = req.user ? await reviewerPanel.forArticle(article.id, { id: req.user.id, role: req.user.role }) : null;
    res.render('articles/show', { ...page, reviewing });
  };

  /**
   * Site-wide feed of published ClaimReviews, newest first publication first, in pages of
   * FEED_PAGE: each page a JSON array as before, the next one named by a `Link: <…>; rel="next"`
   * header (keyset: a publication never shifts the pages after it). Each page reads its own
   * fact-checks and their articles only.
   */
  const siteClaimReviews = async (req: Request, res: Response) => {
    const after = parseFeedCursor(req.query.after);
    const page = await reader.publishedFactChecksAfter(after, FEED_PAGE + 1);
    const shown = page.slice(0, FEED_PAGE);
    const summaries = await articles.summariesOf(shown.map((f) => f.articleId));
    const byArticle = new Map<number, Awaited<ReturnType<ArticlesService['getBySlug']>>>();
    const reviews = [];
    for (const factCheck of shown) {
      if (!byArticle.has(factCheck.articleId)) byArticle.set(factCheck.articleId, await articles.getBySlug(summaries.get(factCheck.articleId)!.slug));
      reviews.push(...claimReviews(byArticle.get(factCheck.articleId)!, [factCheck], publishing));
    }
    const last = shown[shown.length - 1];
    if (page.length > FEED_PAGE)
      res.setHeader('Link', `</claimreview.json?after=${feedCursor({ publishedAt: last.decision.firstPublishedAt!, claimId: last.claim.id })}>; rel="next"`);
    res.type('application/ld+json').send(JSON.stringify(reviews));
  };

  return [
    shared(page('get', '/articles/:slug', 'anyone', { params: SlugParam }, articlePage), { cache: (query) => (query.overlay === 'off' ? '?overlay=off' : '') }),
    shared(
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
      { cache: CACHE_VARIANTS.revision, cors: 'any-origin' },
    ),
    shared(
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
      { cache: CACHE_VARIANTS.revision },
    ),
    shared(route('get', '/claimreview.json', 'anyone', siteClaimReviews), { cache: CACHE_VARIANTS.firstPageOnly }),
  ];
}
