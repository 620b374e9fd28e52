import { similarity } from '../../lib/similarity';
/**
 * Anchoring a claim in an article's text, after the W3C Web Annotation selectors: a
 * TextPositionSelector (start/end offsets) and a TextQuoteSelector (exact quote with prefix
 * and suffix context). Pure functions over the article's plain text.
 */
export const CONTEXT_LENGTH = 32;
/** Enough places for any real quote; a one-letter quote in a long article stops here instead of listing thousands. */
export const MAX_CANDIDATES = 1_000;

export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

export interface Anchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The anchor of a span, with up to CONTEXT_LENGTH UTF-16 units of context on each side. The
 * context never cuts a character in two: where the limit falls inside a surrogate pair (an emoji,
 * say), the context is one unit shorter, so it stays well-formed text that matches the article.
 */
export function anchorAt(text: string, start: number, end: number): Anchor {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart)) && isHighSurrogate(text.charCodeAt(prefixStart - 1))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1)) && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd -= 1;
  return { start, end, exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Up to MAX_CANDIDATES places the quote occurs (a quote that is not blank: the caller checks);
 * when it does not occur verbatim, matches that differ only in whitespace.
 */
function occurrences(text: string, exact: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = text.indexOf(exact); at !== -1 && found.length < MAX_CANDIDATES; at = text.indexOf(exact, at + 1))
    found.push({ start: at, end: at + exact.length });
  if (found.length > 0) return found;
  const words = exact.trim().split(/\s+/);
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'g');
  for (const match of text.matchAll(pattern)) {
    found.push({ start: match.index, end: match.index + match[0].length });
    if (found.length >= MAX_CANDIDATES) break;
  }
  return found;
}

/**
 * How well the text around an occurrence matches the selector's prefix and suffix, each scored
 * approximately (1 for the same text, less for an edited one), as Hypothesis scores context: a
 * prefix copied with a typo still says which of two occurrences was meant.
 */
function contextScore(text: string, start: number, end: number, selector: QuoteSelector, approximate: boolean): number {
  const { prefix, suffix } = selector;
  let score = 0;
  if (prefix) {
    if (start >= prefix.length && text.startsWith(prefix, start - prefix.length)) score += 1;
    else if (approximate) {
      const near = prefix.slice(-APPROXIMATE_CONTEXT);
      score += similarity(near, text.slice(Math.max(0, start - near.length), start));
    }
  }
  if (suffix) {
    if (text.startsWith(suffix, end)) score += 1;
    else if (approximate) {
      const near = suffix.slice(0, APPROXIMATE_CONTEXT);
      score += similarity(near, text.slice(end, end + near.length));
    }
  }
  return score;
}

/** Context is compared approximately over the characters nearest the quote, for so many occurrences at most (a bound on the work one request can ask for). */
const APPROXIMATE_CONTEXT = 32;
const MAX_APPROXIMATE_CANDIDATES = 1000;

/**
 * Finds the quote: the given offsets when they hold exactly the quote; otherwise the occurrence
 * whose prefix and suffix match best (approximately), then the one nearest the given start, then the first.
 * Null when the quote is blank or not in the text.
 */
export function anchorQuote(text: string, selector: QuoteSelector): Anchor | null {
  const { exact, start, end } = selector;
  if (exact.trim() === '') return null; // an empty quote addresses nothing (and would match everywhere)
  if (start !== undefined && end !== undefined && end > start && text.slice(start, end) === exact) return anchorAt(text, start, end);
  const candidates = occurrences(text, exact);
  if (candidates.length === 0) return null;
  const hint = start ?? 0;
  const approximate = candidates.length <= MAX_APPROXIMATE_CANDIDATES;
  const scored = candidates.map((c) => ({ ...c, score: contextScore(text, c.start, c.end, selector, approximate) }));
  scored.sort((a, b) => b.score - a.score || Math.abs(a.start - hint) - Math.abs(b.start - hint));
  return anchorAt(text, scored[0].start, scored[0].end);
}

/** Narrows a span to exclude leading and trailing whitespace. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Ids of the sentences a span overlaps, in reading order. */
export function sentencesTouching<T extends { id: string; start: number; end: number }>(sentences: T[], start: number, end: number): string[] {
  return sentences.filter((s) => s.start < end && s.end > start).map((s) => s.id);
}
