import { groupBy } from '../../lib/collections';
import type { Article, ArticleSummary } from './articles-types';

/** GET /api/v1/articles/:slug — offsets index into `text`; blocks list their sentences' ids. */
export function articleJson(article: Article) {
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

export function articlePage(article: Article) {
  const blocks = blockViews(article);
  return {
    title: article.title,
    article: {
      slug: article.slug,
      byline: article.byline,
      authorBio: article.authorBio,
      publishedAt: article.publishedAt,
      publishedLabel: dateLabel(article.publishedAt),
      sourceUrl: article.sourceUrl,
      publisherTagline: article.publisherTagline,
      headline: blocks.find((b) => b.kind === 'headline') ?? null,
      standfirst: blocks.find((b) => b.kind === 'standfirst') ?? null,
      caption: blocks.find((b) => b.kind === 'caption') ?? null,
      body: blocks.filter((b) => b.kind === 'heading' || b.kind === 'paragraph'),
      sentenceCount: article.sentences.length,
    },
  };
}

export function articleListPage(articles: ArticleSummary[]) {
  return {
    title: 'Articles',
    articles: articles.map((a) => ({ slug: a.slug, title: a.title, byline: a.byline, publishedAt: a.publishedAt, publishedLabel: dateLabel(a.publishedAt) })),
  };
}
