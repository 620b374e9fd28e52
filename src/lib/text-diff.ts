import { diffWordsWithSpace } from 'diff';

/**
 * Word-level differences between two texts (jsdiff's diff of words, punctuation and white space
 * as tokens, so the pieces put back together give each text exactly). Used to show what a
 * revision changed and to follow a position from one revision's text to the next.
 */
export interface DiffPart {
  kind: 'same' | 'inserted' | 'deleted';
  text: string;
}

/**
 * Beyond these the two texts count as too different to compare word by word: a diff of two
 * unrelated 6,000-word texts takes over 30 s, and an update holds a write transaction while it
 * runs. A rewrite is shown as "too different" and re-anchoring falls back to search by words and
 * context, which needs no diff.
 */
export const MAX_EDIT_LENGTH = 20_000;
export const DIFF_TIMEOUT_MS = 150;

/** The parts, or null when the texts are too different to compare word by word. */
export function wordDiff(before: string, after: string): DiffPart[] | null {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDIT_LENGTH, timeout: DIFF_TIMEOUT_MS });
  if (!changes) return null;
  return changes.map((change) => ({ kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same', text: change.value }));
}

const WORD = /[\p{L}\p{N}]+/gu;
const countWords = (text: string) => text.match(WORD)?.length ?? 0;

/** How many words a diff inserted and deleted (a text too different to diff counts as all deleted and all inserted). */
export function changedWords(before: string, after: string, parts: DiffPart[] | null): { insertedWords: number; deletedWords: number } {
  if (!parts) return { insertedWords: countWords(after), deletedWords: countWords(before) };
  let insertedWords = 0;
  let deletedWords = 0;
  for (const part of parts) {
    if (part.kind === 'inserted') insertedWords += countWords(part.text);
    else if (part.kind === 'deleted') deletedWords += countWords(part.text);
  }
  return { insertedWords, deletedWords };
}

/**
 * The stretches of text a diff kept, as offsets in both texts: what maps a position in the old
 * text to the new one. Empty when the texts were too different to diff.
 */
export interface KeptStretch {
  before: number;
  after: number;
  length: number;
}

export function keptStretches(parts: DiffPart[] | null): KeptStretch[] {
  const stretches: KeptStretch[] = [];
  let before = 0;
  let after = 0;
  for (const part of parts ?? []) {
    if (part.kind === 'same') {
      stretches.push({ before, after, length: part.text.length });
      before += part.text.length;
      after += part.text.length;
    } else if (part.kind === 'deleted') before += part.text.length;
    else after += part.text.length;
  }
  return stretches;
}
