import { wrapPieces, type TextPiece } from '../embed/wrap-text';

/**
 * Marks an article-text range [start, end) on Factline's own article page, exactly: inside each
 * sentence element it crosses (sentences carry their offsets in data-start/data-end), each text
 * node's part of the range is wrapped; published-claim marks already there are simply nested.
 */
export function wrapArticleRange(article: HTMLElement, start: number, end: number, make: () => HTMLElement): HTMLElement[] {
  const made: HTMLElement[] = [];
  for (const sentence of article.querySelectorAll<HTMLElement>('.sentence[data-start]')) {
    const first = Number(sentence.dataset.start);
    if (Number(sentence.dataset.end) <= start || first >= end) continue;
    const pieces: TextPiece[] = [];
    const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
    let offset = first;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + node.data.length);
      if (from < to) pieces.push({ node, from: from - offset, to: to - offset });
      offset += node.data.length;
    }
    made.push(...wrapPieces(pieces, make));
  }
  return made;
}

/** Removes marks made by wrapArticleRange, leaving the text as it was. */
export function unwrapAll(article: HTMLElement, selector: string): void {
  for (const mark of article.querySelectorAll<HTMLElement>(selector)) {
    const parent = mark.parentNode;
    mark.replaceWith(...Array.from(mark.childNodes));
    parent?.normalize();
  }
}
