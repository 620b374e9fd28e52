import type { Confidence, Stance, Verdict } from '../verdicts';

export interface Source {
  url: string;
  title: string | null;
  stance: Stance;
  quote: string | null;
}

export interface Check {
  id: number;
  claimId: number;
  reviewerId: number;
  reviewerName: string;
  /** Shown beside the display name, which anyone may choose and so proves nothing alone. */
  reviewerUsername: string;
  /** The verdict now (the author may have revised it). */
  verdict: Verdict;
  /**
   * The verdict as its author reached it before anyone else's check was visible to them:
   * consensus, agreement and alpha are computed over these.
   */
  independentVerdict: Verdict;
  /** When the author changed the verdict while others' checks were visible to them; null if never. */
  revisedAfterOthersAt: string | null;
  confidence: Confidence;
  rationale: string;
  sources: Source[];
  /** The article revision the check was filed (or last changed) against. */
  revision: number;
  createdAt: string;
  updatedAt: string;
}
