import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/knex';
import type { ChangeFeed } from '../../lib/change-feed';
import { isUniqueViolation } from '../../db/errors';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors';
import { composeDocument, draftsFromPlainText, slugify, type BlockDraft } from './article-document';
import * as repo from './articles-repository';
import { ContentArticle, type CreateArticleInput } from './articles-schemas';
import type { Article, ArticleSummary, NewArticle } from './articles-types';

export type ArticlesService = ReturnType<typeof createArticlesService>;

export function createArticlesService(db: Db, feed?: ChangeFeed) {
  /** Stores the article, its blocks and sentences in one transaction; a taken slug is a 409 and nothing is written. */
  async function store(article: NewArticle, drafts: BlockDraft[]): Promise<Article> {
    const document = composeDocument(article.slug, drafts);
    if (!document.blocks.some((block) => block.kind === 'paragraph')) {
      throw new UnprocessableError('The article has no body text to check: add at least one paragraph.');
    }
    try {
      await db.transaction(async (tx) => {
        await repo.insertArticle(tx, article, document);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`An article with the address “${article.slug}” already exists; choose another slug.`);
      throw error;
    }
    feed?.publicContentChanged('article');
    return (await repo.findArticleBySlug(db, article.slug)) as Article;
  }

  /** Imports one shipped article unless its slug is already there; returns whether it imported. */
  async function importContent(content: ContentArticle): Promise<boolean> {
    if (await repo.slugExists(db, content.slug)) return false;
    const drafts: BlockDraft[] = [{ kind: 'headline', text: content.title }];
    if (content.standfirst) drafts.push({ kind: 'standfirst', text: content.standfirst });
    if (content.image) drafts.push({ kind: 'caption', text: content.image.caption, credit: content.image.credit ?? undefined });
    drafts.push(...content.body);
    try {
      await store(
        {
          slug: content.slug,
          title: content.title,
          byline: content.byline,
          authorBio: content.authorBio,
          publishedAt: content.publishedAt,
          sourceUrl: content.sourceUrl,
          publisherName: content.publisher.name,
          publisherTagline: content.publisher.tagline,
          createdBy: null,
        },
        drafts,
      );
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false; // another instance imported it first
      throw error;
    }
  }

  return {
    list(): Promise<ArticleSummary[]> {
      return repo.listArticles(db);
    },

    async summaryById(id: number): Promise<ArticleSummary> {
      const summary = (await repo.articleSummaries(db, [id])).get(id);
      if (!summary) throw new NotFoundError('There is no such article.');
      return summary;
    },

    /** Every article's summary by id (a newsroom has hundreds, not millions). */
    summaries(): Promise<Map<number, ArticleSummary>> {
      return repo.articleSummaries(db);
    },

    async getBySlug(slug: string): Promise<Article> {
      const article = await repo.findArticleBySlug(db, slug);
      if (!article) throw new NotFoundError('There is no article at this address.');
      return article;
    },

    create(input: CreateArticleInput, createdBy: number | null): Promise<Article> {
      return store(
        {
          slug: input.slug ?? slugify(input.title),
          title: input.title,
          byline: input.byline,
          authorBio: null,
          publishedAt: input.publishedAt,
          sourceUrl: input.sourceUrl,
          publisherName: null,
          publisherTagline: null,
          createdBy,
        },
        draftsFromPlainText(input.title, input.text),
      );
    },

    importContent,

    /** Imports every content/articles/*.json file; safe to run on every start. */
    async importContentDirectory(directory: string): Promise<string[]> {
      const imported: string[] = [];
      const files = fs.existsSync(directory)
        ? fs
            .readdirSync(directory)
            .filter((file) => file.endsWith('.json'))
            .sort()
        : [];
      for (const file of files) {
        const content = ContentArticle.parse(JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')));
        if (await importContent(content)) imported.push(content.slug);
      }
      return imported;
    },
  };
}
