import { compareClaims, profileClaim, stem } from '../../../src/modules/search/claim-matching';

const compare = (a: string, b: string) => compareClaims(profileClaim(a), profileClaim(b));

describe('claim profiles', () => {
  test.each([
    ['22,000 migrants', [22000]],
    ['22k migrants', [22000]],
    ['twenty-two thousand migrants', [22000]],
    ['$4bn deficit', [4e9]],
    ['four billion dollars', [4e9]],
    ['3.7 percent', [3.7]],
    ['1.5 million people', [1.5e6]],
  ])('when the text says %s, then the figure is %p', (text, numbers) => {
    expect(profileClaim(text).numbers).toEqual(numbers);
  });

  test('when a four-digit number could be a year, then it is a year; with a comma or a unit it is a figure', () => {
    expect(profileClaim('in 2023, 2,023 people and 2023k dollars')).toMatchObject({ years: [2023], numbers: [2023, 2023000] });
  });

  test('when "no one" or "one of" appears, then it is not a figure', () => {
    expect(profileClaim('No one of them was arrested').numbers).toEqual([]);
  });

  test('when abbreviations and other names of a country are used, then they fold to one place', () => {
    expect([...profileClaim('U.S. agents').places]).toEqual(['usa']);
    expect([...profileClaim('the United States').places]).toEqual(['usa']);
    expect([...profileClaim('PRC nationals and Chinese citizens from China').places]).toEqual(['china']);
  });

  test('when negations are counted, then "not", "never" and "n’t" negate and two negations cancel out', () => {
    expect(profileClaim('The drug does not cause harm').negated).toBe(true);
    expect(profileClaim('The drug doesn’t cause harm').negated).toBe(true);
    expect(profileClaim('It is not true that it never happened').negated).toBe(false);
  });

  test('when words are inflected, then the stemmer folds them together', () => {
    expect(new Set(['arrested', 'arrests', 'arresting', 'arrest'].map(stem)).size).toBe(1);
    expect(new Set(['increase', 'increased', 'increases', 'increasing'].map(stem)).size).toBe(1);
  });
});

describe('comparing claims', () => {
  test('when two claims say the same in other words, then they are the same claim', () => {
    expect(
      compare('Border Patrol agents arrested more than 22,000 Chinese nationals in 2023.', 'In 2023, over 22k PRC nationals were caught by Border Patrol.'),
    ).toMatchObject({
      relation: 'same',
    });
  });

  test.each([
    ['the figure', 'Agents arrested 4,000 Chinese nationals in 2023.', 'Agents arrested 40,000 Chinese nationals in 2023.', 'numbers-differ'],
    ['the year', 'Agents arrested 4,000 Chinese nationals in 2023.', 'Agents arrested 4,000 Chinese nationals in 2022.', 'year-differs'],
    ['a negation', 'Agents arrested 4,000 Chinese nationals in 2023.', 'Agents did not arrest 4,000 Chinese nationals in 2023.', 'negated'],
    ['the direction', 'Arrests of Chinese nationals rose in 2023.', 'Arrests of Chinese nationals fell in 2023.', 'direction-differs'],
    ['the subject', 'Agents arrested 4,000 Chinese nationals in 2023.', 'Agents arrested 4,000 Mexican nationals in 2023.', 'subject-differs'],
  ])('when only %s changes, then the claims are similar but not the same', (_label, a, b, relation) => {
    const result = compare(a, b);
    expect(result.relation).toBe(relation);
    expect(result.score).toBeGreaterThan(0.5);
  });

  test('when one claim gives a figure or a year and the other none, then that is no difference', () => {
    expect(compare('Chinese arrests rose in 2023.', 'Chinese arrests rose.').relation).toBe('same');
    expect(compare('Agents arrested 4,000 Chinese nationals.', 'Agents arrested Chinese nationals.').relation).toBe('same');
  });

  test('when the claims share nothing, then the score is 0 and they are merely "similar"', () => {
    expect(compare('Rents rose in the capital.', 'The vaccine was tested on volunteers.')).toEqual({ score: 0, relation: 'similar' });
  });
});
