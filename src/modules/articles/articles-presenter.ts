import { groupBy } from '../../lib/collections';
import { leadLength } from './article-document';
import type { Article, ArticleRevision, ArticleSummary } from './articles-types';

/** GET /api/v1/articles/:slug — offsets index into `text`; blocks list their sentences' ids. With `revision`, that revision's text. */
export function articleJson(current: Article, revision?: ArticleRevision) {
  const article: Article = revision
    ? { ...current, text: revision.text, blocks: revision.blocks, sentences: revision.sentences, revision: revision.number }
    : current;
  const byBlock = groupBy(article.sentences, (s) => s.blockPosition);
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    byline: article.byline,
    authorBio: article.authorBio,
    publishedAt: article.publishedAt,
    sourceUrl: article.sourceUrl,
    publisher: { name: article.publisherName, tagline: article.publisherTagline },
    createdAt: article.createdAt,
    revision: article.revision,
    currentRevision: current.revision,
    text: article.text,
    blocks: article.blocks.map((block) => ({
      kind: block.kind,
      index: block.position,
      start: block.start,
      end: block.end,
      ...(block.credit ? { credit: block.credit } : {}),
      sentences: (byBlock.get(block.position) ?? []).map((s) => s.id),
    })),
    sentences: article.sentences.map((s) => ({ id: s.id, index: s.position, blockIndex: s.blockPosition, text: s.text, start: s.start, end: s.end })),
  };
}

export function articleSummaryJson(article: ArticleSummary) {
  return { id: article.id, slug: article.slug, title: article.title, byline: article.byline, publishedAt: article.publishedAt, createdAt: article.createdAt };
}

/** A human date for a stored date or date-time ("November 23, 2023"). */
export function dateLabel(value: string | null): string | null {
  if (!value) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A run of a block's text: a sentence (with its id) or the spacing between two sentences. */
export interface TextPart {
  id: string | null;
  text: string;
  start: number;
  end: number;
}

export interface BlockView {
  kind: Article['blocks'][number]['kind'];
  credit: string | null;
  parts: TextPart[];
}

/** Cuts each block into sentence parts and the exact text between them, so the page's text is the article's text. */
function blockViews(article: Article): BlockView[] {
  const byBlock = groupBy(article.sentences, (s) => s.blockPosition);
  return article.blocks.map((block) => {
    const parts: TextPart[] = [];
    let cursor = block.start;
    for (const sentence of byBlock.get(block.position) ?? []) {
      if (sentence.start > cursor) parts.push({ id: null, text: article.text.slice(cursor, sentence.start), start: cursor, end: sentence.start });
      parts.push({ id: sentence.id, text: sentence.text, start: sentence.start, end: sentence.end });
      cursor = sentence.end;
    }
    if (cursor < block.end) parts.push({ id: null, text: article.text.slice(cursor, block.end), start: cursor, end: block.end });
    return { kind: block.kind, credit: block.credit, parts };
  });
}

/**
 * The body after the lead (headline, standfirst and lead caption are shown in the header), with
 * consecutive list items gathered into one list.
 */
export type BodyItem = BlockView | { kind: 'list'; items: BlockView[] };

function bodyOf(blocks: BlockView[], shownInHeader: Set<BlockView>): BodyItem[] {
  const body: BodyItem[] = [];
  for (const block of blocks.filter((b) => !shownInHeader.has(b))) {
    const last = body[body.length - 1];
    if (block.kind === 'list-item') {
      if (last?.kind === 'list') last.items.push(block);
      else body.push({ kind: 'list', items: [block] });
    } else body.push(block);
  }
  return body;
}

export function articlePage(article: Article) {
  const blocks = blockViews(article);
  const lead = blocks.slice(0, leadLength(article.blocks));
  const headline = lead.find((b) => b.kind === 'headline') ?? null;
  const standfirst = lead.find((b) => b.kind === 'standfirst') ?? null;
  const caption = lead.find((b) => b.kind === 'caption') ?? null;
  const shownInHeader = new Set([headline, standfirst, caption].filter((b): b is BlockView => b !== null));
  return {
    title: article.title,
    article: {
      slug: article.slug,
      revision: article.revision,
      byline: article.byline,
      authorBio: article.authorBio,
      publishedAt: article.publishedAt,
      publishedLabel: dateLabel(article.publishedAt),
      sourceUrl: article.sourceUrl,
      publisherTagline: article.publisherTagline,
      headline,
      standfirst,
      caption,
      body: bodyOf(blocks, shownInHeader),
      sentenceCount: article.sentences.length,
    },
  };
}

export function articleListPage(page: { articles: ArticleSummary[]; next: string | null }, isFirstPage: boolean) {
  return {
    title: 'Articles',
    articles: page.articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      byline: a.byline,
      publishedAt: a.publishedAt,
      publishedLabel: dateLabel(a.publishedAt),
    })),
    olderHref: page.next ? `/?after=${encodeURIComponent(page.next)}` : null,
    newestHref: isFirstPage ? null : '/',
  };
}
