import type { DomElement } from './dom';

/**
 * How complex a page may be before Factline reads it. Readability's cost grows much faster than
 * the depth of the element tree (on this machine: 200 nested elements 0.4 s, 500 2.7 s, 1,000
 * 19 s, 2,000 165 s), so 11 KB of nested `<div>`s could hold a CPU for minutes. Real pages nest
 * far less: the 130 pages of Mozilla Readability's test corpus are at most 38 levels deep and hold
 * at most 9,888 elements (wikipedia-2), so the limits (about 4 and 10 times those) refuse only
 * pages made to be hostile.
 */
export const MAX_PAGE_DEPTH = 160;
export const MAX_PAGE_ELEMENTS = 100_000;

export interface PageShape {
  /** The deepest element's depth (the root is 1), up to the point the walk stopped. */
  depth: number;
  elements: number;
  /** Which limit the page passes, if any (the walk stops at the first). */
  over: 'depth' | 'elements' | null;
}

/**
 * Measures a parsed page's element tree without recursion (a deep tree cannot overflow the
 * stack), stopping as soon as a limit is passed: linear in the elements read, pure.
 */
export function measurePage(root: DomElement, limits = { depth: MAX_PAGE_DEPTH, elements: MAX_PAGE_ELEMENTS }): PageShape {
  const stack: [DomElement, number][] = [[root, 1]];
  let depth = 0;
  let elements = 0;
  while (stack.length > 0) {
    const [element, level] = stack.pop()!;
    elements += 1;
    if (level > depth) depth = level;
    if (depth > limits.depth) return { depth, elements, over: 'depth' };
    if (elements > limits.elements) return { depth, elements, over: 'elements' };
    const children = element.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], level + 1]);
  }
  return { depth, elements, over: null };
}
