import type { ArticlesService, ArticleSummary } from '../articles';
import type { Claim, ClaimsService } from '../claims';
import type { Source } from '../checks';
import type { Decision, DecisionsService, PublishedPosition } from '../verdicts';

/** Where a claim shown with an earlier fact-check's verdict was first checked. */
export interface FirstChecked {
  claimId: number;
  article: { slug: string; title: string };
  publishedAt: string | null;
}

/** An article a fact-check's claim appears in (ClaimReview's `itemReviewed.appearance`). */
export interface Appearance {
  url: string | null;
  slug: string;
  headline: string;
}

/** One published fact-check as readers see it. */
export interface PublishedFactCheck {
  claim: Claim;
  decision: Decision;
  sources: Source[];
  /** Set when the claim shows an earlier fact-check's verdict ("the same claim as"); null for the claim's own. */
  firstChecked: FirstChecked | null;
  /** Every article the claim appears in, its own first (more than one once other claims are marked the same as it). */
  appearances: Appearance[];
}

export type ReaderService = ReturnType<typeof createReaderService>;

const appearanceOf = (article: Pick<ArticleSummary, 'slug' | 'title' | 'sourceUrl'>): Appearance => ({
  url: article.sourceUrl,
  slug: article.slug,
  headline: article.title,
});

/** Reads published decisions only: nothing here can reveal a check or an unpublished verdict. */
export function createReaderService(claims: ClaimsService, decisions: DecisionsService, articles: ArticlesService) {
  /** The evidence as published: a check filed or edited later never reaches readers until an editor republishes. */
  async function withClaims(published: Decision[]): Promise<PublishedFactCheck[]> {
    const list = await claims.byIds(published.map((d) => d.claimId));
    const byId = new Map(list.map((c) => [c.id, c]));
    const linked = await claims.linkedTo(list.map((c) => c.id));
    const summaries = await articles.summariesOf([...list.map((c) => c.articleId), ...linked.map((link) => link.articleId)]);
    return published.map((decision) => {
      const claim = byId.get(decision.claimId)!;
      const others = linked.filter((link) => link.targetClaimId === claim.id).map((link) => summaries.get(link.articleId)!);
      const own = summaries.get(claim.articleId)!;
      const appearances = [own, ...others.filter((a, i) => a.id !== own.id && others.findIndex((b) => b.id === a.id) === i)].map(appearanceOf);
      return { claim, decision, sources: decision.evidence, firstChecked: null, appearances };
    });
  }

  /** Claims of the article marked as the same as a published fact-check: shown with its verdict, summary and sources. */
  async function sharedVerdicts(articleId: number): Promise<PublishedFactCheck[]> {
    const linked = await claims.linkedIn(articleId);
    if (linked.length === 0) return [];
    const targets = await withClaims([...(await decisions.decisionsByClaim(linked.map((c) => c.sameAs!))).values()].filter((d) => d.published));
    const byTarget = new Map(targets.map((t) => [t.claim.id, t]));
    const summaries = await articles.summariesOf(targets.map((t) => t.claim.articleId));
    return linked.flatMap((claim) => {
      const target = byTarget.get(claim.sameAs!);
      if (!target) return [];
      const origin = summaries.get(target.claim.articleId)!;
      return [
        {
          ...target,
          claim,
          firstChecked: { claimId: target.claim.id, article: { slug: origin.slug, title: origin.title }, publishedAt: target.decision.firstPublishedAt },
        },
      ];
    });
  }

  return {
    async publishedFactChecks(articleId: number): Promise<PublishedFactCheck[]> {
      const [own, shared] = await Promise.all([decisions.publishedForArticle(articleId).then(withClaims), sharedVerdicts(articleId)]);
      return [...own, ...shared].sort((a, b) => a.claim.start - b.claim.start || a.claim.id - b.claim.id);
    },

    /** A page of every article's published fact-checks with their article ids, newest first publication first (the site feed). */
    async publishedFactChecksAfter(after: PublishedPosition | undefined, limit: number): Promise<(PublishedFactCheck & { articleId: number })[]> {
      const published = await decisions.publishedAfter(after, limit);
      const factChecks = await withClaims(published);
      return factChecks.map((factCheck, i) => ({ ...factCheck, articleId: published[i].articleId }));
    },
  };
}
