import { parseHTML } from 'linkedom';
import type { DomElement } from '../../src/extraction/dom';
import { extractArticle } from '../../src/extraction/html-article';
import { MAX_PAGE_DEPTH, measurePage } from '../../src/extraction/page-bounds';
import { UnprocessableError } from '../../src/lib/errors';

const nested = (depth: number, tag = 'div') =>
  `<html><head><title>Deep</title></head><body>${`<${tag}>`.repeat(depth)}<p>A paragraph of article text long enough to be kept by the reader.</p>${`</${tag}>`.repeat(depth)}</body></html>`;
const root = (html: string) => (parseHTML(html).document as unknown as { documentElement: DomElement }).documentElement;

describe('page bounds', () => {
  test('when a page is measured, then its depth counts html, body and every nested element, and its elements are all counted', () => {
    // html > body > 10 divs > p: 13 levels; html, head, title, body, 10 divs, p: 15 elements.
    expect(measurePage(root(nested(10)))).toEqual({ depth: 13, elements: 15, over: null });
  });

  test('when a page passes a limit, then the walk stops there and says which', () => {
    expect(measurePage(root(nested(50)), { depth: 20, elements: 1_000 })).toMatchObject({ over: 'depth', depth: 21 });
    const wide = `<html><body>${'<span>x</span>'.repeat(500)}</body></html>`;
    expect(measurePage(root(wide), { depth: 100, elements: 100 })).toEqual({ depth: 3, elements: 101, over: 'elements' });
  });

  test('when the tree is deeper than any call stack, then measuring it does not overflow', () => {
    expect(measurePage(root(nested(50_000)), { depth: 1e9, elements: 1e9 }).depth).toBe(50_003);
  });

  test('when a page nests deeper than the limit, then extraction refuses it with a message before Readability runs; one just inside is read', () => {
    expect(() => extractArticle(nested(1_000))).toThrow(UnprocessableError);
    expect(() => extractArticle(nested(20_000))).toThrow(/more than 160 levels deep/);
    const inside = extractArticle(nested(MAX_PAGE_DEPTH - 10, 'section'));
    expect(inside.blocks.map((b) => b.text)).toEqual(['A paragraph of article text long enough to be kept by the reader.']);
  });
});
