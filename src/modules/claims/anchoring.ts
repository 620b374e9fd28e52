/**
 * Anchoring a claim in an article's text, after the W3C Web Annotation selectors: a
 * TextPositionSelector (start/end offsets) and a TextQuoteSelector (exact quote with prefix
 * and suffix context). Pure functions over the article's plain text.
 */
export const CONTEXT_LENGTH = 32;

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

export function anchorAt(text: string, start: number, end: number): Anchor {
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every place the quote occurs; when it does not occur verbatim, matches that differ only in whitespace. */
function occurrences(text: string, exact: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push({ start: at, end: at + exact.length });
  if (found.length > 0) return found;
  const words = exact.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return found;
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'g');
  for (const match of text.matchAll(pattern)) found.push({ start: match.index, end: match.index + match[0].length });
  return found;
}

function contextScore(text: string, start: number, end: number, selector: QuoteSelector): number {
  let score = 0;
  if (selector.prefix && text.slice(0, start).endsWith(selector.prefix)) score += 2;
  if (selector.suffix && text.slice(end).startsWith(selector.suffix)) score += 2;
  return score;
}

/**
 * Finds the quote: the given offsets when they hold exactly the quote; otherwise the occurrence
 * whose prefix and suffix match best, then the one nearest the given start, then the first.
 * Null when the quote is not in the text.
 */
export function anchorQuote(text: string, selector: QuoteSelector): Anchor | null {
  const { exact, start, end } = selector;
  if (start !== undefined && end !== undefined && end > start && text.slice(start, end) === exact) return anchorAt(text, start, end);
  const candidates = occurrences(text, exact);
  if (candidates.length === 0) return null;
  const hint = start ?? 0;
  candidates.sort(
    (a, b) => contextScore(text, b.start, b.end, selector) - contextScore(text, a.start, a.end, selector) || Math.abs(a.start - hint) - Math.abs(b.start - hint),
  );
  return anchorAt(text, candidates[0].start, candidates[0].end);
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
