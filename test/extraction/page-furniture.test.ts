import { parseHTML } from 'linkedom';
import { removeFurniture } from '../../src/extraction/page-furniture';
import type { DomElement } from '../../src/extraction/dom';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const content = (html: string) =>
  parseHTML(`<!doctype html><html><body><div id="c">${html}</div></body></html>`).document.querySelector('#c') as unknown as DomElement;

describe('page furniture inside what Readability kept', () => {
  test('when a share bar, a newsletter box and a form sit in the article, then they are removed and the article stays', () => {
    const c = content(
      `<p>${words(200)}</p><div class="share-bar">Share on X</div><div class="c-newsletter__box">Sign up</div><form><button>Go</button></form><p>End.</p>`,
    );
    removeFurniture(c);
    expect(c.textContent).not.toMatch(/Share on X|Sign up|Go/);
    expect(c.textContent).toContain('word199');
    expect(c.textContent).toContain('End.');
  });

  test('when the element that holds the article has a furniture word in its class, then it is kept: it is most of the text', () => {
    const c = content(`<div class="paywall-wrapper share"><p>${words(300)}</p></div><div class="related">Read more</div>`);
    removeFurniture(c);
    expect(c.textContent).toContain('word299');
    expect(c.textContent).not.toContain('Read more');
  });

  test('when a class only contains a furniture word inside another word, then it is not furniture', () => {
    const c = content(`<p>${words(100)}</p><p class="shareholders-note">Shareholders voted.</p><div class="leaderboard-story">Lead story text.</div>`);
    removeFurniture(c);
    expect(c.textContent).toContain('Shareholders voted.');
    expect(c.textContent).toContain('Lead story text.');
  });
});
