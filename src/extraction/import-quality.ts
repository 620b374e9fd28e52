import type { ExtractedBlock } from './article-blocks';
import type { DomElement } from './dom';

/**
 * Whether what extraction found looks like the article: never a silent bad import. A page whose
 * article needs scripts to appear, or a section front, gives Readability only the site's chrome
 * ("International + U.S.", "Log In"); stored, it would look like an article with nothing to check.
 * Such a find is refused; one that is merely short beside the page, or mostly links, is kept
 * with a warning the editor sees in the preview and the API.
 */
export interface ImportQuality {
  /** Words in the blocks found. */
  words: number;
  /** Words a reader sees on the whole page. */
  pageWords: number;
  /** The share of the found text that is the text of links. */
  linkShare: number;
}

/** Scripts written without spaces between words: each character counts as a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

export function countWords(text: string): number {
  let words = 0;
  for (const run of text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) words += UNSPACED.test(run) ? Array.from(run).length : 1;
  return words;
}

/** Words a reader sees on the page: its body's text without scripts, styles and templates. */
export function pageWordCount(body: DomElement | null): number {
  if (!body) return 0;
  const copy = body.cloneNode(true) as DomElement;
  for (const hidden of Array.from(copy.querySelectorAll('script,style,noscript,template'))) hidden.remove();
  return countWords(copy.textContent ?? '');
}

/**
 * Below this many words a find is not an article but chrome: "International + U.S. Log In", a
 * cookie banner, a menu. A two-sentence news brief has more; the shortest article of Readability's
 * test pages has 159.
 */
export const MIN_ARTICLE_WORDS = 12;
/** Found text that is more links than this is navigation, not an article. */
const MAX_LINK_SHARE = 0.5;
/** Warn when the find is less than this share of a large page's words. */
const SMALL_SHARE = 0.1;
const LARGE_PAGE_WORDS = 1000;

const share = (value: number) => `${Math.round(value * 100)} %`;
const words = (count: number) => `${count.toLocaleString('en-US')} ${count === 1 ? 'word' : 'words'}`;

/** Why the find is not an article, or null when it may be one. */
export function notAnArticle(quality: ImportQuality): string | null {
  if (quality.words < MIN_ARTICLE_WORDS)
    return `No article text was found on this page: only ${words(quality.words)} outside its menus${
      quality.pageWords > quality.words ? ` (of ${words(quality.pageWords)} on the page)` : ''
    }. It may be a section front, or show its article only with scripts; paste the article's text instead.`;
  if (quality.linkShare > MAX_LINK_SHARE)
    return `Most of the text Factline found on this page (${share(quality.linkShare)}) is links: it looks like navigation, not an article. Paste the article's text instead.`;
  return null;
}

/** What the editor should check before saving a find that may be an article. */
export function importWarnings(quality: ImportQuality): string[] {
  const warnings: string[] = [];
  if (quality.pageWords >= LARGE_PAGE_WORDS && quality.words < quality.pageWords * SMALL_SHARE)
    warnings.push(
      `The text found is ${words(quality.words)} of the page's ${quality.pageWords.toLocaleString('en-US')}: check that none of the article is missing.`,
    );
  if (quality.linkShare > MAX_LINK_SHARE / 2)
    warnings.push(`${share(quality.linkShare)} of the text found is links: check that it is the article, not a list of links.`);
  return warnings;
}

export function assessImport(found: { blocks: ExtractedBlock[]; pageWords: number; linkShare: number }): ImportQuality {
  return { words: found.blocks.reduce((sum, block) => sum + countWords(block.text), 0), pageWords: found.pageWords, linkShare: found.linkShare };
}
