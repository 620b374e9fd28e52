import { byPosition, segmentRun } from '../../../src/modules/reader/claim-marks';

const text = 'Their trip starts in Ecuador, a country without visas. Then they go north.';
const claim = (claimId: number, quote: string, occurrence = 0) => {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  return { claimId, start, end: start + quote.length };
};
const view = (segments: ReturnType<typeof segmentRun>) => segments.map((s) => [s.text, s.claims.map((c) => c.claimId)]);
const firstSentence = { start: 0, end: text.indexOf(' Then') };
const secondSentence = { start: text.indexOf('Then'), end: text.length };

describe('cutting a run of text into marked segments', () => {
  test('when a claim covers part of a sentence, then only its quote is marked', () => {
    const segments = segmentRun(text, firstSentence.start, firstSentence.end, [claim(1, 'a country without visas')]);
    expect(view(segments)).toEqual([
      ['Their trip starts in Ecuador, ', []],
      ['a country without visas', [1]],
      ['.', []],
    ]);
  });

  test('when claims overlap and nest, then every segment names every claim covering it, outermost first', () => {
    const claims = byPosition([claim(3, 'without visas'), claim(1, 'Ecuador, a country'), claim(2, 'Their trip starts in Ecuador, a country without visas.')]);
    expect(claims.map((c) => c.claimId)).toEqual([2, 1, 3]);
    expect(view(segmentRun(text, firstSentence.start, firstSentence.end, claims))).toEqual([
      ['Their trip starts in ', [2]],
      ['Ecuador, a country', [2, 1]],
      [' ', [2]],
      ['without visas', [2, 3]],
      ['.', [2]],
    ]);
  });

  test('when a claim crosses from one sentence into the next, then each run marks its own part and the space between is marked too', () => {
    const across = [claim(5, 'without visas. Then they')];
    const gap = { start: firstSentence.end, end: secondSentence.start };
    expect(view(segmentRun(text, firstSentence.start, firstSentence.end, across)).filter(([, ids]) => (ids as number[]).length)).toEqual([
      ['without visas.', [5]],
    ]);
    expect(view(segmentRun(text, gap.start, gap.end, across))).toEqual([[' ', [5]]]);
    expect(view(segmentRun(text, secondSentence.start, secondSentence.end, across))).toEqual([
      ['Then they', [5]],
      [' go north.', []],
    ]);
  });

  test('when the segments of a run are joined, then they give its text exactly, whatever the claims', () => {
    const claims = byPosition([claim(1, 'Their'), claim(2, 'r trip s'), claim(3, 'north.'), claim(4, 'a'), claim(5, 'country without')]);
    for (const run of [firstSentence, secondSentence, { start: 0, end: text.length }]) {
      const segments = segmentRun(text, run.start, run.end, claims);
      expect(segments.map((s) => s.text).join('')).toBe(text.slice(run.start, run.end));
      for (let i = 1; i < segments.length; i++) expect(segments[i].start).toBe(segments[i - 1].end);
    }
  });
});
