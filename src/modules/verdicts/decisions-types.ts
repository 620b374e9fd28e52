import type { Stance, Verdict } from './verdict-scale';

/** A source as a publication shows it (the same shape as a check's source). */
export interface EvidenceSource {
  url: string;
  title: string | null;
  stance: Stance;
  quote: string | null;
}

export interface Decision {
  claimId: number;
  verdict: Verdict;
  summary: string;
  note: string | null;
  published: boolean;
  firstPublishedAt: string | null;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string;
  /** The sources readers see, frozen when the decision was (last) published. */
  evidence: EvidenceSource[];
  /** Set when a check was filed or changed on the claim after publication; cleared by republishing. */
  newEvidenceAt: string | null;
  /** Set when the article changed under the published claim's quote (fuzzy or orphaned); cleared by deciding again. */
  needsRecheckAt: string | null;
}

/** Where a page of the published feed (newest publication first) starts after. */
export interface PublishedPosition {
  publishedAt: string;
  claimId: number;
}
