import type { Confidence, Stance, Verdict } from '../verdicts';
import type { Role } from '../accounts';
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

export type { Revision } from '../../db/revisions';

/** A claim on record like a given text (found by the search module's matcher, which the claims routes are handed). */
export interface SimilarClaim {
  claimId: number;
  quote: string;
  statement: string | null;
  article: { slug: string; title: string };
  url: string;
  published: boolean;
  verdict: Verdict | null;
  verdictLabel: string | null;
  /** 0–1. */
  score: number;
  relation: 'same' | 'similar' | 'numbers-differ' | 'year-differs' | 'negated' | 'direction-differs' | 'subject-differs';
  note: string;
}

export type FindSimilarClaims = (text: string, options: { exclude?: number | null }) => Promise<SimilarClaim[]>;

/** Someone a claim is assigned to (the assignments module's, shown on claims' pages). */
export interface Assignee {
  username: string;
  displayName: string;
  /** YYYY-MM-DD, or null. */
  due: string | null;
  /** They have filed their check. */
  done: boolean;
  overdue: boolean;
}

/** What the claims pages need from the desk's other modules, handed in by app.ts (claims imports neither). */
export interface ClaimsDesk {
  findSimilar: FindSimilarClaims;
  assigneesOf(claimIds: number[]): Promise<Map<number, Assignee[]>>;
  claimsAssignedTo(username: string): Promise<number[]>;
  /** Claims with open dated assignments and the earliest due date (YYYY-MM-DD) of each. */
  earliestOpenDue(): Promise<Map<number, string>>;
  /** Active accounts a claim may be assigned to. */
  assignableUsers(): Promise<{ username: string; displayName: string }[]>;
  /** The claim's discussion as this viewer may read it, or null when they may not (blind review). */
  thread(claimId: number, viewer: { id: number; role: Role } | null): Promise<ThreadComment[] | null>;
}

/** One comment of a claim's discussion as a viewer sees it (the discussion module's). */
export interface ThreadComment {
  id: number;
  claimId: number;
  parentId: number | null;
  author: { username: string; displayName: string } | null;
  /** Safe HTML; null when deleted, or hidden from this viewer. */
  bodyHtml: string | null;
  /** The Markdown source, for its author's edit form only. */
  body: string | null;
  createdAt: string;
  edited: boolean;
  deleted: boolean;
  hidden: { reason: string; by: string | null } | null;
  mine: boolean;
  replies: ThreadComment[];
}
