import type { Claim, ClaimsService, Source } from '../claims';
import type { Decision, DecisionsService } from '../verdicts';

/** One published fact-check as readers see it. */
export interface PublishedFactCheck {
  claim: Claim;
  decision: Decision;
  sources: Source[];
}

export type ReaderService = ReturnType<typeof createReaderService>;

/** Reads published decisions only: nothing here can reveal a check or an unpublished verdict. */
export function createReaderService(claims: ClaimsService, decisions: DecisionsService) {
  /** The evidence as published: a check filed or edited later never reaches readers until an editor republishes. */
  async function withClaims(published: Decision[]): Promise<PublishedFactCheck[]> {
    const byId = new Map((await claims.byIds(published.map((d) => d.claimId))).map((c) => [c.id, c]));
    return published.map((decision) => ({ claim: byId.get(decision.claimId)!, decision, sources: decision.evidence }));
  }

  return {
    async publishedFactChecks(articleId: number): Promise<PublishedFactCheck[]> {
      return withClaims(await decisions.publishedForArticle(articleId));
    },

    /** Every published fact-check on the site, with its article id. */
    async allPublishedFactChecks(): Promise<(PublishedFactCheck & { articleId: number })[]> {
      const published = await decisions.allPublished();
      const factChecks = await withClaims(published);
      return factChecks.map((factCheck, i) => ({ ...factCheck, articleId: published[i].articleId }));
    },
  };
}
