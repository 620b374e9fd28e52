import type { AnchorStatus } from '../anchoring';

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
  /** Marked by an editor as the same claim as this earlier fact-check (whose published verdict it then shows); null if not. */
  sameAs: number | null;
  anchor: ClaimAnchor;
}

/** Where the claim stands in the article's current revision, and the quote as it was checked. */
export interface ClaimAnchor {
  status: AnchorStatus;
  /** The revision this status describes (the article's current one, once re-anchored). */
  revision: number;
  /** For a fuzzy anchor: how alike the current quote is to the quote as checked (0–1). */
  similarity: number | null;
  checked: { exact: string; prefix: string; suffix: string; start: number; end: number; revision: number };
}

/** One change of the claim's "same claim as" link, for its history. */
export interface SameAsEvent {
  targetClaimId: number;
  action: 'linked' | 'unlinked';
  actorName: string | null;
  actorUsername: string | null;
  at: string;
}

export type { Revision } from '../../db/revisions';
