import { VERDICT_LABEL, VERDICT_VALUE, type Verdict } from './verdict-scale';

// schema.org ClaimReview for a published decision, following schema.org's definitions and the
// fact-check structured-data guidelines search engines publish: an absolute `url`, the claim
// reviewed, the publication date, the publishing organisation as author, a Rating (1–5 with its
// label as alternateName; `unverifiable` has the label only) and the reviewed Claim with its
// author, date and appearance in the article. Only properties schema.org defines are emitted.

/** Who publishes the fact-checks and where: the absolute base of links, and the organisation named as author. */
export interface Publishing {
  baseUrl: string;
  publisherName: string;
}

export interface ClaimReviewInput extends Publishing {
  claim: { id: number; statement: string | null; exact: string };
  decision: { verdict: Verdict; firstPublishedAt: string | null; decidedAt: string };
  article: { slug: string; title: string; byline: string | null; publishedAt: string | null; sourceUrl: string | null };
  /**
   * Every article the claim appears in, when it is more than this one (claims marked "the same
   * claim as" this fact-check): `itemReviewed.appearance` then lists them all.
   */
  appearances?: { url: string | null; slug: string; headline: string }[];
}

export function claimReviewJsonLd({ baseUrl, publisherName, claim, decision, article, appearances = [] }: ClaimReviewInput) {
  const value = VERDICT_VALUE[decision.verdict];
  const newsArticle = (a: { url: string | null; slug: string; headline: string }) => ({
    '@type': 'NewsArticle',
    url: a.url ?? `${baseUrl}/articles/${a.slug}`,
    headline: a.headline,
  });
  const own = newsArticle({ url: article.sourceUrl, slug: article.slug, headline: article.title });
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${baseUrl}/claims/${claim.id}`,
    claimReviewed: claim.statement ?? claim.exact,
    datePublished: (decision.firstPublishedAt ?? decision.decidedAt).slice(0, 10),
    // Changes whenever an editor decides again, e.g. re-confirms the verdict after the article changed.
    dateModified: decision.decidedAt,
    author: { '@type': 'Organization', name: publisherName, url: baseUrl },
    reviewRating: {
      '@type': 'Rating',
      ...(value === null ? {} : { ratingValue: value, bestRating: 5, worstRating: 1 }),
      alternateName: VERDICT_LABEL[decision.verdict],
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(article.byline ? { author: { '@type': 'Person', name: article.byline } } : {}),
      ...(article.publishedAt ? { datePublished: article.publishedAt.slice(0, 10) } : {}),
      appearance: appearances.length > 1 ? appearances.map(newsArticle) : own,
    },
  };
}

/** JSON for a <script type="application/ld+json"> block: "<" is escaped so no text can end the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
