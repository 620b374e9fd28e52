import search from 'approx-string-match';
import { QUOTE_AND_DASH_FOLDS } from '../lib/typography';
import { wrapPieces, type TextPiece } from './wrap-text';

/**
 * Anchoring a quote in a page Factline does not control: the publisher's markup splits text
 * across links, emphasis and footnote markers, spaces it differently and may use other quote
 * marks. The page's text is read once into a normalised string (typography folded, white space
 * collapsed, a space between blocks), each character remembering where it came from; the quote is
 * normalised the same way and found exactly (the stored prefix and suffix choose between
 * repeats), else approximately (at most a tenth of it different). Two equally good places mean
 * the quote is not drawn: a highlight on the wrong words is worse than none.
 */
export interface TextMap {
  text: string;
  /** Where each character of `text` came from; null for a space that stands for a block boundary. */
  origins: ({ node: Text; offset: number } | null)[];
}

const FOLD = QUOTE_AND_DASH_FOLDS;
const SPACE = /[\s\u00a0\u2009\u202f\u200b]/;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE', 'SVG', 'IFRAME', 'SELECT']);
const BLOCK = /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|FIGCAPTION|FIGURE|SECTION|ARTICLE|HEADER|FOOTER|TD|TH|TR|DT|DD|BR|PRE|MAIN|ASIDE|NAV)$/;

export function normalise(value: string): string {
  let out = '';
  for (const c of value) {
    const folded = FOLD[c] ?? c;
    if (SPACE.test(folded)) {
      if (out !== '' && !out.endsWith(' ')) out += ' ';
    } else out += folded;
  }
  return out.trimEnd();
}

/** The page's text under `root`, normalised, with each character's origin; `skip` leaves out Factline's own elements. */
export function readText(root: Node, skip: (element: Element) => boolean): TextMap {
  const map: TextMap = { text: '', origins: [] };
  const space = (origin: TextMap['origins'][number]) => {
    if (map.text !== '' && !map.text.endsWith(' ')) {
      map.text += ' ';
      map.origins.push(origin);
    }
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      for (let i = 0; i < text.data.length; i++) {
        const folded = FOLD[text.data[i]] ?? text.data[i];
        if (SPACE.test(folded)) space({ node: text, offset: i });
        else {
          map.text += folded;
          map.origins.push({ node: text, offset: i });
        }
      }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (SKIP.has(element.tagName.toUpperCase()) || skip(element)) return;
    const block = BLOCK.test(element.tagName.toUpperCase());
    if (block) space(null);
    for (const child of Array.from(element.childNodes)) walk(child);
    if (block) space(null);
  };
  walk(root);
  return map;
}

/** How many characters of `a` and `b` agree, compared from their ends (`fromEnd`) or their starts. */
function agreement(a: string, b: string, fromEnd: boolean): number {
  let n = 0;
  while (n < a.length && n < b.length && (fromEnd ? a[a.length - 1 - n] === b[b.length - 1 - n] : a[n] === b[n])) n++;
  return n;
}

export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** The normalised span [start, end) of the quote in the map's text, or null when absent or ambiguous. */
export function findQuote(map: TextMap, selector: QuoteSelector): { start: number; end: number } | null {
  const quote = normalise(selector.exact);
  if (quote.length < 2) return null;
  const prefix = normalise(selector.prefix ?? '');
  const suffix = normalise(selector.suffix ?? '');
  let candidates: { start: number; end: number; errors: number }[] = [];
  for (let at = map.text.indexOf(quote); at !== -1 && candidates.length < 200; at = map.text.indexOf(quote, at + 1))
    candidates.push({ start: at, end: at + quote.length, errors: 0 });
  if (candidates.length === 0) candidates = search(map.text, quote, Math.max(1, Math.floor(quote.length / 10))).slice(0, 200);
  if (candidates.length === 0) return null;
  const scored = candidates
    .map((c) => {
      const before = map.text.slice(Math.max(0, c.start - prefix.length - 1), c.start).trimEnd();
      const after = map.text.slice(c.end, c.end + suffix.length + 1);
      return { ...c, score: agreement(before, prefix, true) + agreement(after.trimStart(), suffix, false) - 4 * c.errors };
    })
    .sort((a, b) => b.score - a.score);
  if (scored.length > 1 && scored[1].score === scored[0].score && !(scored[1].start < scored[0].end && scored[0].start < scored[1].end)) return null;
  return { start: scored[0].start, end: scored[0].end };
}

/**
 * Wraps the span's characters in `make()` elements, one per text node it crosses (links,
 * emphasis and footnote markers keep their own elements around or inside). Returns the elements.
 */
export function wrapSpan(map: TextMap, span: { start: number; end: number }, make: () => HTMLElement): HTMLElement[] {
  const pieces: TextPiece[] = [];
  for (let i = span.start; i < span.end; i++) {
    const origin = map.origins[i];
    if (!origin) continue;
    const last = pieces[pieces.length - 1];
    // Within one text node the span is contiguous: collapsed white space between two of its characters belongs to it.
    if (last && last.node === origin.node) last.to = origin.offset + 1;
    else pieces.push({ node: origin.node, from: origin.offset, to: origin.offset + 1 });
  }
  // A piece that is only collapsed white space at a node's edge is left alone (unless it is all there is).
  return wrapPieces(
    pieces.filter((piece) => pieces.length === 1 || piece.node.data.slice(piece.from, piece.to).trim() !== ''),
    make,
  );
}
