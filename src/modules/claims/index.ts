import type { Publishing } from '../verdicts';
import type { RouteSpec } from '../../http/routes';
import type { ArticlesService } from '../articles';
import { claimsApiRoutes } from './claims-api-routes';
import { claimsPageRoutes } from './claims-page-routes';
import type { ChecksService } from './checks-service';
import type { ClaimsService } from './claims-service';
import type { ClaimsDesk } from './claims-types';

export { createClaimsService, distinctSources, type ClaimsService, type ClaimView } from './claims-service';
export { createChecksService, type ChecksService } from './checks-service';
export { runStatsCommand, ensureClaimStats } from './stats-command';
export { verifyClaimStats, rebuildClaimStats, claimStatsSubscriber } from './claim-stats';
export { anchorJson, sourceJson, targetJson, wordsAsChecked, STATUS_LABEL } from './claims-presenter';
export type { Assignee, Claim, Check, ClaimsDesk, Source, SimilarClaim, FindSimilarClaims, ThreadComment } from './claims-types';
export type { Viewer } from './read-policy';
export { viewer, viewerOf } from './claims-api-routes';
export { CheckInput, CreateClaimInput } from './claims-schemas';
export { claimReadPolicy, readableChecks, readableDecision, type ClaimReadPolicy } from './read-policy';
export type { QuoteSelector } from '../anchoring';

export function claimsRoutes(claims: ClaimsService, checks: ChecksService, articles: ArticlesService, publishing: Publishing, desk: ClaimsDesk): RouteSpec[] {
  return [...claimsApiRoutes(claims, checks, articles, desk), ...claimsPageRoutes(claims, checks, articles, publishing, desk)];
}
export { AnchorJson, AssigneeJson, SimilarClaimJson, SourceJson, TargetJson } from './claims-responses';
