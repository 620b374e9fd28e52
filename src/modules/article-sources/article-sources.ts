import { UnprocessableError } from '../../lib/errors';
import type { Extract } from '../../extraction/extraction-pool';
import type { SafeFetcher } from '../../outbound/safe-fetch';
import { draftsFromPlainText, leadLength, type ArticleSources, type BlockDraft } from '../articles';
import { digestOf, draftFromExtraction } from './page-drafts';

export interface ArticleSourcesOptions {
  /** The one SSRF-safe fetcher (src/outbound): imports and updates from an address go through it. */
  fetcher?: SafeFetcher;
  /** Reads HTML pages; the app hands in the worker-thread extractor (extraction-pool.ts), so no page blocks the event loop. */
  extract?: Extract;
}

/**
 * Where an article's text comes from: plain text, pasted HTML, or a page fetched through the safe
 * fetcher and read by extraction. Drafts only; the articles service stores them.
 */
export function createArticleSources(options: ArticleSourcesOptions = {}): ArticleSources {
  // Without the worker (CLI, tests), pages are read in this thread; Readability and linkedom are loaded then, never by a server.
  const extract: Extract = options.extract ?? (async (html, url) => (await import('../../extraction/html-article')).extractArticle(html, url));

  async function fetchPage(url: string): Promise<{ html: string; url: string }> {
    if (!options.fetcher) throw new UnprocessableError('Fetching pages is not available on this server.');
    const page = await options.fetcher.fetchHtml(url);
    return { html: page.text, url: page.url };
  }

  return {
    async draftOf(input) {
      if (input.text !== undefined) {
        const title = input.title!;
        const drafts = draftsFromPlainText(title, input.text);
        return {
          title,
          byline: input.byline,
          publishedAt: input.publishedAt,
          sourceUrl: input.sourceUrl,
          drafts,
          digest: digestOf(title, drafts),
          warnings: [],
        };
      }
      const page = input.html !== undefined ? { html: input.html, url: input.sourceUrl ?? undefined } : await fetchPage(input.url!);
      const draft = draftFromExtraction(await extract(page.html, page.url), {
        title: input.title,
        byline: input.byline ?? undefined,
        publishedAt: input.publishedAt ?? undefined,
      });
      return { ...draft, sourceUrl: input.sourceUrl ?? draft.sourceUrl };
    },

    async updateDraft(article, input) {
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
        return { draft: { ...keep, drafts, digest: digestOf(keep.title, drafts), warnings: [] }, origin: 'text' };
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
    },
  };
}
