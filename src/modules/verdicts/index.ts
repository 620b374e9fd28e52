export * from './verdict-scale';
export { claimAggregate, medianRating, pairwiseAgreement, CLAIM_STATUSES, type Aggregate, type ClaimStatus, type DecisionState } from './aggregation';
export { krippendorffAlpha, krippendorffAlphaFromPatterns, type AlphaResult, type RatingPattern } from './krippendorff';
export { DecisionInput } from './decisions-schemas';
export type { Decision, EvidenceSource, PublishedPosition } from './decisions-types';
export {
  createDecisionsService,
  decisionsReader,
  decisionMarksSubscriber,
  type ClaimEvidence,
  type DecisionsReader,
  type DecisionsService,
} from './decisions-service';
export { claimReviewJsonLd, jsonForScript, type ClaimReviewInput, type Publishing } from './claimreview';
