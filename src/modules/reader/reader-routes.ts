import { Router, type Request, type Response } from 'express';
import { route, mountRoutes } from '../../http/routes';
import { parseInput } from '../../http/validate';
import type { ArticlesService } from '../articles';
import { SlugParam } from '../articles/articles-schemas';
import type { ClaimsService } from '../claims';
import { readerArticlePage, verdictsJson } from './reader-presenter';
import type { ReaderService } from './reader-service';

/** The public article page (with the overlay) and the public verdicts feed. */
export function readerRouter(reader: ReaderService, articles: ArticlesService, claims: ClaimsService): Router {
  const articlePage = async (req: Request, res: Response) => {
    const article = await articles.getBySlug(parseInput(SlugParam, req.params).slug);
    const factChecks = await reader.publishedFactChecks(article.id);
    const page = readerArticlePage(article, factChecks, { overlay: req.query.overlay !== 'off' });
    const myClaims = req.user ? await claims.forReviewer(article.id, { id: req.user.id, role: req.user.role }) : null;
    res.render('articles/show', {
      ...page,
      reviewing: myClaims && {
        claims: myClaims.map(({ claim, checkedByMe, checks, status }) => ({ id: claim.id, quote: claim.exact, statement: claim.statement, checkedByMe, checks, status })),
      },
    });
  };

  const verdicts = async (req: Request, res: Response) => {
    const article = await articles.getBySlug(parseInput(SlugParam, req.params).slug);
    res.json(verdictsJson(article, await reader.publishedFactChecks(article.id)));
  };

  return mountRoutes(Router(), [
    route('get', '/articles/:slug', 'anyone', articlePage),
    route('get', '/api/v1/articles/:slug/verdicts', 'anyone', verdicts),
  ]);
}
