// How alike two strings are, by edit distance (pure; the anchoring and re-anchoring rules use it).
import { distance } from 'fastest-levenshtein';

/** Levenshtein distance over UTF-16 code units (fastest-levenshtein's bit-parallel algorithm). */
export function editDistance(a: string, b: string): number {
  return distance(a, b);
}

/** 1 for the same text, 0 for nothing alike. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}
