import type { Publishing } from '../verdicts';
import type { RouteSpec } from '../../http/routes';
import type { ArticlesService } from '../articles';
import type { ClaimsService, Viewer } from '../claims';
import type { ChecksService } from '../checks';
import { reviewApiRoutes } from './review-api-routes';
import { reviewPageRoutes } from './review-page-routes';
import type { ReviewDesk } from './review-desk';
import type { ReviewService } from './review-service';
import { reviewerPanel } from './review-presenter';

export { createReviewService, type ReviewService, type ClaimView, type ClaimRecord } from './review-service';
export { runStatsCommand, ensureClaimStats } from './stats-command';
export { verifyClaimStats, rebuildClaimStats, claimStatsSubscriber } from './claim-stats';
export { STATUS_LABEL } from './review-presenter';
export { AssigneeJson, SimilarClaimJson } from './review-responses';
export type { Assignee, ReviewDesk, SimilarClaim, FindSimilarClaims, ThreadComment } from './review-desk';

/** The claim page, the review queue and the claims, checks and decisions API. */
export function reviewRoutes(
  review: ReviewService,
  claims: ClaimsService,
  checks: ChecksService,
  articles: ArticlesService,
  publishing: Publishing,
  desk: ReviewDesk,
): RouteSpec[] {
  return [...reviewApiRoutes(review, claims, checks, articles, desk), ...reviewPageRoutes(review, claims, checks, articles, publishing, desk)];
}

/** The panel the article page shows signed-in people (the reader module's `ReviewerPanel`): their claims to check and checked. */
export function reviewerPanelOf(review: ReviewService) {
  return { forArticle: async (articleId: number, viewer: Viewer) => reviewerPanel(await review.forReviewer(articleId, viewer)) };
}
