import type { Db } from '../../db/knex';
import { listClaims, type Claim, type Source } from '../claims';
import { listAllPublished, listPublishedForArticle, type Decision } from '../verdicts';

/** One published fact-check as readers see it. */
export interface PublishedFactCheck {
  claim: Claim;
  decision: Decision;
  sources: Source[];
}

export type ReaderService = ReturnType<typeof createReaderService>;

/** Reads published decisions only: nothing here can reveal a check or an unpublished verdict. */
export function createReaderService(db: Db) {
  return {
    async publishedFactChecks(articleId: number): Promise<PublishedFactCheck[]> {
      return this.withClaims(await listPublishedForArticle(db, articleId));
    },

    /** Every published fact-check on the site, with its article id. */
    async allPublishedFactChecks(): Promise<(PublishedFactCheck & { articleId: number })[]> {
      const decisions = await listAllPublished(db);
      const withClaims = await this.withClaims(decisions);
      return withClaims.map((factCheck, i) => ({ ...factCheck, articleId: decisions[i].articleId }));
    },

    async withClaims(decisions: Decision[]): Promise<PublishedFactCheck[]> {
      if (decisions.length === 0) return [];
      const claimIds = decisions.map((d) => d.claimId);
      const claims = await listClaims(db, { claimIds });
      const byId = new Map(claims.map((c) => [c.id, c]));
      // The evidence as published: a check filed or edited later never reaches readers until an editor republishes.
      return decisions.map((decision) => ({ claim: byId.get(decision.claimId)!, decision, sources: decision.evidence }));
    },
  };
}
