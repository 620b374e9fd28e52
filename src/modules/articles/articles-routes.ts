import type { Request, Response } from 'express';
import { form } from '../../http/forms';
import { api, route, type RouteSpec, type SignedInRequest } from '../../http/routes';
import { articleJson, articleListPage, articleSummaryJson } from './articles-presenter';
import { CreateArticleInput, SlugParam } from './articles-schemas';
import { ArticleJson, ArticleListResponse } from './articles-responses';
import type { ArticlesService } from './articles-service';
import { atLeast } from '../accounts';

const NEW_ARTICLE_VIEW = 'articles/new';

export function articlesRoutes(articles: ArticlesService): RouteSpec[] {
  const list = async (_req: Request, res: Response) => res.render('articles/index', articleListPage(await articles.list()));

  const newForm = (_req: Request, res: Response) => res.render(NEW_ARTICLE_VIEW, { title: 'New article', values: {} });

  const create = form({ body: CreateArticleInput }, NEW_ARTICLE_VIEW, { title: 'New article' }, async ({ body }, req: SignedInRequest, res) => {
    const article = await articles.create(body, req.user.id);
    res.redirect(303, `/articles/${article.slug}`);
  });

  return [
    route('get', '/', 'anyone', list),
    route('get', '/articles/new', atLeast('editor'), newForm),
    route('post', '/articles', atLeast('editor'), create),
    api('get', '/api/v1/articles', 'anyone', { tag: 'Articles', summary: 'List the articles.', response: ArticleListResponse }, async (_input, _req, res) => {
      res.json({ articles: (await articles.list()).map(articleSummaryJson) });
    }),
    api(
      'post',
      '/api/v1/articles',
      atLeast('editor'),
      {
        tag: 'Articles',
        summary: 'Add an article from plain text (blank lines between paragraphs, "## " for subheadings).',
        body: CreateArticleInput,
        success: 201,
        response: ArticleJson,
      },
      async ({ body }, req, res) => {
        const article = await articles.create(body, req.user.id);
        res.status(201).location(`/api/v1/articles/${article.slug}`).json(articleJson(article));
      },
    ),
    api(
      'get',
      '/api/v1/articles/:slug',
      'anyone',
      { tag: 'Articles', summary: 'An article: its text, blocks and sentences with offsets.', params: SlugParam, response: ArticleJson },
      async ({ params }, _req, res) => {
        res.json(articleJson(await articles.getBySlug(params.slug)));
      },
    ),
  ];
}
