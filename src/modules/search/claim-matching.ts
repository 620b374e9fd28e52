/**
 * Claim matching: is this new claim one we have checked before? Pure functions, no model
 * weights: a claim is reduced to a profile (content words, figures, years, negation, places and
 * peoples), and two profiles are compared by the overlap of their content and told apart where it
 * matters to a fact-checker. The method, its word lists and its limits are in the README
 * ("Claim matching"); the test set is test/modules/search/claim-matching-pairs.ts.
 */

import { NEGATIONS, PHRASES, PLACE_SYNONYMS, SMALL_NUMBERS, STOP_WORDS, UNITS, WORD_SYNONYM_LIST } from './claim-matching-lexicon';

export interface ClaimProfile {
  /** Canonical content tokens (stop words out, light stemming, synonyms folded), figures as `#n`, years as `@y`. */
  terms: Set<string>;
  /** Figures (not years), as numbers: "22,000", "22k" and "twenty-two thousand" are all 22000. */
  numbers: number[];
  years: number[];
  /** An odd number of negations ("not", "never", "no", "n't", …). */
  negated: boolean;
  /** Places and peoples named (canonical: "chinese", "PRC" and "China" are all `china`). */
  places: Set<string>;
}

export type MatchRelation = 'same' | 'similar' | 'numbers-differ' | 'year-differs' | 'negated' | 'direction-differs' | 'subject-differs';

export interface MatchResult {
  /** 0–1: how much of the two claims' content is shared (Dice coefficient over terms). */
  score: number;
  relation: MatchRelation;
}

/** From this score, a claim with no difference below is presented as the same claim. */
export const SAME_THRESHOLD = 0.5;
/** Below this score a candidate is not shown at all. */
export const SHOW_THRESHOLD = 0.25;

const WORD_SYNONYMS: Record<string, string> = Object.fromEntries(Object.entries(WORD_SYNONYM_LIST).map(([word, term]) => [stem(word), term]));

/** A light English stemmer: enough to fold plurals and verb forms of the same word, not a linguist. */
export function stem(word: string): string {
  const stemmed = suffixStripped(word);
  return stemmed.length > 4 && stemmed.endsWith('e') ? stemmed.slice(0, -1) : stemmed;
}

function suffixStripped(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return trimDouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4) return trimDouble(word.endsWith('ied') ? `${word.slice(0, -3)}y` : word.slice(0, -2));
  if (word.endsWith('es') && /(ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

function trimDouble(word: string): string {
  return /([bdgmnprt])\1$/.test(word) ? word.slice(0, -1) : word;
}

/** Number words ("twenty-two thousand", "1.5 million", "a dozen") into figures, in place, as digits. */
function spellOutNumbers(text: string): string {
  const wordRun = new RegExp(
    `\\b(?:(?:${Object.keys(SMALL_NUMBERS).join('|')}|thousand|million|billion|and|a)[\\s-]+)*(?:${Object.keys(SMALL_NUMBERS).join('|')})(?:[\\s-]+(?:${Object.keys(SMALL_NUMBERS).join('|')}|thousand|million|billion))*\\b`,
    'g',
  );
  return text.replace(wordRun, (run) => {
    const words = run.split(/[\s-]+/).filter((w) => w !== 'and' && w !== 'a');
    if (words.length === 0 || !words.some((w) => w in SMALL_NUMBERS)) return run;
    if (words.length === 1 && words[0] === 'one') return run; // "no one", "one of them": not a figure
    let total = 0;
    let current = 0;
    for (const word of words) {
      if (word in SMALL_NUMBERS) {
        const value = SMALL_NUMBERS[word];
        current = value === 100 ? Math.max(1, current) * 100 : current + value;
      } else {
        total += Math.max(1, current) * UNITS[word];
        current = 0;
      }
    }
    return ` ${total + current} `;
  });
}

const FIGURE = /(?<![\p{L}\p{N}.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(k|m|mn|bn|thousand|million|billion)\b)?(\s?%)?/gu;

/** The profile of a claim's text (quote or statement). */
export function profileClaim(text: string): ClaimProfile {
  let lower = text.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'");
  for (const [pattern, replacement] of PHRASES) lower = lower.replace(pattern, replacement);
  lower = lower.replace(/\bvisa[-\s]free\b/g, ' visa_free ');
  lower = spellOutNumbers(lower);
  const numbers: number[] = [];
  const years: number[] = [];
  lower = lower.replace(FIGURE, (_match, digits: string, unit: string | undefined, percent: string | undefined) => {
    const value = Number(digits.replace(/,/g, '')) * (unit ? UNITS[unit] : 1);
    const isYear = !unit && !percent && !digits.includes(',') && !digits.includes('.') && value >= 1900 && value <= 2099;
    (isYear ? years : numbers).push(value);
    return isYear ? ` @${value} ` : ` #${value} `;
  });
  const negations = (lower.match(/n't\b/g) ?? []).length;
  const words = lower.match(/[@#]?[\p{L}\p{N}_.]*[\p{L}\p{N}_]/gu) ?? [];
  const terms = new Set<string>();
  const places = new Set<string>();
  let negationCount = negations;
  for (const word of words) {
    if (NEGATIONS.has(word)) {
      negationCount += 1;
      continue;
    }
    if (word.startsWith('#') || word.startsWith('@')) {
      terms.add(word);
      continue;
    }
    if (STOP_WORDS.has(word)) continue;
    const place = PLACE_SYNONYMS[word];
    if (place) {
      places.add(place);
      terms.add(place);
      continue;
    }
    const stemmed = stem(word.replace(/'s$/, ''));
    terms.add(WORD_SYNONYMS[stemmed] ?? stemmed);
  }
  return { terms, numbers, years, negated: negationCount % 2 === 1, places };
}

/** Two figures agree within 1 % (22,000 and 22k; not 4,000 and 40,000). */
const sameFigure = (x: number, y: number) => Math.abs(x - y) <= 0.01 * Math.max(Math.abs(x), Math.abs(y));

/** Both sides give some and the side with fewer has one the other lacks (so "in 2023" and "between 2022 and 2023" agree; "2021 and 2022" does not). */
function disagree(a: number[], b: number[], same: (x: number, y: number) => boolean): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [fewer, more] = new Set(a).size <= new Set(b).size ? [a, b] : [b, a];
  return !fewer.every((x) => more.some((y) => same(x, y)));
}

/** Each side names a place or people the other does not. */
function differentPlaces(a: Set<string>, b: Set<string>): boolean {
  return [...a].some((p) => !b.has(p)) && [...b].some((p) => !a.has(p));
}

/** One says it rose, the other that it fell. */
function oppositeDirections(a: Set<string>, b: Set<string>): boolean {
  const direction = (terms: Set<string>) => (terms.has('rise') && !terms.has('fall') ? 1 : terms.has('fall') && !terms.has('rise') ? -1 : 0);
  return direction(a) * direction(b) === -1;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/**
 * How alike two claims are, and whether they are the same claim. Figures and years count towards
 * the overlap when they agree. When both give figures (or years) that do not agree, when one is
 * negated and the other not, when one says a figure rose and the other that it fell, or when
 * each names a place or people the other does not, the pair is "similar, but …", never "the
 * same", however many words they share.
 */
export function compareClaims(a: ClaimProfile, b: ClaimProfile): MatchResult {
  const score = Math.round(dice(a.terms, b.terms) * 1000) / 1000;
  let relation: MatchRelation = score >= SAME_THRESHOLD ? 'same' : 'similar';
  if (disagree(a.numbers, b.numbers, sameFigure)) relation = 'numbers-differ';
  else if (disagree(a.years, b.years, (x, y) => x === y)) relation = 'year-differs';
  else if (a.negated !== b.negated) relation = 'negated';
  else if (oppositeDirections(a.terms, b.terms)) relation = 'direction-differs';
  else if (differentPlaces(a.places, b.places)) relation = 'subject-differs';
  return { score, relation };
}

/** The words to look up candidates with: the text's own tokens and every spelling of its folded terms. */
export function candidateTokens(text: string): string[] {
  const tokens = new Set<string>();
  const raw =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const token of raw) if (!STOP_WORDS.has(token) && !NEGATIONS.has(token)) tokens.add(token);
  const profile = profileClaim(text);
  for (const [spelling, place] of Object.entries(PLACE_SYNONYMS)) if (profile.places.has(place)) tokens.add(spelling);
  for (const [spelling, term] of Object.entries(WORD_SYNONYM_LIST)) if (profile.terms.has(term) && /^[a-z]+$/.test(spelling)) tokens.add(spelling);
  for (const value of [...profile.numbers, ...profile.years]) tokens.add(String(value));
  return [...tokens].slice(0, 64);
}

export const RELATION_NOTE: Record<MatchRelation, string> = {
  same: 'The same claim',
  similar: 'Similar',
  'numbers-differ': 'Similar, but the numbers differ',
  'year-differs': 'Similar, but the year differs',
  negated: 'Similar, but negated',
  'direction-differs': 'Similar, but the change goes the other way',
  'subject-differs': 'Similar, but about someone else',
};
