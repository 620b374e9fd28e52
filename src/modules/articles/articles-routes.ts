import type { Request, Response } from 'express';
import { renderForm } from '../../http/forms';
import { route, type RouteSpec } from '../../http/routes';
import { parseInput } from '../../http/validate';
import { articleJson, articleListPage, articleSummaryJson } from './articles-presenter';
import { CreateArticleInput, SlugParam } from './articles-schemas';
import type { ArticlesService } from './articles-service';

const NEW_ARTICLE_VIEW = 'articles/new';

export function articlesRoutes(articles: ArticlesService): RouteSpec[] {
  const list = async (_req: Request, res: Response) => res.render('articles/index', articleListPage(await articles.list()));

  const newForm = (_req: Request, res: Response) => res.render(NEW_ARTICLE_VIEW, { title: 'New article', values: {} });

  const create = renderForm(NEW_ARTICLE_VIEW, { title: 'New article' }, async (req, res) => {
    const article = await articles.create(parseInput(CreateArticleInput, req.body), req.user?.id ?? null);
    res.redirect(303, `/articles/${article.slug}`);
  });

  const apiList = async (_req: Request, res: Response) => {
    res.json({ articles: (await articles.list()).map(articleSummaryJson) });
  };

  const apiShow = async (req: Request, res: Response) => {
    const { slug } = parseInput(SlugParam, req.params);
    res.json(articleJson(await articles.getBySlug(slug)));
  };

  const apiCreate = async (req: Request, res: Response) => {
    const article = await articles.create(parseInput(CreateArticleInput, req.body), req.user?.id ?? null);
    res.status(201).location(`/api/v1/articles/${article.slug}`).json(articleJson(article));
  };

  return [
    route('get', '/', 'anyone', list),
    route('get', '/articles/new', 'editor', newForm),
    route('post', '/articles', 'editor', create),
    route('get', '/api/v1/articles', 'anyone', apiList),
    route('post', '/api/v1/articles', 'editor', apiCreate),
    route('get', '/api/v1/articles/:slug', 'anyone', apiShow),
  ];
}
