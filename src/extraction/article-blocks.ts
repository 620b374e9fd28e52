import type { DomElement, DomNode } from './dom';

/**
 * An article's content (what Readability kept) as Factline's blocks, the way a reader sees it:
 * block elements make blocks and everything inline runs on within one, as a browser lays it
 * out. A `<span>` or `<a>` never starts a block; a `<br>` ends a line (each line its own block,
 * so words on either side never run together); a block quote keeps everything in it, lists,
 * preformatted text and all; a heading, list item or table cell is a block of its own kind.
 */
export const EXTRACTED_BLOCK_KINDS = ['standfirst', 'caption', 'heading', 'paragraph', 'list-item', 'quote'] as const;
export type ExtractedBlockKind = (typeof EXTRACTED_BLOCK_KINDS)[number];

export interface ExtractedBlock {
  kind: ExtractedBlockKind;
  text: string;
  credit?: string;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that lay out as blocks (HTML's flow content that is not phrasing content). */
const BLOCK_ELEMENTS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Never text a reader sees (media, scripts, form controls). */
const NOT_TEXT = new Set([
  'AUDIO',
  'BUTTON',
  'CANVAS',
  'EMBED',
  'IFRAME',
  'IMG',
  'INPUT',
  'MATH',
  'NOSCRIPT',
  'OBJECT',
  'PICTURE',
  'SCRIPT',
  'SELECT',
  'STYLE',
  'SVG',
  'TEMPLATE',
  'TEXTAREA',
  'VIDEO',
]);

/** Where a caption's credit sits (photographer, agency, copyright). */
const CREDIT = '[class*="credit"],[class*="copyright"],[class*="source"],[class*="photographer"]';

/** Runs of white space (line breaks in the markup included) read as one space, as a browser shows them. */
const squeeze = (text: string) => text.replace(/[ \t\r\n\f\v]+/g, ' ').trim();

/** The kind a line of running text becomes where it stands. */
type LineKind = 'paragraph' | 'list-item' | 'quote';

class BlockWriter {
  readonly blocks: ExtractedBlock[] = [];
  /** The running text's lines ended by line breaks a reader sees, and the line being written. */
  private lines: string[] = [];
  private line = '';

  /** Text as the markup has it: its own line breaks are white space, not breaks a reader sees. */
  text(value: string): void {
    this.line += value;
  }

  /** A line break a reader sees (`<br>`, or a new line in preformatted text). */
  lineBreak(): void {
    this.lines.push(this.line);
    this.line = '';
  }

  /** Ends the running text: each of its lines that holds text becomes a block of `kind`. */
  end(kind: ExtractedBlockKind): void {
    this.lines.push(this.line);
    for (const part of this.lines) {
      const text = squeeze(part);
      if (text) this.blocks.push({ kind, text });
    }
    this.lines = [];
    this.line = '';
  }

  push(block: ExtractedBlock): void {
    if (block.text) this.blocks.push(block);
  }
}

function walk(parent: DomNode, out: BlockWriter, kind: LineKind): void {
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === TEXT_NODE) {
      out.text(node.textContent ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as DomElement;
    const tag = element.tagName.toUpperCase();
    if (NOT_TEXT.has(tag)) continue;
    if (tag === 'BR') out.lineBreak();
    else if (!BLOCK_ELEMENTS.has(tag))
      walk(element, out, kind); // inline: the text runs on; a block inside it ends the line itself
    else {
      out.end(kind);
      blockElement(element, tag, out, kind);
    }
  }
}

function blockElement(element: DomElement, tag: string, out: BlockWriter, kind: LineKind): void {
  if (HEADINGS.has(tag)) {
    walk(element, out, kind);
    out.end(kind === 'quote' ? 'quote' : 'heading');
  } else if (tag === 'LI') {
    walk(element, out, kind === 'quote' ? 'quote' : 'list-item');
    out.end(kind === 'quote' ? 'quote' : 'list-item');
  } else if (tag === 'BLOCKQUOTE') {
    walk(element, out, 'quote');
    out.end('quote');
  } else if (tag === 'PRE') {
    for (const line of (element.textContent ?? '').split('\n')) {
      out.text(line);
      out.lineBreak();
    }
    out.end(kind);
  } else if (tag === 'FIGCAPTION') out.push(captionBlock(element));
  else {
    walk(element, out, kind);
    out.end(kind);
  }
}

/** A figure's caption, with its credit apart when the page marks one. */
export function captionBlock(figcaption: DomElement): ExtractedBlock {
  const copy = figcaption.cloneNode(true) as DomElement;
  const credits = Array.from(copy.querySelectorAll(CREDIT));
  const credit = credits
    .map((element) => squeeze(element.textContent ?? ''))
    .filter(Boolean)
    .join(' ');
  for (const element of credits) element.remove();
  const text = lineText(copy);
  return text ? { kind: 'caption', text, ...(credit ? { credit } : {}) } : { kind: 'caption', text: credit };
}

/** The blocks of an article's content, in reading order. */
export function articleBlocks(content: DomElement): ExtractedBlock[] {
  const out = new BlockWriter();
  walk(content, out, 'paragraph');
  out.end('paragraph');
  return out.blocks;
}

/** An element's text on one line, as a reader sees it (line breaks read as spaces). */
export function lineText(element: DomElement | null | undefined): string {
  if (!element) return '';
  const out = new BlockWriter();
  walk(element, out, 'paragraph');
  out.end('paragraph');
  return out.blocks.map((block) => block.text).join(' ');
}
