import type { Verdict } from './verdict-scale';

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
}
