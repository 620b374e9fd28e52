import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DomDocument, DomElement } from './dom';
import { normaliseDate } from '../lib/dates';
import { pageMetadata, type PageMetadata } from './page-metadata';
import { MAX_PAGE_DEPTH, MAX_PAGE_ELEMENTS, measurePage } from './page-bounds';
import { UnprocessableError } from '../lib/errors';

/**
 * What an HTML news page holds, as Factline stores articles: the article's own text cut into
 * blocks, and the metadata a newsroom needs (title, byline, date, canonical address).
 *
 * Mozilla's Readability (Firefox's Reader View) finds the article body over a server-side DOM
 * (linkedom); this file only removes page furniture Readability might keep (share bars, ads,
 * newsletter boxes) before it runs and maps its result to blocks after. No regular expression
 * ever reads HTML here: every decision is made on DOM elements.
 */
export const EXTRACTED_BLOCK_KINDS = ['standfirst', 'caption', 'heading', 'paragraph', 'list-item', 'quote'] as const;
export type ExtractedBlockKind = (typeof EXTRACTED_BLOCK_KINDS)[number];

export interface ExtractedBlock {
  kind: ExtractedBlockKind;
  text: string;
  credit?: string;
}

export interface ExtractedArticle extends PageMetadata {
  blocks: ExtractedBlock[];
}

/** Page furniture that is never article text, whatever Readability thinks of it. */
const FURNITURE = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'footer',
  'aside',
  'dialog',
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="banner"]',
  '[role="dialog"]',
  '[class*="share"]',
  '[class*="social"]',
  '[class*="advert"]',
  '[class~="ad"]',
  '[class*="ad-slot"]',
  '[class*="ad-container"]',
  '[id^="ad-"]',
  '[class*="newsletter"]',
  '[class*="related"]',
  '[class*="promo"]',
  '[class*="subscribe"]',
  '[class*="paywall"]',
  '[class*="cookie"]',
  '[class*="comments"]',
].join(',');

/** Where news sites put the standfirst (dek) under the headline. */
const STANDFIRST = [
  '[class*="standfirst"]',
  '[class*="dek"]',
  '[class*="subheadline"]',
  '[class*="sub-headline"]',
  '[class*="subtitle"]',
  '[itemprop="description"]',
  '[class*="article-summary"]',
].join(',');

const CREDIT = '[class*="credit"],[class*="copyright"],[class*="source"],[class*="photographer"]';
const MAX_STANDFIRST_CHARS = 600;

/** Text as a reader sees it: runs of white space (line breaks in the markup included) become one space. */
function visibleText(node: DomElement | null | undefined): string {
  return (node?.textContent ?? '').replace(/[ \t\r\n\f\v]+/g, ' ').trim();
}

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const CONTAINERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'UL', 'OL', 'FIGURE', 'SPAN', 'TABLE', 'TBODY', 'THEAD', 'TR', 'TD', 'TH', 'DL']);

/** An element's text without the lists nested in it (their items are blocks of their own). */
function ownListItemText(item: DomElement): string {
  const copy = item.cloneNode(true) as DomElement;
  for (const nested of Array.from(copy.querySelectorAll('ul,ol'))) nested.remove();
  return visibleText(copy);
}

function captionBlock(figcaption: DomElement): ExtractedBlock {
  const copy = figcaption.cloneNode(true) as DomElement;
  const credits = Array.from(copy.querySelectorAll(CREDIT));
  const credit = credits.map(visibleText).filter(Boolean).join(' ');
  for (const element of credits) element.remove();
  const text = visibleText(copy);
  return text ? { kind: 'caption', text, ...(credit ? { credit } : {}) } : { kind: 'caption', text: credit };
}

/** Walks the article's content in reading order, one block per paragraph-like element. */
function collectBlocks(root: DomElement, blocks: ExtractedBlock[]): void {
  for (const child of Array.from(root.children)) {
    const tag = child.tagName.toUpperCase();
    if (HEADINGS.has(tag)) blocks.push({ kind: 'heading', text: visibleText(child) });
    else if (tag === 'P' || tag === 'PRE' || tag === 'ADDRESS' || tag === 'DD' || tag === 'DT') blocks.push({ kind: 'paragraph', text: visibleText(child) });
    else if (tag === 'LI') {
      blocks.push({ kind: 'list-item', text: ownListItemText(child) });
      for (const nested of Array.from(child.children).filter((c) => c.tagName === 'UL' || c.tagName === 'OL')) collectBlocks(nested, blocks);
    } else if (tag === 'BLOCKQUOTE') {
      const paragraphs = Array.from(child.querySelectorAll('p'));
      if (paragraphs.length === 0) blocks.push({ kind: 'quote', text: visibleText(child) });
      for (const paragraph of paragraphs) blocks.push({ kind: 'quote', text: visibleText(paragraph) });
    } else if (tag === 'FIGCAPTION') blocks.push(captionBlock(child));
    else if (CONTAINERS.has(tag)) {
      if (child.children.length === 0) blocks.push({ kind: 'paragraph', text: visibleText(child) });
      else collectBlocks(child, blocks);
    }
  }
}

const comparable = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Drops what the page's metadata already gives (the headline, the byline line) and empty blocks. */
function withoutRepeats(blocks: ExtractedBlock[], meta: PageMetadata, standfirst: string | null): ExtractedBlock[] {
  const title = meta.title ? comparable(meta.title) : null;
  const byline = meta.byline ? comparable(meta.byline) : null;
  const dek = standfirst ? comparable(standfirst) : null;
  return blocks.filter((block, index) => {
    if (block.text === '') return false;
    const text = comparable(block.text);
    if (text === '') return false;
    if (block.kind === 'heading' && index <= 1 && text === title) return false;
    if (byline && (text === byline || text === `by ${byline}`)) return false;
    if (dek && text === dek) return false;
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

/**
 * Extracts the article from an HTML page. `pageUrl` (where the page was fetched, if it was)
 * resolves relative canonical addresses and is the fallback for the canonical address.
 */
export function extractArticle(html: string, pageUrl?: string): ExtractedArticle {
  const parsed = parseHTML(html).document;
  const document = parsed as unknown as DomDocument;
  if (!document.documentElement) return { title: null, byline: null, publishedAt: null, canonicalUrl: pageUrl ?? null, siteName: null, blocks: [] };
  refuseHostileShape(document.documentElement);
  const readabilityMeta = { title: null as string | null, byline: null as string | null, publishedTime: null as string | null };
  const meta = pageMetadata(document, pageUrl);

  for (const element of Array.from(document.querySelectorAll(FURNITURE))) element.remove();
  const standfirstElement = document.querySelector(STANDFIRST);
  const standfirstText = visibleText(standfirstElement);
  const standfirst = standfirstText && standfirstText.length <= MAX_STANDFIRST_CHARS ? standfirstText : null;
  // Readability often leaves the lead photo out (little text); its caption is article text all the same.
  const leadFigcaption = document.querySelector('article figure figcaption') ?? document.querySelector('main figure figcaption');
  const leadCaption = leadFigcaption ? captionBlock(leadFigcaption) : null;

  let result: ReturnType<Readability<DomElement>['parse']> = null;
  try {
    result = new Readability<DomElement>(parsed as never, { serializer: (node) => node as unknown as DomElement, keepClasses: true }).parse();
  } catch {
    result = null; // a page Readability cannot read (no body at all) has no article text: the caller says so
  }
  readabilityMeta.title = result?.title ?? null;
  readabilityMeta.byline = result?.byline ?? null;
  readabilityMeta.publishedTime = result?.publishedTime ?? null;

  const blocks: ExtractedBlock[] = [];
  if (result?.content) collectBlocks(result.content, blocks);
  const merged: PageMetadata = {
    ...meta,
    title: meta.title ?? (readabilityMeta.title?.trim() || null),
    byline:
      meta.byline ??
      (readabilityMeta.byline
        ? readabilityMeta.byline
            .replace(/^by\s+/i, '')
            .trim()
            .slice(0, 200) || null
        : null),
    publishedAt: meta.publishedAt ?? normaliseDate(readabilityMeta.publishedTime),
  };
  const body = withoutRepeats(blocks, merged, standfirst);
  const lead: ExtractedBlock[] = [];
  if (standfirst) lead.push({ kind: 'standfirst', text: standfirst });
  if (leadCaption?.text && !body.some((block) => block.kind === 'caption' && block.text === leadCaption.text)) lead.push(leadCaption);
  return { ...merged, blocks: [...lead, ...body] };
}
