import { countWords, importWarnings, notAnArticle } from '../../src/extraction/import-quality';

describe('whether a find looks like the article', () => {
  test('when words are counted, then scripts without spaces count each character', () => {
    expect(countWords('The ferry, 20 percent dearer.')).toBe(5);
    expect(countWords('宇航员 in orbit')).toBe(5);
  });

  test('when only chrome was found, then the import is refused with what to do instead', () => {
    expect(notAnArticle({ words: 4, pageWords: 900, linkShare: 0.5 })).toBe(
      "No article text was found on this page: only 4 words outside its menus (of 900 words on the page). It may be a section front, or show its article only with scripts; paste the article's text instead.",
    );
    expect(notAnArticle({ words: 300, pageWords: 900, linkShare: 0.8 })).toMatch(/^Most of the text Factline found on this page \(80 %\) is links/);
  });

  test('when an article was found, then it may be stored, with a warning when it is a small part of a large page or link-heavy', () => {
    expect(notAnArticle({ words: 300, pageWords: 1200, linkShare: 0.05 })).toBeNull();
    expect(importWarnings({ words: 300, pageWords: 1200, linkShare: 0.05 })).toEqual([]);
    expect(importWarnings({ words: 90, pageWords: 4000, linkShare: 0.3 })).toEqual([
      "The text found is 90 words of the page's 4,000: check that none of the article is missing.",
      '30 % of the text found is links: check that it is the article, not a list of links.',
    ]);
  });
});
