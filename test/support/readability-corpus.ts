/**
 * Mozilla Readability's own test pages as a regression suite for imports (test/fixtures/readability,
 * Apache-2.0, see its README): the pages, and how an imported article is scored against what
 * Readability keeps (`expected.html`) and the metadata it finds (`expected-metadata.json`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { PROJECT_ROOT } from '../../src/config';

/** From the project's root, so the benchmark (compiled into dist/) reads the same pages. */
export const CORPUS_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'readability');

export interface CorpusPage {
  name: string;
  source: string;
  expectedHtml: string;
  expected: { title: string | null; byline: string | null };
}

export function corpusPageNames(): string[] {
  return fs
    .readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function readCorpusPage(name: string): CorpusPage {
  const dir = path.join(CORPUS_DIR, name);
  const metadata = JSON.parse(fs.readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as { title?: string; byline?: string | null };
  return {
    name,
    source: fs.readFileSync(path.join(dir, 'source.html'), 'utf8'),
    expectedHtml: fs.readFileSync(path.join(dir, 'expected.html'), 'utf8'),
    expected: { title: metadata.title ?? null, byline: metadata.byline ?? null },
  };
}

/** Scripts written without spaces between words: each character counts as a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** The words of a text: runs of letters and digits, lower-cased; one per character in scripts without spaces. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const run of text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) {
    if (UNSPACED.test(run)) words.push(...Array.from(run));
    else words.push(run);
  }
  return words;
}

/** The text a reader sees in Readability's `expected.html`, block elements and line breaks apart. */
interface TextDocument {
  body: { textContent: string | null };
  createTextNode(text: string): unknown;
  querySelectorAll(selectors: string): ArrayLike<{ replaceWith(node: unknown): void; append(node: unknown): void }>;
}

export function expectedText(expectedHtml: string): string {
  const document = parseHTML(`<!doctype html><html><body>${expectedHtml}</body></html>`).document as unknown as TextDocument;
  for (const br of Array.from(document.querySelectorAll('br'))) br.replaceWith(document.createTextNode('\n'));
  for (const block of Array.from(document.querySelectorAll('p,div,li,h1,h2,h3,h4,h5,h6,pre,blockquote,td,th,dt,dd,figcaption,section,article')))
    block.append(document.createTextNode('\n'));
  return document.body.textContent ?? '';
}

export interface WordScore {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision and recall of `ours` against `expected`, counting each word as often as it occurs. */
export function wordScore(ours: string[], expected: string[]): WordScore {
  const counts = new Map<string, number>();
  for (const word of expected) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of ours) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(word, left - 1);
    }
  }
  const precision = ours.length ? shared / ours.length : 0;
  const recall = expected.length ? shared / expected.length : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

const squeeze = (value: string) => value.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** A title as compared: the same characters, spaces squeezed, case and quote style aside. */
export function sameTitle(ours: string | null, expected: string | null): boolean {
  const form = (value: string | null) =>
    squeeze(value ?? '')
      .toLowerCase()
      .replace(/[‘’`´]/g, "'")
      .replace(/[“”«»]/g, '"')
      .replace(/[‐‑‒–—―]/g, '-');
  return form(ours) === form(expected);
}

/** Words that introduce a byline in the corpus's languages. */
const BY = /^(?:by|par|por|von|di|written by|posted by|por:)\s+/i;
/** What a date or time in a byline looks like: digits, month names, "Updated", "Published". */
const DATE_LIKE =
  /\b(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|updated|published|last updated)\b/i;

/**
 * The person's name in a byline: "By " and the like taken off, spaces squeezed, case aside.
 * Readability's expected bylines sometimes hold a date or a label instead of a name, or a name
 * glued to a date ("by Lucas Nolan22 Dec 2016651"): a byline is a name, so the name part is what
 * is compared, and where the expected byline holds no name, only a byline that holds no date can
 * be right (`nameless` tells which).
 */
export function bylineName(value: string | null): string | null {
  if (!value) return null;
  // A byline on two lines ("By Brenda Goodman, MA" over "WebMD Health News") names the person on its first line that says more than "By".
  const lines = value
    .split(/[\r\n]+/)
    .map(squeeze)
    .filter(Boolean);
  const at = lines.findIndex((line) => !/^(?:by|par|por|von)$/i.test(line));
  let name = (at > 0 ? `${lines.slice(0, at).join(' ')} ${lines[at]}` : (lines[0] ?? '')).replace(BY, '');
  const date = DATE_LIKE.exec(name);
  if (date) name = name.slice(0, date.index);
  name = name
    .replace(/\d+.*$/, '')
    .replace(/[\s,|·•–—-]+$/, '')
    .trim();
  return name === '' ? null : name.toLowerCase();
}

export function sameByline(ours: string | null, expected: string | null): boolean {
  const wanted = bylineName(expected);
  if (wanted === null) return ours === null || (bylineName(ours) !== null && !DATE_LIKE.test(ours));
  return bylineName(ours) === wanted;
}
