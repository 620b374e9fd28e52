import { claimReviewJsonLd, jsonForScript } from '../../../src/modules/verdicts/claimreview';
import { undefinedProperties } from '../../support/schema-org';

const input = {
  baseUrl: 'https://factcheck.example.org',
  publisherName: 'Example Fact Desk',
  claim: { id: 7, statement: 'Over 22,000 Chinese nationals were arrested in 2023.', exact: 'with over 22,000 arrested' },
  decision: { verdict: 'mostly-true' as const, firstPublishedAt: '2026-11-28T09:00:00.000Z', decidedAt: '2026-11-28T10:00:00.000Z' },
  article: { slug: 'seed', title: 'Soaring Numbers', byline: 'Leo Timm', publishedAt: '2023-11-23', sourceUrl: null },
};

describe('claimReviewJsonLd', () => {
  test('when a decision is published, then the ClaimReview carries the required fields with absolute URLs', () => {
    expect(claimReviewJsonLd(input)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://factcheck.example.org/claims/7',
      claimReviewed: 'Over 22,000 Chinese nationals were arrested in 2023.',
      datePublished: '2026-11-28',
      dateModified: '2026-11-28T10:00:00.000Z',
      author: { '@type': 'Organization', name: 'Example Fact Desk', url: 'https://factcheck.example.org' },
      reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: 'Mostly true' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Leo Timm' },
        datePublished: '2023-11-23',
        appearance: { '@type': 'NewsArticle', url: 'https://factcheck.example.org/articles/seed', headline: 'Soaring Numbers' },
      },
    });
  });

  test('when the verdict is unverifiable, then the rating has a label and no value', () => {
    const review = claimReviewJsonLd({ ...input, decision: { ...input.decision, verdict: 'unverifiable' } });
    expect(review.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
  });

  test('when the claim has no statement, no byline and an original URL, then the quote, no author and the original URL are used', () => {
    const review = claimReviewJsonLd({
      ...input,
      claim: { ...input.claim, statement: null },
      article: { ...input.article, byline: null, publishedAt: null, sourceUrl: 'https://news.example/story' },
    });
    expect(review.claimReviewed).toBe('with over 22,000 arrested');
    expect(review.itemReviewed).toEqual({
      '@type': 'Claim',
      appearance: { '@type': 'NewsArticle', url: 'https://news.example/story', headline: 'Soaring Numbers' },
    });
  });

  test.each(['false', 'mostly-false', 'mixed', 'mostly-true', 'true', 'unverifiable'] as const)(
    'when the verdict is %s, then every property is one schema.org defines for its type',
    (verdict) => {
      expect(undefinedProperties(claimReviewJsonLd({ ...input, decision: { ...input.decision, verdict } }))).toEqual([]);
    },
  );

  test('when the property check sees a made-up property, then it reports it (the check can fail)', () => {
    expect(undefinedProperties({ '@type': 'Rating', ratingValue: 1, verdictColour: 'red' })).toEqual(['$.verdictColour is not a Rating property']);
  });
});

describe('jsonForScript', () => {
  test('when text could close the script element, then "<" is escaped and the JSON still parses to the same value', () => {
    const value = { claimReviewed: '</script><script>alert(1)</script>\u2028' };
    const text = jsonForScript(value);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(value);
  });
});
