import type { Db } from '../../db/knex';
import { hasRole } from '../accounts';
import type { ArticlesService } from '../articles';
import type { Claim, ClaimsService, Viewer } from '../claims';
import type { SimilarClaim as ReviewSimilarClaim } from '../review';
import { VERDICT_LABEL, type Decision, type DecisionsService, type Verdict } from '../verdicts';
import { candidateTokens, compareClaims, profileClaim, RELATION_NOTE, SHOW_THRESHOLD, type MatchRelation } from './claim-matching';
import { createSearchRepository, type ResultType, type SearchAudience } from './search-repository';
import { parseSearchQuery } from './search-query';
import type { SearchParams } from './search-schemas';
import { oneLine, snippetHtml } from './snippets';

export const PER_PAGE = 20;
/** How many claims the full-text index proposes for the matcher to re-rank. */
const CANDIDATES = 50;
export const MAX_SIMILAR = 5;

const TYPE_OF_PARAM: Record<NonNullable<SearchParams['type']>, ResultType> = { articles: 'article', claims: 'claim', factchecks: 'factcheck' };

export interface SearchResult {
  type: ResultType;
  id: number;
  title: string;
  /** Safe HTML: the stored text escaped, matched words in <mark>. */
  snippet: string;
  url: string;
  verdict?: Verdict;
  verdictLabel?: string;
  article?: { slug: string; title: string };
}

export interface SearchPage {
  query: string;
  type: SearchParams['type'] | null;
  results: SearchResult[];
  total: number;
  page: number;
  perPage: number;
}

export type SimilarClaim = ReviewSimilarClaim & { relation: MatchRelation };

export type SearchService = ReturnType<typeof createSearchService>;

function audienceOf(viewer: Viewer | null): SearchAudience | null {
  return viewer ? { viewerId: viewer.id, editor: hasRole(viewer.role, 'editor') } : null;
}

const claimTitle = (claim: Claim) => oneLine(claim.statement ?? claim.exact);

/** Search for people, and "has this been checked before?" for reviewers. */
export function createSearchService(db: Db, articles: ArticlesService, claims: ClaimsService, decisions: DecisionsService) {
  const repo = createSearchRepository(db);

  async function claimsWithDecisions(ids: number[]): Promise<{ byId: Map<number, Claim>; decided: Map<number, Decision> }> {
    const [list, decided] = await Promise.all([claims.byIds(ids), decisions.decisionsByClaim(ids)]);
    return { byId: new Map(list.map((claim) => [claim.id, claim])), decided };
  }

  return {
    async search(params: SearchParams, viewer: Viewer | null): Promise<SearchPage> {
      const query = parseSearchQuery(params.q);
      const { results: rows, total } = await repo.search(query, {
        viewer: audienceOf(viewer),
        type: params.type ? TYPE_OF_PARAM[params.type] : null,
        page: params.page,
        perPage: PER_PAGE,
      });
      const claimIds = rows.filter((row) => row.type !== 'article').map((row) => row.id);
      const { byId, decided } = await claimsWithDecisions(claimIds);
      const summaries = await articles.summariesOf([
        ...rows.filter((row) => row.type === 'article').map((row) => row.id),
        ...[...byId.values()].map((claim) => claim.articleId),
      ]);
      const results = rows.flatMap((row): SearchResult[] => {
        const snippet = snippetHtml(oneLine(row.snippet));
        if (row.type === 'article') {
          const article = summaries.get(row.id);
          return article ? [{ type: 'article', id: row.id, title: article.title, snippet, url: `/articles/${article.slug}` }] : [];
        }
        const claim = byId.get(row.id);
        const article = claim && summaries.get(claim.articleId);
        if (!claim || !article) return []; // deleted between the two reads
        const decision = decided.get(claim.id);
        const published = decision?.published ? decision : null;
        return [
          {
            type: row.type,
            id: claim.id,
            title: claimTitle(claim),
            snippet,
            url: `/claims/${claim.id}`,
            ...(published ? { verdict: published.verdict, verdictLabel: VERDICT_LABEL[published.verdict] } : {}),
            article: { slug: article.slug, title: article.title },
          },
        ];
      });
      return { query: query.text, type: params.type ?? null, results, total, page: params.page, perPage: PER_PAGE };
    },

    /**
     * Up to five claims on record, in any article, like this text: full-text candidates re-ranked
     * by the matcher (claim-matching.ts), the five best by score, published fact-checks first.
     */
    async similar(text: string, options: { exclude?: number | null } = {}): Promise<SimilarClaim[]> {
      const profile = profileClaim(text);
      const ids = await repo.claimCandidates(candidateTokens(text), CANDIDATES, options.exclude ?? null);
      if (ids.length === 0) return [];
      const { byId, decided } = await claimsWithDecisions(ids);
      const summaries = await articles.summariesOf([...byId.values()].map((claim) => claim.articleId));
      const scored = ids.flatMap((id) => {
        const claim = byId.get(id);
        const article = claim && summaries.get(claim.articleId);
        if (!claim || !article) return [];
        const best = [claim.exact, claim.statement]
          .filter((t): t is string => Boolean(t))
          .map((t) => compareClaims(profile, profileClaim(t)))
          .sort((a, b) => b.score - a.score)[0];
        return best.score >= SHOW_THRESHOLD ? [{ claim, article, match: best }] : [];
      });
      const top = scored.sort((a, b) => b.match.score - a.match.score || a.claim.id - b.claim.id).slice(0, MAX_SIMILAR);
      return top
        .map(({ claim, article, match }): SimilarClaim => {
          const decision = decided.get(claim.id);
          const verdict = decision?.published ? decision.verdict : null;
          return {
            claimId: claim.id,
            quote: claim.exact,
            statement: claim.statement,
            article: { slug: article.slug, title: article.title },
            url: `/claims/${claim.id}`,
            published: verdict !== null,
            verdict,
            verdictLabel: verdict ? VERDICT_LABEL[verdict] : null,
            score: match.score,
            relation: match.relation,
            note: RELATION_NOTE[match.relation],
          };
        })
        .sort((a, b) => Number(b.published) - Number(a.published));
    },
  };
}
