import type { Confidence, Stance, Verdict } from '../verdicts';

export interface Claim {
  id: number;
  articleId: number;
  statement: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  sentenceIds: string[];
  createdBy: number | null;
  createdAt: string;
}

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
  verdict: Verdict;
  confidence: Confidence;
  rationale: string;
  sources: Source[];
  createdAt: string;
  updatedAt: string;
}

export interface Revision {
  id: number;
  subjectId: number;
  changedBy: number | null;
  changedByName: string | null;
  changedAt: string;
  before: unknown;
  after: unknown;
}
