import type { Db, Queryable } from '../../db/knex';
import type { DomainEvents } from '../../events';
import { isUniqueViolation } from '../../db/errors';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors';
import { parseInput } from '../../lib/parse';
import { changedWords, wordDiff } from '../../lib/text-diff';
import { comparableUrlKey } from '../../lib/url-match';
import { digestOf, draftFromExtraction, type ArticleDraft, type UpdateOutcome, type WrittenRevision } from './article-drafts';
import type { Extract } from '../../extraction/extraction-pool';
import type { SafeFetcher } from '../../outbound/safe-fetch';
import { composeDocument, draftsFromPlainText, leadLength, slugify, type BlockDraft } from './article-document';
import * as repo from './articles-repository';
import { readArticleListPage } from './article-list';
import { readContentDirectory } from './content-files';
import * as revisions from './revisions-repository';
import { CreateArticleInput, UpdateArticleInput, type ContentArticle } from './articles-schemas';
import type { AnchoringCounts, Article, ArticleRevision, ArticleSummary, NewArticle, RevisionOrigin, RevisionSummary } from './articles-types';

export type { ArticleDraft, WrittenRevision, UpdateOutcome } from './article-drafts';

export type ArticlesService = ReturnType<typeof createArticlesService>;

export interface ArticlesOptions {
  /** The one SSRF-safe fetcher (src/outbound): imports and updates from an address go through it. */
  fetcher?: SafeFetcher;
  /** Reads HTML pages; the app hands in the worker-thread extractor (extraction-pool.ts), so no page blocks the event loop. */
  extract?: Extract;
}

export function createArticlesService(db: Db, events: DomainEvents, options: ArticlesOptions = {}) {
  // Without the worker (CLI, tests), pages are read in this thread; Readability and linkedom are loaded then, never by a server.
  const extract: Extract = options.extract ?? (async (html, url) => (await import('../../extraction/html-article')).extractArticle(html, url));
  /** Stores the article, its blocks, sentences and revision 1 in one transaction; a taken slug is a 409 and nothing is written. */
  async function store(article: NewArticle, drafts: BlockDraft[], origin: RevisionOrigin): Promise<Article> {
    const document = composeDocument(article.slug, drafts);
    if (!document.blocks.some((block) => block.kind === 'paragraph')) {
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

  async function fetchPage(url: string): Promise<{ html: string; url: string }> {
    if (!options.fetcher) throw new UnprocessableError('Fetching pages is not available on this server.');
    const page = await options.fetcher.fetchHtml(url);
    return { html: page.text, url: page.url };
  }

  /** Plain text, HTML or a fetched page, as blocks and metadata: nothing is stored. */
  async function draftOf(input: CreateArticleInput): Promise<ArticleDraft> {
    if (input.text !== undefined) {
      const title = input.title!;
      const drafts = draftsFromPlainText(title, input.text);
      return { title, byline: input.byline, publishedAt: input.publishedAt, sourceUrl: input.sourceUrl, drafts, digest: digestOf(title, drafts) };
    }
    const page = input.html !== undefined ? { html: input.html, url: input.sourceUrl ?? undefined } : await fetchPage(input.url!);
    const draft = draftFromExtraction(await extract(page.html, page.url), {
      title: input.title,
      byline: input.byline ?? undefined,
      publishedAt: input.publishedAt ?? undefined,
    });
    return { ...draft, sourceUrl: input.sourceUrl ?? draft.sourceUrl };
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

  /** The blocks an update would give the article (fetching its source again if asked), and its new metadata. */
  async function updateDraft(article: Article, input: UpdateArticleInput): Promise<{ draft: ArticleDraft; origin: RevisionOrigin }> {
    const keep = {
      title: input.title ?? article.title,
      byline: input.byline === undefined ? article.byline : input.byline,
      publishedAt: input.publishedAt === undefined ? article.publishedAt : input.publishedAt,
      sourceUrl: input.sourceUrl === undefined ? article.sourceUrl : input.sourceUrl,
    };
    if (input.text !== undefined) {
      // The body is replaced; the lead (standfirst, lead caption) stays, under the (new) headline.
      const lead = article.blocks
        .slice(1, leadLength(article.blocks))
        .map((block): BlockDraft => ({ kind: block.kind, text: article.text.slice(block.start, block.end), credit: block.credit ?? undefined }));
      const [headline, ...body] = draftsFromPlainText(keep.title, input.text);
      const drafts = [headline, ...lead, ...body];
      return { draft: { ...keep, drafts, digest: digestOf(keep.title, drafts) }, origin: 'text' };
    }
    let page: { html: string; url?: string };
    if (input.html !== undefined) page = { html: input.html, url: keep.sourceUrl ?? undefined };
    else {
      if (!keep.sourceUrl) throw new UnprocessableError('This article has no source address to fetch again; give its HTML or text instead.');
      page = await fetchPage(keep.sourceUrl);
    }
    const extracted = await extract(page.html, page.url);
    const draft = draftFromExtraction(extracted, {
      title: input.title ?? extracted.title ?? article.title,
      byline: input.byline === undefined ? (extracted.byline ?? article.byline) : input.byline,
      publishedAt: input.publishedAt === undefined ? (extracted.publishedAt ?? article.publishedAt) : input.publishedAt,
    });
    return {
      draft: { ...draft, sourceUrl: input.sourceUrl === undefined ? (extracted.canonicalUrl ?? article.sourceUrl) : input.sourceUrl },
      origin: input.html !== undefined ? 'html' : 'source',
    };
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
      return draftOf(parseInput(CreateArticleInput, raw));
    },

    /**
     * A new article from text, HTML or an address. `expectedDigest` (from a preview) makes the
     * save refuse with a 409 when the page no longer gives what the editor saw.
     */
    async create(raw: CreateArticleInput, createdBy: number | null, expectedDigest?: string): Promise<Article> {
      const input = parseInput(CreateArticleInput, raw);
      const draft = await draftOf(input);
      if (expectedDigest && expectedDigest !== draft.digest)
        throw new ConflictError('The page changed since the preview: preview it again, check what was found, then save.');
      return store(
        {
          slug: input.slug ?? slugify(draft.title),
          title: draft.title,
          byline: draft.byline,
          authorBio: null,
          publishedAt: draft.publishedAt,
          sourceUrl: draft.sourceUrl,
          publisherName: null,
          publisherTagline: null,
          createdBy,
        },
        draft.drafts,
        'import',
      );
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
      const { draft, origin } = await updateDraft(article, input);
      const meta = { title: draft.title, byline: draft.byline, publishedAt: draft.publishedAt, sourceUrl: draft.sourceUrl };
      let written: WrittenRevision | null = null;
      let anchoring: AnchoringCounts | null = null;
      await db.transaction(async (tx) => {
        const current = await repo.lockArticle(tx, article.id);
        const previous = await revisions.findRevision(tx, article.id, current.revision);
        const number = current.revision + 1;
        const document = composeDocument(article.slug, draft.drafts, { sentences: previous?.sentences ?? article.sentences, salt: String(number) });
        if (!document.blocks.some((block) => block.kind === 'paragraph'))
          throw new UnprocessableError('The article would have no body text to check: keep at least one paragraph.');
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
