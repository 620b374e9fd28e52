import type { Db, Queryable } from '../../db/knex';
import type { DomainEvents } from '../../events';
import { isUniqueViolation } from '../../db/errors';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors';
import { parseInput } from '../../lib/parse';
import { changedWords, wordDiff } from '../../lib/text-diff';
import { comparableUrlKey } from '../../lib/url-match';
import type { ArticleDraft, ArticleSources, UpdateOutcome, WrittenRevision } from './article-drafts';
import { composeDocument, hasBodyText, type BlockDraft } from './article-document';
import { firstFreeSlug, slugCandidates, slugFor } from './article-slugs';
import * as repo from './articles-repository';
import { readArticleListPage } from './article-list';
import { readContentDirectory } from './content-files';
import * as revisions from './revisions-repository';
import { CreateArticleInput, UpdateArticleInput, type ContentArticle } from './articles-schemas';
import type { AnchoringCounts, Article, ArticleRevision, ArticleSummary, NewArticle, RevisionOrigin, RevisionSummary } from './articles-types';

export type { ArticleDraft, ArticleSources, WrittenRevision, UpdateOutcome } from './article-drafts';

export type ArticlesService = ReturnType<typeof createArticlesService>;

/** Times a new article looks for a free address when others take theirs at the same moment. */
const SLUG_ATTEMPTS = 3;

/** The articles store: `sources` (the article-sources module) turns text, HTML and pages into drafts. */
export function createArticlesService(db: Db, events: DomainEvents, sources: ArticleSources) {
  /** Stores the article, its blocks, sentences and revision 1 in one transaction; a taken slug is a 409 and nothing is written. */
  async function store(article: NewArticle, drafts: BlockDraft[], origin: RevisionOrigin): Promise<Article> {
    const document = composeDocument(article.slug, drafts);
    if (!hasBodyText(document.blocks)) {
      throw new UnprocessableError('The article has no body text to check: add at least one paragraph.');
    }
    try {
      await db.transaction(async (tx) => {
        const articleId = await repo.insertArticle(tx, article, document);
        await revisions.insertRevision(tx, {
          articleId,
          number: 1,
          document,
          origin,
          sourceUrl: article.sourceUrl,
          change: changedWords('', document.text, null),
          createdBy: article.createdBy,
        });
        await events.record(tx, {
          kind: 'article.created',
          article: { id: articleId, slug: article.slug, title: article.title, sourceUrl: article.sourceUrl },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`An article with the address “${article.slug}” already exists; choose another slug.`);
      throw error;
    }
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
        'import',
      );
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false; // another instance imported it first
      throw error;
    }
  }

  async function getBySlug(slug: string): Promise<Article> {
    const article = await repo.findArticleBySlug(db, slug);
    if (!article) throw new NotFoundError('There is no article at this address.');
    return article;
  }

  return {
    /** A page of the article list (newest first, undated last) and the next page's cursor, if there is one. */
    listPage(after: string | undefined, limit: number): Promise<{ articles: ArticleSummary[]; next: string | null }> {
      return readArticleListPage(db, after, limit);
    },

    async summaryById(id: number): Promise<ArticleSummary> {
      const summary = (await repo.articleSummaries(db, [id])).get(id);
      if (!summary) throw new NotFoundError('There is no such article.');
      return summary;
    },

    /** An article's summary by its slug, or null (no text, blocks or sentences read). */
    summaryBySlug(slug: string): Promise<ArticleSummary | null> {
      return repo.articleSummaryBySlug(db, slug);
    },

    /** These articles' summaries by id (the callers name the articles they show, never all of them). */
    summariesOf(ids: number[]): Promise<Map<number, ArticleSummary>> {
      return ids.length === 0 ? Promise.resolve(new Map()) : repo.articleSummaries(db, [...new Set(ids)]);
    },

    getBySlug,

    /**
     * The article as this transaction sees it, held against a new revision until the transaction
     * ends: what a claim is anchored in. Read again only when a revision landed since `article`.
     */
    async currentIn(tx: Queryable, article: Article): Promise<Article> {
      const revision = await repo.shareLockArticle(tx, article.id);
      if (revision === null) throw new NotFoundError('There is no article at this address.');
      if (revision === article.revision) return article;
      const current = await repo.findArticleBySlug(tx, article.slug);
      if (!current) throw new NotFoundError('There is no article at this address.');
      return current;
    },

    /** The article whose source is this address (scheme, `www.`, trailing slash, fragment and tracking parameters aside). */
    async findBySourceUrl(url: string): Promise<{ slug: string }> {
      const key = comparableUrlKey(url);
      const slug = key === null ? null : await repo.findSlugBySourceKey(db, key);
      if (!slug) throw new NotFoundError('No article on this Factline has that address as its source.');
      return { slug };
    },

    /** What an import would store (for the form's preview); fetches the page when given an address. */
    async preview(raw: CreateArticleInput): Promise<ArticleDraft> {
      return sources.draftOf(parseInput(CreateArticleInput, raw));
    },

    /**
     * A new article from text, HTML or an address, with what the editor should check in it
     * (`warnings`). `expectedDigest` (from a preview) makes the save refuse with a 409 when the
     * page no longer gives what the editor saw.
     */
    async create(raw: CreateArticleInput, createdBy: number | null, expectedDigest?: string): Promise<Article & { warnings: string[] }> {
      const input = parseInput(CreateArticleInput, raw);
      const draft = await sources.draftOf(input);
      if (expectedDigest && expectedDigest !== draft.digest)
        throw new ConflictError('The page changed since the preview: preview it again, check what was found, then save.');
      const article = {
        title: draft.title,
        byline: draft.byline,
        authorBio: null,
        publishedAt: draft.publishedAt,
        sourceUrl: draft.sourceUrl,
        publisherName: null,
        publisherTagline: null,
        createdBy,
      };
      // An address the editor chose is theirs (taken: 409); one made from the title takes the next free number instead.
      if (input.slug) return { ...(await store({ ...article, slug: input.slug }, draft.drafts, 'import')), warnings: draft.warnings };
      const base = await slugFor(draft.title);
      for (let attempt = 1; ; attempt++) {
        const slug = firstFreeSlug(base, await repo.takenSlugs(db, slugCandidates(base)));
        try {
          return { ...(await store({ ...article, slug }, draft.drafts, 'import')), warnings: draft.warnings };
        } catch (error) {
          if (!(error instanceof ConflictError) || attempt === SLUG_ATTEMPTS) throw error; // another import took it meanwhile: look again
        }
      }
    },

    /**
     * Works out an update outside any transaction (fetching a page can take seconds), then writes
     * it in one transaction, in which `reanchorInTransaction` re-anchors the claims on the new
     * revision. An update that leaves the text as it is makes no revision (its metadata is still saved).
     */
    async update(
      slug: string,
      raw: UpdateArticleInput,
      editorId: number,
      reanchorInTransaction: (tx: Queryable, revision: WrittenRevision) => Promise<AnchoringCounts>,
    ): Promise<UpdateOutcome & { anchoring: AnchoringCounts | null }> {
      const input = parseInput(UpdateArticleInput, raw);
      const article = await getBySlug(slug);
      const { draft, origin } = await sources.updateDraft(article, input);
      const meta = { title: draft.title, byline: draft.byline, publishedAt: draft.publishedAt, sourceUrl: draft.sourceUrl };
      let written: WrittenRevision | null = null;
      let anchoring: AnchoringCounts | null = null;
      await db.transaction(async (tx) => {
        const current = await repo.lockArticle(tx, article.id);
        const previous = await revisions.findRevision(tx, article.id, current.revision);
        const number = current.revision + 1;
        const document = composeDocument(article.slug, draft.drafts, { sentences: previous?.sentences ?? article.sentences, salt: String(number) });
        if (!hasBodyText(document.blocks)) throw new UnprocessableError('The article would have no body text to check: keep at least one paragraph.');
        await repo.updateArticleMeta(tx, article.id, meta);
        if (document.text === current.text) return;
        await revisions.replaceCurrentDocument(tx, article.id, number, document);
        const diff = wordDiff(current.text, document.text);
        await revisions.insertRevision(tx, {
          articleId: article.id,
          number,
          document,
          origin,
          sourceUrl: draft.sourceUrl,
          change: changedWords(current.text, document.text, diff),
          createdBy: editorId,
        });
        written = { articleId: article.id, number, document, diff };
        anchoring = await reanchorInTransaction(tx, written);
        await revisions.recordAnchoring(tx, article.id, number, anchoring);
        await events.record(tx, { kind: 'article.revised', article: { id: article.id, slug: article.slug, title: meta.title }, revision: number, anchoring });
      });
      const updated = await getBySlug(slug);
      return written ? { changed: true, article: updated, revision: written, anchoring } : { changed: false, article: updated, anchoring: null };
    },

    async revisions(slug: string): Promise<{ article: Article; revisions: RevisionSummary[] }> {
      const article = await getBySlug(slug);
      return { article, revisions: await revisions.listRevisions(db, article.id) };
    },

    async revision(slug: string, number: number): Promise<{ article: Article; revision: ArticleRevision }> {
      const article = await getBySlug(slug);
      const revision = await revisions.findRevision(db, article.id, number);
      if (!revision) throw new NotFoundError(`This article has no revision ${number}; its latest is ${article.revision}.`);
      return { article, revision };
    },

    /** The texts of revisions `fromNumber` and later, by number. */
    revisionTexts(articleId: number, fromNumber = 1): Promise<Map<number, string>> {
      return revisions.revisionTexts(db, articleId, fromNumber);
    },

    /** When each of an article's revisions was made, by number. */
    revisionDates(articleId: number): Promise<Map<number, string>> {
      return revisions.revisionDates(db, articleId);
    },

    importContent,

    /** Imports every content/articles/*.json file; safe to run on every start. */
    async importContentDirectory(directory: string): Promise<string[]> {
      const imported: string[] = [];
      for (const content of readContentDirectory(directory)) if (await importContent(content)) imported.push(content.slug);
      return imported;
    },
  };
}
