import { anchorAt, anchorQuote, CONTEXT_LENGTH, MAX_CANDIDATES } from '../../../src/modules/anchoring/anchoring';

const wellFormed = (value: string) => !/\p{Cs}/u.test(value);

describe('anchorAt', () => {
  test('when the context limit falls inside an emoji, then the prefix and suffix keep whole characters', () => {
    const quote = 'the quote';
    // 31 ASCII units + one emoji (2 units) before the quote: 32 units back lands between the emoji's halves.
    const before = '😀' + 'a'.repeat(CONTEXT_LENGTH - 1);
    const after = 'b'.repeat(CONTEXT_LENGTH - 1) + '🎉';
    const text = `${before}${quote}${after}`;
    const anchor = anchorAt(text, before.length, before.length + quote.length);
    expect(anchor.exact).toBe(quote);
    expect(wellFormed(anchor.prefix)).toBe(true);
    expect(wellFormed(anchor.suffix)).toBe(true);
    expect(text.slice(0, anchor.start).endsWith(anchor.prefix)).toBe(true);
    expect(text.slice(anchor.end).startsWith(anchor.suffix)).toBe(true);
    expect(anchor.prefix).toBe('a'.repeat(CONTEXT_LENGTH - 1));
    expect(anchor.suffix).toBe('b'.repeat(CONTEXT_LENGTH - 1));
  });

  test('when a whole emoji fits in the context, then it is kept', () => {
    const text = `x😀 quote 🎉y`;
    const start = text.indexOf('quote');
    const anchor = anchorAt(text, start, start + 5);
    expect(anchor.prefix).toBe('x😀 ');
    expect(anchor.suffix).toBe(' 🎉y');
  });
});

describe('anchorQuote', () => {
  const text = 'One fish. Two fish. Red fish. Blue fish. Two fish.';

  test('when the quote is empty or blank, then it does not anchor (and returns at once)', () => {
    expect(anchorQuote(text, { exact: '' })).toBeNull();
    expect(anchorQuote(text, { exact: '   ' })).toBeNull();
  });

  test('when the quote occurs twice, then the context decides', () => {
    const second = text.lastIndexOf('Two fish.');
    const anchor = anchorQuote(text, { exact: 'Two fish.', prefix: 'Blue fish. ' });
    expect(anchor?.start).toBe(second);
    const first = anchorQuote(text, { exact: 'Two fish.', suffix: ' Red' });
    expect(first?.start).toBe(text.indexOf('Two fish.'));
  });

  test('when the quote occurs twice without context, then the occurrence nearest the given start wins', () => {
    const second = text.lastIndexOf('Two fish.');
    expect(anchorQuote(text, { exact: 'Two fish.', start: second - 3 })?.start).toBe(second);
    expect(anchorQuote(text, { exact: 'Two fish.' })?.start).toBe(text.indexOf('Two fish.'));
  });

  test('when occurrences overlap, then each is a candidate', () => {
    const overlapping = 'aaaa';
    expect(anchorQuote(overlapping, { exact: 'aa', start: 2 })?.start).toBe(2);
    expect(anchorQuote(overlapping, { exact: 'aa', start: 1 })?.start).toBe(1);
  });

  test('when the offsets hold exactly the quote, then they are used as they are', () => {
    const start = text.lastIndexOf('fish.');
    expect(anchorQuote(text, { exact: 'fish.', start, end: start + 5 })).toMatchObject({ start, end: start + 5 });
  });

  test('when the quote differs only in whitespace, then it anchors on the text as written', () => {
    const anchor = anchorQuote('Red  fish\nand blue.', { exact: 'Red fish and' });
    expect(anchor).toMatchObject({ start: 0, exact: 'Red  fish\nand' });
  });

  test('when the quote is not there, then it is null', () => {
    expect(anchorQuote(text, { exact: 'Green fish' })).toBeNull();
  });

  test('when a one-letter quote occurs everywhere in a long text, then the candidates are capped and the result still exact', () => {
    const long = 'a'.repeat(200_000);
    const anchor = anchorQuote(long, { exact: 'a', start: 10 });
    expect(anchor).toMatchObject({ start: 10, end: 11 });
    const far = anchorQuote(long, { exact: 'a', start: 150_000 });
    // Beyond the cap the nearest of the first MAX_CANDIDATES places is taken: still a real occurrence.
    expect(far?.start).toBe(MAX_CANDIDATES - 1);
  });
});
