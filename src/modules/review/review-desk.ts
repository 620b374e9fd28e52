import type { Verdict } from '../verdicts';
import type { Role } from '../accounts';

/** A claim on record like a given text (found by the search module's matcher). */
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

/**
 * What the review pages need from the desk's other modules, owned here: app.ts hands in the
 * search, assignments and discussion services themselves, which satisfy it; review imports none
 * of them.
 */
export interface ReviewDesk {
  search: { similar: FindSimilarClaims };
  assignments: {
    assigneesOf(claimIds: number[]): Promise<Map<number, Assignee[]>>;
    claimsAssignedTo(username: string): Promise<number[]>;
    /** Claims with open dated assignments and the earliest due date (YYYY-MM-DD) of each. */
    earliestOpenDue(): Promise<Map<number, string>>;
    /** Active accounts a claim may be assigned to. */
    assignableUsers(): Promise<{ username: string; displayName: string }[]>;
  };
  discussion: {
    /** The claim's discussion as this viewer may read it, or null when they may not (blind review). */
    threadFor(claimId: number, viewer: { id: number; role: Role } | null): Promise<ThreadComment[] | null>;
  };
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
