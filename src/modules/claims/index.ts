export { createClaimsService, type ClaimsService } from './claims-service';
export { lockClaims, assertClaimsLocked, articlesOfLockedClaims } from './claim-lock';
export { anchorJson, targetJson, wordsAsChecked } from './claims-presenter';
export { AnchorJson, TargetJson } from './claims-responses';
export type { Claim, ClaimAnchor, Revision, SameAsEvent } from './claims-types';
export { viewer, viewerOf } from './viewer';
export { ClaimIdParam, CreateClaimInput, SameAsInput } from './claims-schemas';
export { claimExistsFor, claimReadPolicy, readableAssignees, readableChecks, readableDecision, type ClaimReadPolicy, type Viewer } from './read-policy';
export type { QuoteSelector } from '../anchoring';
