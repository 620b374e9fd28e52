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
    const pieces: { node: Text; from: number; to: number }[] = [];
    const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
    let offset = first;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + node.data.length);
      if (from < to) pieces.push({ node, from: from - offset, to: to - offset });
      offset += node.data.length;
    }
    for (const piece of pieces.reverse()) {
      const range = document.createRange();
      range.setStart(piece.node, piece.from);
      range.setEnd(piece.node, piece.to);
      const mark = make();
      range.surroundContents(mark);
      made.unshift(mark);
    }
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
