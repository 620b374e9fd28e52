import { changedWords, keptStretches, wordDiff } from '../../src/lib/text-diff';

describe('word diffs between revisions', () => {
  test('when a figure changes, then the diff keeps everything else and puts the texts back together exactly', () => {
    const before = 'The council counted 1,200 passengers a day.';
    const after = 'The council counted 1,300 passengers a day.';
    const parts = wordDiff(before, after)!;
    expect(
      parts
        .filter((p) => p.kind !== 'inserted')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'deleted')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
    expect(changedWords(before, after, parts)).toEqual({ insertedWords: 1, deletedWords: 1 });
    expect(keptStretches(parts)[0]).toEqual({ before: 0, after: 0, length: 'The council counted 1,'.length });
  });

  test('when two long texts have nothing in common, then the diff gives up quickly instead of taking seconds', () => {
    const words = (seed: number) => Array.from({ length: 6000 }, (_, i) => `w${(i * seed) % 997}`).join(' ');
    // Without the diff's timeout this pair yields a diff after about 30 s; null means the timeout stopped it.
    const parts = wordDiff(words(7), words(13));
    expect(parts).toBeNull();
    expect(changedWords(words(7), words(13), parts)).toEqual({ insertedWords: 6000, deletedWords: 6000 });
  });
});
