/**
 * Rule-based English sentence segmentation with character offsets.
 *
 * The text is first cut where list items begin (lists.ts); then each piece is scanned for
 * terminators (. ! ? … and runs of them, spaced ellipses included) followed by optional
 * closing quotes or brackets. Whether a terminator ends the sentence depends on what stands
 * before it (a plain word, a number, an abbreviation, an initial, a list marker) and after it
 * (a lower-case word never starts a sentence; after an ambiguous abbreviation only a common
 * sentence opener does). See test/modules/segmentation for the cases it is held to.
 */
import { BEFORE_NUMBER, CAPITALISED, POSTPOSITIVE, PREPOSITIVE, SENTENCE_OPENERS, TIME_OF_DAY } from './abbreviations';
import { isBullet, listItemStarts } from './lists';

export interface SentenceSpan {
  /** Offset of the first character, inclusive. */
  start: number;
  /** Offset after the last character, exclusive. */
  end: number;
  text: string;
}

const TERMINATORS = '.!?…‽';
const CLOSERS = '"\'”’)]»›}';
const OPENERS = '"\'“‘([{«‹';
const INTRO_PHRASE_WORDS = 4;
/**
 * No scan looks further than this from a terminator. A "word" longer than this is no
 * abbreviation, initial or number that the rules below care about, and bounding every scan
 * keeps segmentation linear in the text's length, whatever the text (ADR 0001).
 */
const MAX_SCAN = 64;

type WordKind = 'plain' | 'number' | 'prepositive' | 'before-number' | 'ambiguous' | 'initial' | 'time';

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);
const isLower = (char: string | undefined): boolean => char !== undefined && char !== char.toUpperCase() && char === char.toLowerCase();
const isUpper = (char: string | undefined): boolean => char !== undefined && char !== char.toLowerCase() && char === char.toUpperCase();
const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

function stripOpeners(word: string): string {
  let start = 0;
  while (start < word.length && (OPENERS.includes(word[start]) || isBullet(word[start]))) start++;
  return word.slice(start);
}

function classify(word: string): WordKind {
  if (word === '') return 'plain';
  if (/\d/.test(word) && /^[-+$€£¥#]?[\d.,:/%-]+$/.test(word)) return 'number';
  const lower = word.toLowerCase();
  if (TIME_OF_DAY.has(lower)) return 'time';
  if (PREPOSITIVE.has(lower)) return 'prepositive';
  if (BEFORE_NUMBER.has(lower)) return 'before-number';
  if (POSTPOSITIVE.has(lower) || CAPITALISED.has(word)) return 'ambiguous';
  if (/^[A-Za-z]$/.test(word)) return isUpper(word) ? 'initial' : 'ambiguous';
  if (/^(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}$/.test(word)) return 'ambiguous';
  return 'plain';
}

/** The whitespace-delimited word that ends at `end` (at most MAX_SCAN characters), without opening quotes or bullets. */
function wordBefore(text: string, from: number, end: number): { word: string; start: number } {
  let start = end;
  const limit = Math.max(from, end - MAX_SCAN);
  while (start > limit && !isSpace(text[start - 1])) start--;
  const raw = text.slice(start, end);
  const word = stripOpeners(raw);
  return { word, start: start + (raw.length - word.length) };
}

function wordAt(text: string, start: number): string {
  let end = start;
  const limit = Math.min(text.length, start + MAX_SCAN);
  while (end < limit && !isSpace(text[end])) end++;
  return stripOpeners(text.slice(start, end)).replace(/[,;:.!?"'”’)\]]+$/, '');
}

/** Whether at most `max` words stand between `from` and `to`; reads backwards and stops at word max + 1. */
function atMostWords(text: string, from: number, to: number, max: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = to - 1; i >= from; i--) {
    if (isSpace(text[i])) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++words > max) return false;
    }
  }
  return true;
}

/** Whether only spaces and bullets stand between `from` and `to` (read backwards, stopping at the first other character). */
function onlySpaceOrBullets(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) if (!isSpace(text[i]) && !isBullet(text[i])) return false;
  return true;
}

class Scanner {
  private readonly ends: number[] = [];
  private sentenceStart: number;

  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.sentenceStart = from;
  }

  run(): number[] {
    const { text, to } = this;
    let i = this.from;
    while (i < to) {
      if (!TERMINATORS.includes(text[i])) {
        i++;
        continue;
      }
      const runEnd = this.terminatorRunEnd(i);
      let after = runEnd;
      while (after < to && CLOSERS.includes(text[after])) after++;
      if (this.endsSentence(i, runEnd, after)) {
        this.ends.push(after);
        this.sentenceStart = after;
      }
      i = Math.max(after, i + 1);
    }
    return this.ends;
  }

  /** End of a run such as "?!", "....", "…" or the spaced ellipsis ". . . .". */
  private terminatorRunEnd(start: number): number {
    const { text, to } = this;
    let end = start;
    for (;;) {
      if (end < to && TERMINATORS.includes(text[end])) end++;
      else if (text[end - 1] === '.' && text[end] === ' ' && text[end + 1] === '.' && end + 1 < to) end += 2;
      else return end;
    }
  }

  private endsSentence(start: number, runEnd: number, after: number): boolean {
    const { text, to } = this;
    const run = text.slice(start, runEnd);
    if (/^(\.\.\.|…)$/.test(run) && text[start - 1] === '[' && text[runEnd] === ']') return false;

    let next = after;
    while (next < to && isSpace(text[next])) next++;
    if (next >= to) return true;
    if (next === after) return run === '.' && after === runEnd && this.endsWithoutSpace(start, after);

    const nextChar = text[next];
    if (isLower(nextChar)) return false;
    if (run !== '.') return this.endsAfterRun(run);

    const { word, start: wordStart } = wordBefore(text, this.sentenceStart, start);
    const kind = classify(word);
    const opensSentence = onlySpaceOrBullets(text, this.sentenceStart, wordStart);
    if (opensSentence && (/^\d{1,3}$/.test(word) || /^[A-Za-z]$/.test(word))) return false; // list marker "1." / "a."
    return this.endsAfterWord(kind, nextChar, wordAt(text, next), start);
  }

  private endsAfterRun(run: string): boolean {
    const dots = run.replace(/[^.]/g, '').length;
    const spaced = run.includes(' ');
    return !(spaced && dots === 3 && !/[!?]/.test(run));
  }

  private endsAfterWord(kind: WordKind, nextChar: string, nextWord: string, periodAt: number): boolean {
    switch (kind) {
      case 'plain':
      case 'number':
        return true;
      case 'prepositive':
        return false;
      case 'before-number':
        return !isDigit(nextChar);
      case 'time': {
        if (isDigit(nextChar)) return false;
        if (SENTENCE_OPENERS.has(nextWord)) return true;
        const inIntro = atMostWords(this.text, this.sentenceStart, periodAt, INTRO_PHRASE_WORDS);
        return !inIntro && PREPOSITIVE.has(nextWord.toLowerCase());
      }
      case 'initial':
      case 'ambiguous':
        return !isDigit(nextChar) && SENTENCE_OPENERS.has(nextWord);
    }
  }

  /** "Hello world.Today is Tuesday." — a period glued to a capitalised word, outside URLs and e-mail. */
  private endsWithoutSpace(periodAt: number, after: number): boolean {
    const { text } = this;
    if (!isUpper(text[after]) || !isLower(text[after + 1])) return false;
    let partStart = periodAt;
    const limit = Math.max(this.sentenceStart, periodAt - MAX_SCAN);
    while (partStart > limit && /[A-Za-z0-9,]/.test(text[partStart - 1])) partStart--;
    if (partStart === limit && limit > this.sentenceStart) return false; // longer than any word
    const part = text.slice(partStart, periodAt);
    if (!/^(?:[A-Za-z]{2,}|\d[\d,]*)$/.test(part)) return false;
    if (partStart > this.sentenceStart && !isSpace(text[partStart - 1]) && !OPENERS.includes(text[partStart - 1])) return false;
    if (classify(part) !== 'plain' && classify(part) !== 'number') return false;
    let tokenEnd = after;
    const tokenLimit = Math.min(text.length, after + MAX_SCAN);
    while (tokenEnd < tokenLimit && !isSpace(text[tokenEnd])) tokenEnd++;
    return !/[@/:]/.test(text.slice(partStart, tokenEnd));
  }
}

function trimmedSpan(text: string, start: number, end: number): SentenceSpan | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return start < end ? { start, end, text: text.slice(start, end) } : null;
}

/** Splits `text` into sentences; offsets index into `text`. Whitespace between sentences belongs to none. */
export function segmentSentences(text: string): SentenceSpan[] {
  const pieces = [0, ...listItemStarts(text).filter((offset) => offset > 0), text.length];
  const spans: SentenceSpan[] = [];
  for (let p = 0; p < pieces.length - 1; p++) {
    const from = pieces[p];
    const to = pieces[p + 1];
    let start = from;
    for (const end of new Scanner(text, from, to).run()) {
      const span = trimmedSpan(text, start, end);
      if (span) spans.push(span);
      start = end;
    }
    const rest = trimmedSpan(text, start, to);
    if (rest) spans.push(rest);
  }
  return spans;
}
