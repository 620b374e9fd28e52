import { seededRandom } from '../../support/random';
import { anchorAt } from '../../../src/modules/anchoring/anchoring';
import { claimOn, reanchorThrough } from '../../support/anchors';
import { editDistance, foldTypography, PositionMap, reanchor, similarity } from '../../../src/modules/anchoring/reanchoring';
import { wordDiff } from '../../../src/lib/text-diff';

const run = reanchorThrough;

describe('re-anchoring rules', () => {
  test('when a quote is exactly where it was, then it is exact at the same offsets', () => {
    const text = 'The mayor said rents rose 12 percent. Nobody disagreed.';
    const result = run(text, text, claimOn(text, 'rents rose 12 percent'));
    expect(result).toEqual({ status: 'exact', anchor: anchorAt(text, 15, 36), similarity: null, contextChanged: false });
  });

  test('when nothing says where the quote went and two places match it equally well, then the claim is orphaned as ambiguous, not guessed', () => {
    const before = 'Intro. The figure was 40 percent. Outro.';
    const after = 'Intro. The figure was 40 percent. Outro. Intro. The figure was 40 percent. Outro.';
    // No diff (as for texts too different to compare word by word): only the words and their context decide.
    const result = reanchor(claimOn(before, 'The figure was 40 percent.'), after, foldTypography(after), new PositionMap(null));
    expect(result.status).toBe('orphaned');
    expect(result.reason).toBe('ambiguous');
    const unique = reanchor(
      claimOn(before, 'The figure was 40 percent.'),
      `Intro. The figure was 40 percent. Outro.`,
      foldTypography(before),
      new PositionMap(null),
    );
    expect(unique.status).toBe('exact');
  });

  test('when a quote is corrected in place while identical copies of the old words stand elsewhere, then it is fuzzy in its place', () => {
    const sentence = 'Over 22,000 people were arrested at the border this year.';
    const before = `Lead. ${sentence} Tail one.\n\nBox: ${sentence}\n\nAgain: ${sentence}`;
    const after = before.replace('Over 22,000', 'Over 21,500');
    const result = run(before, after, claimOn(before, sentence));
    expect(result.status).toBe('fuzzy');
    expect(result.anchor.start).toBe(before.indexOf(sentence));
    expect(result.anchor.exact).toBe(sentence.replace('22,000', '21,500'));
  });

  test('when a short quote survives only somewhere else with other context, then it is orphaned, however exact the words', () => {
    const before = 'Rents rose sharply in the capital. Elsewhere, prices were flat and rents rose sharply in the north too.';
    const after = 'Elsewhere, prices were flat and rents rose sharply in the north too.';
    const result = run(before, after, claimOn(before, 'Rents rose sharply in the capital.'.slice(0, 18)));
    expect(result.status).toBe('orphaned');
  });

  test('when a quote was changed beyond a quarter of its characters, then it is orphaned as too different', () => {
    const before = 'Opening line. The port handled 2 million containers last year. Closing line.';
    const after = 'Opening line. Container traffic at the port fell sharply. Closing line.';
    expect(run(before, after, claimOn(before, 'The port handled 2 million containers last year.')).status).toBe('orphaned');
  });

  test('when a fuzzy claim changes again, then its similarity is measured against the quote as checked, not the last revision', () => {
    const v1 = 'Start. Unemployment fell to 4.1 percent in March. End.';
    const v2 = 'Start. Unemployment fell to 4.2 percent in March. End.';
    const v3 = 'Start. Unemployment fell to 4.2 percent in March 2026. End.';
    const first = run(v1, v2, claimOn(v1, 'Unemployment fell to 4.1 percent in March.'));
    expect(first.status).toBe('fuzzy');
    const second = run(v2, v3, { ...first.anchor, status: 'fuzzy', checkedExact: 'Unemployment fell to 4.1 percent in March.' });
    expect(second.status).toBe('fuzzy');
    expect(second.anchor.exact).toBe('Unemployment fell to 4.2 percent in March 2026.'); // stretched to the end of its sentence
    expect(second.similarity).toBeCloseTo(similarity('Unemployment fell to 4.1 percent in March.', 'Unemployment fell to 4.2 percent in March 2026.'), 3);
  });

  test('when the checked words come back after a fuzzy revision, then the claim is exact again', () => {
    const v2 = 'Start. Unemployment fell to 4.2 percent in March. End.';
    const v3 = 'Start. Unemployment fell to 4.1 percent in March. End.';
    const claim = {
      ...claimOn(v2, 'Unemployment fell to 4.2 percent in March.'),
      status: 'fuzzy' as const,
      checkedExact: 'Unemployment fell to 4.1 percent in March.',
    };
    expect(run(v2, v3, claim).status).toBe('exact');
  });
});

describe('the pieces', () => {
  test('when typography is folded, then curly quotes, dashes and non-breaking spaces become plain, one character for one', () => {
    const text = '“Quoted” – it’s\u00a0here—now';
    expect(foldTypography(text)).toBe('"Quoted" - it\'s here-now');
    expect(foldTypography(text)).toHaveLength(text.length);
  });

  test.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
    ['flaw', 'lawn', 2],
  ])('when the edit distance of %j and %j is computed, then it is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  test('when random strings longer than a machine word are compared, then the library’s distance equals the textbook dynamic programme, over UTF-16 code units', () => {
    const textbook = (a: string, b: string) => {
      let row = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        row = next;
      }
      return row[b.length];
    };
    const rng = seededRandom(20261204);
    const alphabet = ['a', 'b', 'c', ' ', 'é', '😀', '—'];
    const word = (length: number) => Array.from({ length }, () => rng.pick(alphabet)).join('');
    for (let n = 0; n < 200; n++) {
      const [a, b] = [word(Math.floor(rng.next() * 90)), word(Math.floor(rng.next() * 90))];
      expect([a, b, editDistance(a, b)]).toEqual([a, b, textbook(a, b)]);
    }
  });

  test('when positions are mapped through a diff, then kept text maps exactly and deleted text maps to where it was', () => {
    const before = 'alpha beta gamma delta';
    const after = 'new alpha gamma delta';
    const map = new PositionMap(wordDiff(before, after));
    expect(map.kept(0, 5)).toEqual({ start: 4, end: 9 });
    expect(map.kept(6, 10)).toBeNull(); // "beta" was deleted
    expect(map.map(before.indexOf('gamma'))).toBe(after.indexOf('gamma'));
  });
});
