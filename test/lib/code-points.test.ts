import { CodePointIndex } from '../../src/lib/code-points';

describe('CodePointIndex', () => {
  const text = 'a😀b🎉🎉c';

  test('when a text has emoji, then UTF-16 offsets and code point offsets convert both ways', () => {
    const index = new CodePointIndex(text);
    const codePoints = [...text];
    for (let cp = 0; cp <= codePoints.length; cp++) {
      const utf16 = codePoints.slice(0, cp).join('').length;
      expect(index.toCodePoints(utf16)).toBe(cp);
      expect(index.toUtf16(cp)).toBe(utf16);
    }
  });

  test('when a text has no characters outside the BMP, then both counts are the same', () => {
    const index = new CodePointIndex('Café “quoted” – ok');
    expect(index.toCodePoints(7)).toBe(7);
    expect(index.toUtf16(7)).toBe(7);
  });

  test('when the text holds a lone surrogate, then it counts as one code point', () => {
    const index = new CodePointIndex('a\ud83db');
    expect(index.toCodePoints(3)).toBe(3);
  });
});
