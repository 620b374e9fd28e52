import { aggregateVerdicts, medianRating, pairwiseAgreement } from '../../../src/modules/verdicts/aggregation';
import type { Verdict } from '../../../src/modules/verdicts/verdict-scale';

const options = { minOrdinalChecks: 2, published: false };

describe('medianRating (the consensus)', () => {
  test.each([
    [[3], 3],
    [[1, 5, 2], 2],
    [[2, 4], 3],
    [[1, 2], 2],
    [[4, 5], 4],
    [[1, 4], 3],
    [[2, 5], 3],
    [[1, 1, 5, 5], 3],
    [[1, 2, 2, 3], 2],
    [[], null],
  ])('when the ratings are %p, then the consensus value is %p (even counts round toward mixed)', (values, expected) => {
    expect(medianRating(values)).toBe(expected);
  });
});

describe('pairwiseAgreement', () => {
  test.each([
    [[4, 4, 4], 1],
    [[1, 5], 0],
    [[3, 4], 0.75],
    [[1, 2, 3], 0.6667],
    [[5], null],
  ])('when the ratings are %p, then agreement is %p', (values, expected) => {
    expect(pairwiseAgreement(values)).toBe(expected);
  });
});

describe('aggregateVerdicts', () => {
  const aggregate = (verdicts: Verdict[], extra = {}) => aggregateVerdicts(verdicts, { ...options, ...extra });

  test('when there are no checks, then it needs review and has no verdict', () => {
    expect(aggregate([])).toMatchObject({ verdict: null, ratingValue: null, reviewers: 0, agreement: null, status: 'needs-review' });
  });

  test('when one ordinal check is in, then it still needs review (below the minimum of two)', () => {
    expect(aggregate(['false'])).toMatchObject({ verdict: 'false', status: 'needs-review', reviewers: 1 });
  });

  test('when two reviewers are one step apart, then it is consensus on the rounded-toward-mixed median', () => {
    expect(aggregate(['mostly-true', 'true'])).toMatchObject({ verdict: 'mostly-true', ratingValue: 4, status: 'consensus', agreement: 0.75 });
  });

  test('when ratings are two steps apart, then it is disputed', () => {
    expect(aggregate(['false', 'mixed']).status).toBe('disputed');
  });

  test('when unverifiable stands beside true or false, then it is disputed even with one ordinal check', () => {
    expect(aggregate(['unverifiable', 'true']).status).toBe('disputed');
    expect(aggregate(['unverifiable', 'false', 'false']).status).toBe('disputed');
  });

  test('when unverifiable stands beside a moderate verdict, then it does not count as a rating', () => {
    expect(aggregate(['unverifiable', 'mostly-true', 'mostly-true'])).toMatchObject({
      status: 'consensus',
      ordinalRatings: 2,
      reviewers: 3,
      verdict: 'mostly-true',
    });
    expect(aggregate(['unverifiable', 'unverifiable'])).toMatchObject({ status: 'needs-review', verdict: null });
  });

  test('when the minimum is configured higher, then two agreeing checks still need review', () => {
    expect(aggregate(['true', 'true'], { minOrdinalChecks: 3 }).status).toBe('needs-review');
  });

  test('when a decision is published, then the status is published whatever the checks say', () => {
    expect(aggregate(['false', 'true'], { published: true }).status).toBe('published');
  });

  test('when checks are counted, then the distribution covers all six verdicts', () => {
    expect(aggregate(['false', 'false', 'unverifiable']).distribution).toEqual({
      false: 2,
      'mostly-false': 0,
      mixed: 0,
      'mostly-true': 0,
      true: 0,
      unverifiable: 1,
    });
  });
});
