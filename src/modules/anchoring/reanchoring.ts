import search from 'approx-string-match';
import { keptStretches, type DiffPart, type KeptStretch } from '../../lib/text-diff';
import { QUOTE_AND_DASH_FOLDS } from '../../lib/typography';
import { anchorAt, trimSpan, type Anchor } from './anchoring';
import { similarity } from '../../lib/similarity';
import { negationsIn } from '../../lib/claim-words';

/**
 * Re-anchoring a claim when its article gets a new revision, after Hypothesis's fuzzy anchoring
 * of annotations on changed pages, with a newsroom's caution added: a claim is never moved onto
 * text that merely looks alike elsewhere. Pure functions over the two texts and their word diff.
 *
 * 1. Fast path: the word diff kept the claim's whole quote unchanged: it is where the diff put it.
 * 2. Otherwise every place the quote occurs approximately (at most 25 % of its characters
 *    different: Myers' bit-parallel search, the approx-string-match library Hypothesis uses) is
 *    a candidate, scored on how close its text is to the quote, how well the text around it
 *    matches the stored prefix and suffix, and whether it lies where the diff says the old quote
 *    went ("in place").
 * 3. A candidate may only be chosen if it is in place, or its context matches (at least half),
 *    or it is the quote's only verbatim occurrence and long enough to be distinctive. When two
 *    eligible places score within AMBIGUITY_MARGIN of each other the claim is orphaned, not guessed.
 * 4. The status compares the new quote with the quote as checked: the same text (after folding
 *    typography: curly and straight quotes, dashes, non-breaking spaces) is `exact` at the same
 *    offsets and `moved` elsewhere; different text is `fuzzy` with its similarity, or `orphaned`
 *    below MIN_QUOTE_SIMILARITY.
 */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';
export const ANCHOR_STATUSES: readonly AnchorStatus[] = ['exact', 'moved', 'fuzzy', 'orphaned'];

/** A quote this different from the one checked is no longer the claim that was checked. */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** How much of the prefix and suffix must match for a candidate outside the quote's old place. */
export const MIN_CONTEXT_SIMILARITY = 0.5;
/** Two candidates closer than this in score are a tie: the claim is orphaned. */
export const AMBIGUITY_MARGIN = 0.1;
/** A verbatim quote at least this long that occurs once is distinctive enough to follow anywhere. */
export const MIN_DISTINCTIVE_LENGTH = 32;
/** How far (in characters) a candidate may lie from where the old quote went and still be "in place". */
const IN_PLACE_SLACK = 16;
/** How much of what replaced the old quote a candidate must cover to be "in place". */
const MIN_REPLACEMENT_COVERAGE = 0.5;
/** A long quote found only once anywhere, this alike, is followed even without its context (a sentence moved and corrected). */
const MIN_UNIQUE_SIMILARITY = 0.9;
const MAX_ERRORS = 500;
/** A short quote can match approximately in thousands of places; the best few hundred decide. */
const MAX_PLACES = 200;

export interface CurrentAnchor extends Anchor {
  status: AnchorStatus;
  /** The quote as it was checked (or last confirmed by an editor). */
  checkedExact: string;
}

export interface Reanchored {
  status: AnchorStatus;
  /** The new anchor; for an orphaned claim, the last one it had. */
  anchor: Anchor;
  /** For a fuzzy anchor: how alike the new quote is to the quote as checked (0–1). */
  similarity: number | null;
  /** Why an orphaned claim was orphaned. */
  reason?: 'not-found' | 'ambiguous' | 'too-different';
  /** The words around the quote changed in a way that can change what it says (contextChanged). */
  contextChanged?: boolean;
}

/** Quotes and dashes folded, and the spaces that are not plain spaces made plain (one character for one). */
const TYPOGRAPHY: Record<string, string> = { ...QUOTE_AND_DASH_FOLDS, '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\n': ' ', '\t': ' ' };
const TYPOGRAPHIC = new RegExp(`[${Object.keys(TYPOGRAPHY).join('')}]`, 'g');

/** Typography folded to plain characters, one for one, so offsets in the folded text are offsets in the text. */
export function foldTypography(text: string): string {
  return text.replace(TYPOGRAPHIC, (c) => TYPOGRAPHY[c]);
}

export { editDistance, similarity } from '../../lib/similarity';

/** Follows positions from the old text to the new one through the stretches the diff kept. */
export class PositionMap {
  private readonly stretches: KeptStretch[];
  constructor(parts: DiffPart[] | null) {
    this.stretches = keptStretches(parts);
  }

  /** The stretch holding old offset `at` (its end counts as inside), if any. */
  private stretchAt(at: number): KeptStretch | null {
    let low = 0;
    let high = this.stretches.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const s = this.stretches[middle];
      if (at < s.before) high = middle - 1;
      else if (at > s.before + s.length) low = middle + 1;
      else return s;
    }
    return null;
  }

  /** Where old offset `at` went: exact inside a kept stretch, else the end of the last stretch before it. */
  map(at: number): number | null {
    const inside = this.stretchAt(at);
    if (inside) return inside.after + (at - inside.before);
    let before: KeptStretch | null = null;
    for (const s of this.stretches) {
      if (s.before + s.length > at) break;
      before = s;
    }
    return before ? before.after + before.length : this.stretches.length ? 0 : null;
  }

  /** The new span of an old span the diff kept whole, or null. */
  kept(start: number, end: number): { start: number; end: number } | null {
    const s = this.stretchAt(start);
    if (!s || end > s.before + s.length) return null;
    return { start: s.after + (start - s.before), end: s.after + (end - s.before) };
  }

  get known(): boolean {
    return this.stretches.length > 0;
  }
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  quoteScore: number;
  context: number;
  inPlace: boolean;
  distinctive: boolean;
  score: number;
}

function contextSimilarity(foldedText: string, start: number, end: number, prefix: string, suffix: string): number {
  const scores: number[] = [];
  if (prefix) scores.push(similarity(foldTypography(prefix), foldedText.slice(Math.max(0, start - prefix.length), start)));
  if (suffix) scores.push(similarity(foldTypography(suffix), foldedText.slice(end, end + suffix.length)));
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 1;
}

/**
 * approx-string-match 1.1.0 answers a pattern whose length is a multiple of 32 (its bit-vector
 * block) with a zero-length, zero-error match, and, since it returns only the matches with the
 * fewest errors, nothing else: a 64-character quote with one letter corrected was lost while 63
 * and 65 survived. Such a pattern is searched without its last character, and that character is
 * then matched by hand (taken when the text has it next, else counted as one more error).
 */
function approximateMatches(text: string, pattern: string, maxErrors: number): { start: number; end: number; errors: number }[] {
  if (pattern.length % 32 !== 0) return search(text, pattern, maxErrors);
  const last = pattern[pattern.length - 1];
  return search(text, pattern.slice(0, -1), maxErrors)
    .map((m) => (text[m.end] === last ? { ...m, end: m.end + 1 } : { ...m, errors: m.errors + 1 }))
    .filter((m) => m.errors <= maxErrors);
}

/**
 * Approximate matches, one per place: overlapping matches are variants of one place, the fewest
 * errors kept. The search library returns only the best matches of the text it is given, so an
 * exact copy elsewhere would hide a slightly edited quote in its own place: the stretch around
 * where the old quote went (`around`) is searched on its own as well.
 */
function places(foldedText: string, pattern: string, around: { start: number; end: number } | null): { start: number; end: number; errors: number }[] {
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(pattern.length * (1 - MIN_QUOTE_SIMILARITY)));
  const matches = approximateMatches(foldedText, pattern, maxErrors);
  if (around) {
    // Just the old place, with room for the quote to have grown: a copy next to it must not fit whole.
    const from = Math.max(0, around.start - IN_PLACE_SLACK - maxErrors);
    const to = Math.min(foldedText.length, around.end + IN_PLACE_SLACK + maxErrors);
    for (const match of approximateMatches(foldedText.slice(from, to), pattern, maxErrors))
      matches.push({ ...match, start: match.start + from, end: match.end + from });
  }
  // An empty match is no place at all (and the library's bug above is not the only way to get one).
  const real = matches.filter((match) => match.end > match.start);
  real.sort((a, b) => a.errors - b.errors || a.start - b.start);
  const chosen: { start: number; end: number; errors: number }[] = [];
  for (const match of real) {
    if (chosen.length >= MAX_PLACES) break;
    if (!chosen.some((c) => c.start < match.end && match.start < c.end)) chosen.push(match);
  }
  return chosen;
}

/**
 * Whether a candidate lies where the diff says the old quote went: it must cover at least half
 * of what now stands there (what replaced the quote), and lie within a few characters of it. A
 * match on the next clause's words, next to a rewritten quote, is not in place.
 */
function coversReplacement(place: { start: number; end: number }, expected: { start: number; end: number }): boolean {
  if (!(place.start < expected.end + IN_PLACE_SLACK && expected.start - IN_PLACE_SLACK < place.end)) return false;
  const length = expected.end - expected.start;
  if (length <= 0) return false;
  const overlap = Math.min(place.end, expected.end) - Math.max(place.start, expected.start);
  return overlap / length >= MIN_REPLACEMENT_COVERAGE;
}

function orphan({ start, end, exact, prefix, suffix }: CurrentAnchor, reason: Reanchored['reason']): Reanchored {
  return { status: 'orphaned', anchor: { start, end, exact, prefix, suffix }, similarity: null, reason };
}

function statusOf(previous: CurrentAnchor, anchor: Anchor): Reanchored {
  const checked = foldTypography(previous.checkedExact);
  const now = foldTypography(anchor.exact);
  if (now === checked) {
    const samePlace = previous.status !== 'orphaned' && anchor.start === previous.start && anchor.end === previous.end;
    return { status: samePlace ? 'exact' : 'moved', anchor, similarity: null };
  }
  const alike = similarity(checked, now);
  if (alike < MIN_QUOTE_SIMILARITY) return orphan(previous, 'too-different');
  return { status: 'fuzzy', anchor, similarity: Math.round(alike * 1000) / 1000 };
}

const SENTENCE_BOUNDARY = /[.!?…]["”’)\]]*\s|\n/g;

const words = (text: string) =>
  foldTypography(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
const negations = (text: string) => negationsIn(foldTypography(text));

/** The part of a prefix that is in the quote's own sentence (after the last sentence boundary). */
function sameSentencePrefix(prefix: string): string {
  let cut = 0;
  for (const match of prefix.matchAll(SENTENCE_BOUNDARY)) cut = match.index + match[0].length;
  return prefix.slice(cut);
}

/** The part of a suffix that is in the quote's own sentence; none when the quote ends its sentence. */
function sameSentenceSuffix(quote: string, suffix: string): string {
  if (SENTENCE_END.test(quote.trimEnd())) return '';
  const boundary = suffix.search(/[.!?…]|\n/);
  return boundary < 0 ? suffix : suffix.slice(0, boundary);
}

/**
 * Whether the words around a quote changed so that it may say something else although its own
 * words did not ("Officials said 22,000 were arrested" → "Officials denied that 22,000 were
 * arrested"): a negation came or went within the stored context (32 characters each side, in the
 * quote's own paragraph), or
 * the rest of the quote’s own sentence changed beyond typography. A quote that is a whole
 * sentence is not affected by its neighbours' words, except for a negation next to it.
 */
export function contextChanged(previous: Pick<Anchor, 'exact' | 'prefix' | 'suffix'>, now: Pick<Anchor, 'exact' | 'prefix' | 'suffix'>): boolean {
  // Within the quote's own paragraph: a negation in the next paragraph speaks of something else.
  const inBlock = (p: Pick<Anchor, 'prefix' | 'suffix'>) => `${p.prefix.slice(p.prefix.lastIndexOf('\n') + 1)} ${p.suffix.split('\n')[0]}`;
  if (negations(inBlock(previous)) !== negations(inBlock(now))) return true;
  const before = (p: Pick<Anchor, 'exact' | 'prefix' | 'suffix'>) => [
    words(sameSentencePrefix(p.prefix)).join(' '),
    words(sameSentenceSuffix(p.exact, p.suffix)).join(' '),
  ];
  const [oldPrefix, oldSuffix] = before(previous);
  const [newPrefix, newSuffix] = before(now);
  // The stored context is a fixed window: compare only as much as both have.
  const alignEnd = (a: string, b: string) => a.slice(Math.max(0, a.length - b.length)) === b.slice(Math.max(0, b.length - a.length));
  const alignStart = (a: string, b: string) => a.slice(0, b.length) === b.slice(0, a.length);
  return (
    !alignEnd(oldPrefix, newPrefix) ||
    !alignStart(oldSuffix, newSuffix) ||
    (oldPrefix === '') !== (newPrefix === '') ||
    (oldSuffix === '') !== (newSuffix === '')
  );
}

function withContextCheck(previous: CurrentAnchor, result: Reanchored): Reanchored {
  return result.status === 'orphaned' ? result : { ...result, contextChanged: contextChanged(previous, result.anchor) };
}

/**
 * Where a claim anchored in the previous revision belongs in the new text. `foldedText` is
 * foldTypography(newText), computed once per revision by the caller.
 */
export function reanchor(previous: CurrentAnchor, newText: string, foldedText: string, map: PositionMap): Reanchored {
  return withContextCheck(previous, place(previous, newText, foldedText, map));
}

function place(previous: CurrentAnchor, newText: string, foldedText: string, map: PositionMap): Reanchored {
  if (previous.status !== 'orphaned') {
    const kept = map.kept(previous.start, previous.end);
    if (kept && newText.slice(kept.start, kept.end) === previous.exact) return statusOf(previous, anchorAt(newText, kept.start, kept.end));
  }
  const pattern = foldTypography(previous.exact);
  if (pattern.trim() === '') return orphan(previous, 'not-found');
  const expected =
    previous.status !== 'orphaned' && map.known ? { start: map.map(previous.start) ?? -1, end: map.map(previous.end) ?? -1 } : { start: -1, end: -1 };
  const found = places(foldedText, pattern, expected.start >= 0 ? expected : null);
  const verbatim = found.filter((p) => p.errors === 0).length;
  const candidates: Candidate[] = found.map((place) => {
    const quoteScore = 1 - place.errors / Math.max(pattern.length, place.end - place.start);
    const context = contextSimilarity(foldedText, place.start, place.end, previous.prefix, previous.suffix);
    const inPlace = expected.start >= 0 && coversReplacement(place, expected);
    // Distinctive: a long quote found once, verbatim, or (moved and corrected) once at all and nearly whole.
    const distinctive =
      pattern.length >= MIN_DISTINCTIVE_LENGTH && ((place.errors === 0 && verbatim === 1) || (found.length === 1 && quoteScore >= MIN_UNIQUE_SIMILARITY));
    return { ...place, quoteScore, context, inPlace, distinctive, score: quoteScore + 0.5 * context + (inPlace ? 0.5 : 0) };
  });
  const eligible = candidates.filter((c) => c.inPlace || c.context >= MIN_CONTEXT_SIMILARITY || c.distinctive).sort((a, b) => b.score - a.score);
  if (eligible.length === 0) return orphan(previous, 'not-found');
  const [best, runnerUp] = eligible;
  if (runnerUp && runnerUp.score >= best.score - AMBIGUITY_MARGIN) return orphan(previous, 'ambiguous');
  const span = trimSpan(newText, best.start, completeSentenceEnd(previous.exact, newText, best.end));
  if (span.end <= span.start) return orphan(previous, 'not-found');
  return statusOf(previous, anchorAt(newText, span.start, span.end));
}

const SENTENCE_END = /[.!?…]["”’)\]]*$/;
/** How far an approximate match may be stretched to reach the end of its sentence. */
const MAX_END_STRETCH = 24;

/**
 * An approximate match ends where the fewest characters differ, which can stop short of the
 * sentence a quote ended with ("… in March" for "… in March 2026."). A quote that ended a
 * sentence is stretched to the end of the new sentence, if that is near and in the same block.
 */
function completeSentenceEnd(oldQuote: string, text: string, end: number): number {
  if (!SENTENCE_END.test(oldQuote) || SENTENCE_END.test(text.slice(Math.max(0, end - 4), end))) return end;
  const rest = text.slice(end, end + MAX_END_STRETCH).split('\n\n')[0];
  const match = /^[^.!?…]*[.!?…]["”’)\]]*/.exec(rest);
  return match ? end + match[0].length : end;
}
