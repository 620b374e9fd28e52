import type { Request, Response } from 'express';
import { z } from 'zod';
import { form } from '../../http/forms';
import { flash, type Flash } from '../../http/flash';
import { api, page, route, takesPage, type RouteSpec, type SignedInRequest } from '../../http/routes';
import { articleJson, articleListPage, articleSummaryJson, dateLabel } from './articles-presenter';
import { ArticleListQuery, CreateArticleInput, LookupQuery, RevisionQuery, SlugParam } from './articles-schemas';
import { ArticleJson, ArticleListResponse, CreatedArticleJson, LookupResponse } from './articles-responses';
import type { ArticleDraft, ArticlesService } from './articles-service';
import { atLeast } from '../accounts';
import { CACHE_VARIANTS, shared } from '../../http/route-sharing';

const NEW_ARTICLE_VIEW = 'articles/new';

/** The new-article form: which way the article comes in (`mode`), whether to preview or save, and each way's fields. */
const NewArticleForm = z.object({
  mode: z.enum(['text', 'html', 'url'], { error: 'choose how the article comes in: text, HTML or an address' }).default('text'),
  intent: z.enum(['preview', 'save']).default('save'),
  digest: z.string().max(64).optional(),
  title: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().optional(),
  byline: z.string().optional(),
  publishedAt: z.string().optional(),
  sourceUrl: z.string().optional(),
  slug: z.string().optional(),
});
type NewArticleForm = z.output<typeof NewArticleForm>;

/** Only the chosen way's field goes to the service (which validates everything). */
function createInputOf(values: NewArticleForm): CreateArticleInput {
  const common = { title: values.title, byline: values.byline, publishedAt: values.publishedAt, slug: values.slug };
  if (values.mode === 'html') return { ...common, html: values.html ?? '', sourceUrl: values.sourceUrl } as CreateArticleInput;
  if (values.mode === 'url') return { ...common, url: values.url ?? '' } as CreateArticleInput;
  return { ...common, text: values.text ?? '', sourceUrl: values.sourceUrl } as CreateArticleInput;
}

/** What the preview shows: the metadata found and every block that will be stored. */
function previewOf(draft: ArticleDraft) {
  return {
    title: draft.title,
    byline: draft.byline,
    publishedAt: draft.publishedAt,
    publishedLabel: draft.publishedAt ? dateLabel(draft.publishedAt) : null,
    sourceUrl: draft.sourceUrl,
    warnings: draft.warnings,
    blocks: draft.drafts.map((block) => ({ kind: block.kind, text: block.text, credit: block.credit ?? null })),
  };
}

/** What the editor reads on the article's page after adding it. */
function addedMessage(article: { title: string; warnings: string[] }): Flash {
  return article.warnings.length
    ? { kind: 'warning', message: `Article added: “${article.title}”. Check what was found:`, details: article.warnings }
    : { kind: 'success', message: `Article added: “${article.title}”. Reviewers can select its claims now.` };
}

export function articlesRoutes(articles: ArticlesService): RouteSpec[] {
  const list = async ({ query }: { query: ArticleListQuery }, _req: Request, res: Response) =>
    res.render('articles/index', articleListPage(await articles.listPage(query.after, query.limit), query.after === undefined));

  // An address is how most articles come in, so the form starts there.
  const newForm = (_req: Request, res: Response) => res.render(NEW_ARTICLE_VIEW, { title: 'New article', values: { mode: 'url' } });

  const create = form({ body: NewArticleForm }, NEW_ARTICLE_VIEW, { title: 'New article' }, async ({ body }, req: SignedInRequest, res) => {
    const input = createInputOf(body);
    if (body.intent === 'preview') {
      const draft = await articles.preview(input);
      // The form keeps what the editor typed; empty metadata fields take what was found, to correct before saving.
      const values = {
        ...body,
        title: body.title || draft.title,
        byline: body.byline || draft.byline || '',
        publishedAt: body.publishedAt || draft.publishedAt || '',
        digest: body.mode === 'url' ? draft.digest : '',
      };
      return res.render(NEW_ARTICLE_VIEW, { title: 'New article', values, preview: previewOf(draft) });
    }
    const article = await articles.create(input, req.user.id, body.mode === 'url' && body.digest ? body.digest : undefined);
    flash(req, addedMessage(article));
    res.redirect(303, `/articles/${article.slug}`);
  });

  return [
    shared(page('get', '/', 'anyone', { query: ArticleListQuery }, list), { cache: CACHE_VARIANTS.firstPageOnly }),
    route('get', '/articles/new', atLeast('editor'), newForm),
    takesPage(route('post', '/articles', atLeast('editor'), create)),
    shared(
      api(
        'get',
        '/api/v1/articles',
        'anyone',
        {
          tag: 'Articles',
          summary: 'List the articles, newest first (undated last), a page at a time.',
          query: ArticleListQuery,
          response: ArticleListResponse,
        },
        async ({ query }, _req, res) => {
          const { articles: list, next } = await articles.listPage(query.after, query.limit);
          res.json({ articles: list.map(articleSummaryJson), next });
        },
      ),
      { cache: CACHE_VARIANTS.firstPageOnly },
    ),
    takesPage(
      api(
        'post',
        '/api/v1/articles',
        atLeast('editor'),
        {
          tag: 'Articles',
          summary:
            'Add an article from plain text (`title` and `text`: blank lines between paragraphs, "## " for subheadings, "> " for quotes, "- " for list items), from HTML (`html`, at most 5 MB, optional `sourceUrl`) or from an address the server fetches (`url`). A title that is taken gives a numbered address (`title-2`); `warnings` says what to check in a page that may not have been read well.',
          body: CreateArticleInput,
          success: 201,
          response: CreatedArticleJson,
        },
        async ({ body }, req, res) => {
          const article = await articles.create(body, req.user.id);
          res
            .status(201)
            .location(`/api/v1/articles/${article.slug}`)
            .json({ ...articleJson(article), warnings: article.warnings });
        },
      ),
    ),
    shared(
      api(
        'get',
        '/api/v1/lookup',
        'anyone',
        {
          tag: 'Articles',
          summary:
            'Which article a publisher’s page is: its address matched against articles’ source addresses → `{slug}`, or 404. Answers CORS (for embed.js).',
          query: LookupQuery,
          response: LookupResponse,
        },
        async ({ query }, _req, res) => {
          res.json(await articles.findBySourceUrl(query.url));
        },
      ),
      { cache: 'no-store', cors: 'any-origin' },
    ),
    shared(
      api(
        'get',
        '/api/v1/articles/:slug',
        'anyone',
        {
          tag: 'Articles',
          summary: 'An article: its text, blocks and sentences with offsets (the current revision, or `?revision=N`).',
          params: SlugParam,
          query: RevisionQuery,
          response: ArticleJson,
        },
        async ({ params, query }, _req, res) => {
          if (query.revision === undefined) return res.json(articleJson(await articles.getBySlug(params.slug)));
          const { article, revision } = await articles.revision(params.slug, query.revision);
          res.json(articleJson(article, revision));
        },
      ),
      { cache: CACHE_VARIANTS.revision },
    ),
  ];
}
