import type { ArticlesService, RevisionSummary, UpdateArticleInput, UpdateOutcome, AnchoringCounts } from '../articles';
import type { ClaimsService } from '../claims';

export type RevisionsService = ReturnType<typeof createRevisionsService>;

export type UpdateResult = UpdateOutcome & { anchoring: AnchoringCounts | null };

/**
 * Living articles: an editor's update becomes a new revision of the article (the articles module
 * stores it) and, in the same transaction, every claim is re-anchored in it (the claims module).
 * A failure anywhere leaves the article, its revisions and its claims as they were.
 */
export function createRevisionsService(articles: ArticlesService, claims: ClaimsService) {
  return {
    update(slug: string, input: UpdateArticleInput, editorId: number): Promise<UpdateResult> {
      return articles.update(slug, input, editorId, (tx, revision) => claims.reanchor(tx, revision));
    },

    list(slug: string): Promise<{ article: Awaited<ReturnType<ArticlesService['getBySlug']>>; revisions: RevisionSummary[] }> {
      return articles.revisions(slug);
    },

    /**
     * Each revision, newest first, with its text and the previous one's for the newest `diffed`
     * revisions (older texts are not read: a long history stays a small page).
     */
    async withTexts(slug: string, diffed: number) {
      const { article, revisions } = await articles.revisions(slug);
      const texts = await articles.revisionTexts(article.id, Math.max(1, article.revision - diffed));
      return {
        article,
        revisions: revisions.map((summary) => {
          const text = texts.get(summary.number) ?? null;
          return { summary, text, previous: text === null ? null : (texts.get(summary.number - 1) ?? null) };
        }),
      };
    },
  };
}
