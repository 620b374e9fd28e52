import { segmentSentences } from '../../../src/modules/segmentation';
import { SEGMENTATION_CASES } from './cases';

describe('segmentSentences', () => {
  test('when a corpus case is read, then its expected sentences are the text itself, in order, with only spacing between them', () => {
    for (const { text, expected } of SEGMENTATION_CASES) {
      let cursor = 0;
      for (const sentence of expected) {
        const at = text.indexOf(sentence, cursor);
        expect({ text, sentence, found: at >= 0 && text.slice(cursor, at).trim() === '' }).toEqual({ text, sentence, found: true });
        cursor = at + sentence.length;
      }
      expect(text.slice(cursor).trim()).toBe('');
    }
  });

  test.each(SEGMENTATION_CASES.map((c) => [c.category, c.text, c.expected] as const))(
    'when given %s, then it splits as expected: %s',
    (_category, text, expected) => {
      expect(segmentSentences(text).map((s) => s.text)).toEqual(expected);
    },
  );

  test('when a sentence is returned, then its offsets address exactly its text', () => {
    const text = '  Over 22,000 were arrested by U.S. Customs.\u00a0 2023 has seen more.  ';
    const spans = segmentSentences(text);
    expect(spans).toHaveLength(2);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(spans[0].start).toBe(2);
  });

  test('when the text is empty or blank, then there are no sentences', () => {
    expect(segmentSentences('')).toEqual([]);
    expect(segmentSentences(' \n\t ')).toEqual([]);
  });
});

/**
 * Inputs that once made segmentation quadratic (a sentence that never ends, re-read at every
 * period). At 200,000 characters each took seconds to minutes; the linear scanner takes
 * milliseconds (npm run bench prints the figures). Here they are held to correct output, and the
 * suite's timeout would catch a return of the quadratic behaviour.
 */
describe('segmentSentences on adversarial input', () => {
  const repeat = (unit: string, length = 200_000) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

  test.each([
    ['"1) " repeated', repeat('1) ')],
    ['"a.m. X " repeated', repeat('a.m. X ')],
    ['"A. " repeated', repeat('A. ')],
    ['"Ab. " repeated', repeat('Ab. ')],
    ['"Mr. " repeated', repeat('Mr. ')],
    ['one 200,000-character word with periods', repeat('x.Yz')],
    [
      '"1. 2. 3. …" counting markers',
      Array.from({ length: 30_000 }, (_, i) => `${(i % 999) + 1}. `)
        .join('')
        .slice(0, 200_000),
    ],
  ])('when given %s, then every sentence addresses its own text and the spans cover the input in order', (_label, text) => {
    const spans = segmentSentences(text);
    expect(spans.length).toBeGreaterThan(0);
    let previousEnd = 0;
    for (const span of spans) {
      expect(span.start).toBeGreaterThanOrEqual(previousEnd);
      expect(text.slice(span.start, span.end)).toBe(span.text);
      previousEnd = span.end;
    }
  });
});
