import { segmentSentences } from '../../../../src/modules/articles/segmentation';
import { SEGMENTATION_CASES } from './cases';

describe('segmentSentences', () => {
  test('when the corpus is segmented, then it holds at least 60 cases', () => {
    expect(SEGMENTATION_CASES.length).toBeGreaterThanOrEqual(60);
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
