import { hasRole, type Role } from '../accounts';
import type { Decision } from '../verdicts';

export interface Viewer {
  id: number;
  role: Role;
}

/** How much of a claim's checks a viewer may see: everyone's, only their own, or none. */
export type CheckVisibility = 'all' | 'own' | 'none';

/**
 * The one read policy for claims (blind review). Every reader of claims, checks, aggregates,
 * decisions and, later, comments asks it: the claim API and pages, the reviewer's claim list,
 * exports and Web Annotations. Rules:
 * - Anonymous readers see published decisions only; a claim without one does not exist for them.
 * - A reviewer sees the others' checks, the aggregate (distribution, status, dispute) and the
 *   decision's internals (the editor's note, who decided) only after filing their own check.
 * - Whether anyone else has filed, and how many have, is part of the others' work: a reviewer
 *   learns it only after filing (no check count, no "checked" mark on other assignees, no "N
 *   reviewers have checked this" before), so neither a crowd nor an empty claim sways them.
 * - Editors and admins see everything, including unpublished decisions and their history.
 */
export interface ClaimReadPolicy {
  checks: CheckVisibility;
  /** Whether (and how many) others have filed on the claim. */
  othersFiled: boolean;
  aggregate: boolean;
  decisionInternals: boolean;
  unpublishedDecision: boolean;
  decisionHistory: boolean;
}

export function claimReadPolicy(viewer: Viewer | null, hasOwnCheck: boolean): ClaimReadPolicy {
  const editor = viewer !== null && hasRole(viewer.role, 'editor');
  const checks: CheckVisibility = !viewer ? 'none' : editor || hasOwnCheck ? 'all' : 'own';
  const all = checks === 'all';
  return { checks, othersFiled: all, aggregate: all, decisionInternals: all, unpublishedDecision: editor, decisionHistory: editor };
}

/**
 * A claim's assignees as this viewer may see them: who is assigned and when it is due, but
 * whether someone else has filed (done, or not overdue past the date) only where the policy lets
 * the viewer know that others have filed. Their own assignment they always see as it is.
 */
export function readableAssignees<T extends { username: string; done: boolean; overdue: boolean }>(
  policy: ClaimReadPolicy,
  viewerUsername: string,
  assignees: T[],
): T[] {
  return policy.othersFiled ? assignees : assignees.map((a) => (a.username === viewerUsername ? a : { ...a, done: false, overdue: false }));
}

/** Whether the claim exists for this viewer at all (anonymous readers: only with a published decision). */
export function claimExistsFor(viewer: Viewer | null, decision: Decision | null): boolean {
  return viewer !== null || decision?.published === true;
}

/** The checks of one claim that the viewer may read. */
export function readableChecks<T extends { reviewerId: number }>(viewer: Viewer | null, checks: T[]): { policy: ClaimReadPolicy; checks: T[]; own: T | null } {
  const own = viewer ? (checks.find((c) => c.reviewerId === viewer.id) ?? null) : null;
  const policy = claimReadPolicy(viewer, own !== null);
  return { policy, checks: policy.checks === 'all' ? checks : own ? [own] : [], own };
}

/** The decision as the viewer may read it: none when unpublished and not theirs to see. */
export function readableDecision(policy: ClaimReadPolicy, decision: Decision | null): Decision | null {
  return decision && (decision.published || policy.unpublishedDecision) ? decision : null;
}
