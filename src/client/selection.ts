/**
 * Turns a DOM selection inside the article into offsets in the article's plain text, using
 * the data-start/data-end offsets the server puts on each sentence. Positions outside a
 * sentence (spacing, verdict badges, credits) snap to the nearest sentence edge.
 */
export interface Span {
  start: number;
  end: number;
}

function sentenceOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : node?.parentElement;
  return element?.closest<HTMLElement>('.sentence') ?? null;
}

function offsetIn(sentence: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(sentence);
  range.setEnd(node, offset);
  return Number(sentence.dataset.start) + range.toString().length;
}

function nearestSentence(article: HTMLElement, node: Node, offset: number, direction: 'forward' | 'backward'): HTMLElement | null {
  const sentences = [...article.querySelectorAll<HTMLElement>('.sentence')];
  const point = document.createRange();
  point.setStart(node, offset);
  const ordered = direction === 'forward' ? sentences : sentences.reverse();
  return (
    ordered.find((s) => {
      const edge = document.createRange();
      edge.selectNode(s);
      return direction === 'forward'
        ? point.compareBoundaryPoints(Range.START_TO_START, edge) <= 0
        : point.compareBoundaryPoints(Range.START_TO_START, edge) >= 0;
    }) ?? null
  );
}

function boundary(article: HTMLElement, node: Node, offset: number, side: 'start' | 'end'): number | null {
  const sentence = sentenceOf(node);
  if (sentence) return offsetIn(sentence, node, offset);
  const near = nearestSentence(article, node, offset, side === 'start' ? 'forward' : 'backward');
  if (!near) return null;
  return Number(side === 'start' ? near.dataset.start : near.dataset.end);
}

export function selectionSpan(article: HTMLElement, selection: Selection | null): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!article.contains(range.commonAncestorContainer)) return null;
  const start = boundary(article, range.startContainer, range.startOffset, 'start');
  const end = boundary(article, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

export function sentenceSpan(sentence: HTMLElement): Span {
  return { start: Number(sentence.dataset.start), end: Number(sentence.dataset.end) };
}
