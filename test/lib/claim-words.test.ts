import { negationsIn, numbersIn, sameNumbersAndNegations } from '../../src/lib/claim-words';

describe('the words that decide what a claim says', () => {
  test('when numbers are written with other digit grouping, then they are the same number; a changed figure is not', () => {
    expect(numbersIn('Over 22,000 people, 22 000 cars and 22\u202f000 bikes in 2023')).toBe('22000 22000 22000 2023');
    expect(sameNumbersAndNegations('22,000 were arrested', '22 000 were arrested')).toBe(true);
    expect(sameNumbersAndNegations('22,000 were arrested', '2,200 were arrested')).toBe(false);
    expect(sameNumbersAndNegations('rates rose 2.5 percent', 'rates rose 25 percent')).toBe(false);
  });

  test('when a negation comes, goes or changes, then the wordings differ; other words, case and apostrophes do not matter', () => {
    expect(negationsIn('They did not and won’t, never')).toBe("never not won't");
    expect(sameNumbersAndNegations('were arrested at the border', 'were not arrested at the border')).toBe(false);
    expect(sameNumbersAndNegations('Officials denied it', 'Officials confirmed it')).toBe(false);
    expect(sameNumbersAndNegations('They didn’t pay', "They didn't pay")).toBe(true);
    expect(sameNumbersAndNegations('The Mayor said 12 ferries ran', 'the mayor stated that 12 ferries sailed')).toBe(true);
  });
});

describe('footnote markers and names', () => {
  test('when a number is stuck to the word or punctuation before it, then it is a marker or a name, not a figure, on either side', () => {
    expect(numbersIn('during the lockdowns,1 mass arrests of H5N1 cases in 2022')).toBe('2022');
    expect(sameNumbersAndNegations('during the lockdowns, mass arrests', 'during the lockdowns,1 mass arrests')).toBe(true);
  });
});
