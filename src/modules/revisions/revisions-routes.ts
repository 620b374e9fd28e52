import type { Request, Response } from 'express';
import { z } from 'zod';
import { form } from '../../http/forms';
import { api, page, route, type RouteSpec, type SignedInRequest, takesPage } from '../../http/routes';
import { atLeast } from '../accounts';
import { plainTextOf, SlugParam, UpdateArticleInput, type Article, type ArticlesService } from '../articles';
import { DIFFED_REVISIONS, revisionJson, revisionsPage } from './revisions-presenter';
import { RevisionListResponse, UpdateResponse } from './revisions-responses';
import type { RevisionsService, UpdateResult } from './revisions-service';
import { CACHE_VARIANTS, shared } from '../../http/route-sharing';

const EDIT_VIEW = 'revisions/edit';

/** The edit form's fields: which way the new text comes (`mode`), and each way's field. */
const EditForm = z.object({
  mode: z.enum(['text', 'html', 'source'], { error: 'choose how the article is updated: text, HTML or its source page' }).default('text'),
  text: z.string().optional(),
  html: z.string().optional(),
  title: z.string().optional(),
  byline: z.string().optional(),
  publishedAt: z.string().optional(),
  sourceUrl: z.string().optional(),
});
type EditForm = z.output<typeof EditForm>;

/** The update the form asks for: only the chosen way's field goes to the service, which validates it all. */
function updateOf(values: EditForm): UpdateArticleInput {
  const meta = { title: values.title, byline: values.byline, publishedAt: values.publishedAt, sourceUrl: values.sourceUrl };
  if (values.mode === 'html') return { ...meta, html: values.html ?? '' } as UpdateArticleInput;
  if (values.mode === 'source') return { ...meta, refetch: true } as UpdateArticleInput;
  return { ...meta, text: values.text ?? '' } as UpdateArticleInput;
}

function formValues(article: Article) {
  return {
    mode: 'text',
    text: plainTextOf(article.text, article.blocks),
    title: article.title,
    byline: article.byline ?? '',
    publishedAt: article.publishedAt ?? '',
    sourceUrl: article.sourceUrl ?? '',
  };
}

function outcomeMessage(result: UpdateResult): string {
  if (!result.changed) return `The text is the same as revision ${result.article.revision}: no new revision was made.`;
  const a = result.anchoring!;
  return `Revision ${result.article.revision} saved. Claims: ${a.exact} unchanged, ${a.moved} moved, ${a.fuzzy} changed a little, ${a.orphaned} no longer found.`;
}

export function revisionsRoutes(revisions: RevisionsService, articles: ArticlesService): RouteSpec[] {
  const editLocals = async (req: Request) => {
    const article = await articles.getBySlug(String(req.params.slug));
    return { title: `Edit: ${article.title}`, article: { slug: article.slug, title: article.title, revision: article.revision, sourceUrl: article.sourceUrl } };
  };

  const editPage = async ({ params }: { params: { slug: string } }, req: Request, res: Response) => {
    const article = await articles.getBySlug(params.slug);
    res.render(EDIT_VIEW, { ...(await editLocals(req)), values: formValues(article) });
  };

  const saveEdit = form({ params: SlugParam, body: EditForm }, EDIT_VIEW, editLocals, async ({ params, body }, req: SignedInRequest, res) => {
    const result = await revisions.update(params.slug, updateOf(body), req.user.id);
    if (result.changed) return res.redirect(303, `/articles/${params.slug}/revisions#revision-${result.article.revision}`);
    res.render(EDIT_VIEW, { ...(await editLocals(req)), values: { ...body }, notice: outcomeMessage(result) });
  });

  return [
    page('get', '/articles/:slug/edit', atLeast('editor'), { params: SlugParam }, editPage),
    takesPage(route('post', '/articles/:slug/edit', atLeast('editor'), saveEdit)),
    shared(
      page('get', '/articles/:slug/revisions', 'anyone', { params: SlugParam }, async ({ params }, req, res) => {
        const { article, revisions: list } = await revisions.withTexts(params.slug, DIFFED_REVISIONS);
        res.render('revisions/index', revisionsPage(article, list, { showAuthors: Boolean(req.user) }));
      }),
      { cache: CACHE_VARIANTS.noParameters },
    ),
    shared(
      api(
        'get',
        '/api/v1/articles/:slug/revisions',
        'anyone',
        {
          tag: 'Articles',
          summary: 'The article’s revisions, newest first: when, how, what changed in words, and how its claims anchored.',
          params: SlugParam,
          response: RevisionListResponse,
        },
        async ({ params }, req, res) => {
          const { article, revisions: list } = await revisions.list(params.slug);
          res.json({
            article: { slug: article.slug, revision: article.revision },
            revisions: list.map((summary) => revisionJson(summary, { showAuthors: Boolean(req.user) })),
          });
        },
      ),
      { cache: CACHE_VARIANTS.revision },
    ),
    takesPage(
      api(
        'put',
        '/api/v1/articles/:slug',
        atLeast('editor'),
        {
          tag: 'Articles',
          summary:
            'Update an article: new plain text (`text`), new HTML (`html`) or its source page fetched again (`refetch: true`). A changed text becomes a new revision and every claim is re-anchored.',
          params: SlugParam,
          body: UpdateArticleInput,
          response: UpdateResponse,
        },
        async ({ params, body }, req, res) => {
          const result = await revisions.update(params.slug, body, req.user.id);
          res.json({ revision: result.article.revision, changed: result.changed, message: outcomeMessage(result), anchoring: result.anchoring });
        },
      ),
    ),
  ];
}
