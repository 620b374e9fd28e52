import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DomDocument, DomElement } from './dom';
import { normaliseDate } from '../lib/dates';
import { pageMetadata, type PageMetadata } from './page-metadata';
import { MAX_PAGE_DEPTH, MAX_PAGE_ELEMENTS, measurePage } from './page-bounds';
import { UnprocessableError } from '../lib/errors';
import { articleBlocks, lineText, type ExtractedBlock } from './article-blocks';
import { cleanByline, isBylineLine, isDateLine } from './bylines';
import { removeFurniture } from './page-furniture';
import { assessImport, importWarnings, pageWordCount, type ImportQuality } from './import-quality';

export { EXTRACTED_BLOCK_KINDS, type ExtractedBlock, type ExtractedBlockKind } from './article-blocks';

/**
 * What an HTML news page holds, as Factline stores articles: the article's own text cut into
 * blocks, the metadata a newsroom needs (title, byline, date, canonical address), and what an
 * editor should check before saving (`warnings`).
 *
 * Mozilla's Readability (Firefox's Reader View) finds the article body over a server-side DOM
 * (linkedom) and Factline keeps what it keeps: nothing is removed from the page before it runs
 * (a page's own names cannot tell a share bar from the `<main>` that holds the article), the
 * little furniture it may keep is removed from its result (page-furniture.ts), and its result
 * becomes blocks as a reader sees them (article-blocks.ts). A standfirst or a photo caption that
 * Readability leaves out is left out too. No regular expression ever reads HTML.
 */
export interface ExtractedArticle extends PageMetadata {
  blocks: ExtractedBlock[];
  /** How the find compares with the page (import-quality.ts): what decides whether it may be stored. */
  quality: ImportQuality;
  /** What looks wrong with what was found (too little of the page, mostly links), for the editor to check. */
  warnings: string[];
}

/** Where news sites mark the standfirst (dek) under the headline: a block Readability keeps there is a standfirst, not a paragraph. */
const STANDFIRST = [
  '[class*="standfirst"]',
  '[class*="dek"]',
  '[class*="subheadline"]',
  '[class*="sub-headline"]',
  '[class*="subtitle"]',
  '[itemprop="description"]',
  '[class*="article-summary"]',
].join(',');

/** The first block of the content is the standfirst when the page marks it as one. */
function markStandfirst(content: DomElement, blocks: ExtractedBlock[]): ExtractedBlock[] {
  const marked = lineText(content.querySelector(STANDFIRST));
  const first = blocks.findIndex((block) => block.kind !== 'heading');
  if (!marked || first === -1 || first > 1 || blocks[first].kind !== 'paragraph' || blocks[first].text !== marked) return blocks;
  return blocks.map((block, index) => (index === first ? { ...block, kind: 'standfirst' } : block));
}

const comparable = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Drops what the page's metadata already gives (the headline, the byline's and the date's lines) and empty blocks. */
function withoutRepeats(blocks: ExtractedBlock[], meta: PageMetadata): ExtractedBlock[] {
  const title = meta.title ? comparable(meta.title) : null;
  return blocks.filter((block, index) => {
    const text = comparable(block.text);
    if (text === '') return false;
    if (block.kind === 'heading' && index <= 1 && text === title) return false;
    if (index <= 4 && block.kind !== 'quote' && (isBylineLine(block.text, meta.byline) || isDateLine(block.text))) return false;
    return true;
  });
}

/** A page past the bounds of page-bounds.ts is refused before Readability runs, with what to do instead. */
function refuseHostileShape(root: DomElement): void {
  const shape = measurePage(root);
  if (shape.over === 'depth')
    throw new UnprocessableError(
      `This page nests its elements more than ${MAX_PAGE_DEPTH} levels deep, which no news page needs; Factline does not read it. Paste the article's text instead.`,
    );
  if (shape.over === 'elements')
    throw new UnprocessableError(
      `This page has more than ${MAX_PAGE_ELEMENTS.toLocaleString('en-US')} elements; Factline does not read it. Paste the article's text instead.`,
    );
}

const EMPTY = (pageUrl?: string): ExtractedArticle => ({
  title: null,
  byline: null,
  publishedAt: null,
  canonicalUrl: pageUrl ?? null,
  siteName: null,
  blocks: [],
  quality: { words: 0, pageWords: 0, linkShare: 0 },
  warnings: [],
});

/**
 * Extracts the article from an HTML page. `pageUrl` (where the page was fetched, if it was)
 * resolves relative canonical addresses and is the fallback for the canonical address.
 */
export function extractArticle(html: string, pageUrl?: string): ExtractedArticle {
  const parsed = parseHTML(html).document;
  const document = parsed as unknown as DomDocument;
  if (!document.documentElement) return EMPTY(pageUrl);
  refuseHostileShape(document.documentElement);
  const meta = pageMetadata(document, pageUrl);
  const pageWords = pageWordCount(document.body);
  const firstHeading = lineText(document.querySelector('h1')) || null;

  let result: ReturnType<Readability<DomElement>['parse']> = null;
  try {
    result = new Readability<DomElement>(parsed as never, { serializer: (node) => node as unknown as DomElement, keepClasses: true }).parse();
  } catch {
    result = null; // a page Readability cannot read (no body at all) has no article text: the caller says so
  }
  const content = result?.content ?? null;
  if (content) removeFurniture(content);
  const blocks = content ? markStandfirst(content, articleBlocks(content)) : [];

  const merged: PageMetadata = {
    ...meta,
    // Readability's title (JSON-LD, Open Graph and the like, else <title> with the site's name taken off), then the page's own metadata, then the first <h1>.
    title: (result?.title?.trim() || null) ?? meta.title ?? firstHeading,
    byline: cleanByline(meta.byline) ?? cleanByline(result?.byline),
    publishedAt: meta.publishedAt ?? normaliseDate(result?.publishedTime ?? null),
  };
  const article = withoutRepeats(blocks, merged);
  const quality = assessImport({ blocks: article, pageWords, linkShare: content ? linkShare(content) : 0 });
  return { ...merged, blocks: article, quality, warnings: importWarnings(quality) };
}

/** How much of the content's text is the text of links (navigation is mostly links; articles are not). */
function linkShare(content: DomElement): number {
  const all = (content.textContent ?? '').replace(/\s+/g, '').length;
  if (all === 0) return 0;
  const linked = Array.from(content.querySelectorAll('a')).reduce((sum, link) => sum + (link.textContent ?? '').replace(/\s+/g, '').length, 0);
  return Math.min(1, linked / all);
}
