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
 * - Editors and admins see everything, including unpublished decisions and their history.
 */
export interface ClaimReadPolicy {
  checks: CheckVisibility;
  aggregate: boolean;
  decisionInternals: boolean;
  unpublishedDecision: boolean;
  decisionHistory: boolean;
}

export function claimReadPolicy(viewer: Viewer | null, hasOwnCheck: boolean): ClaimReadPolicy {
  const editor = viewer !== null && hasRole(viewer.role, 'editor');
  const checks: CheckVisibility = !viewer ? 'none' : editor || hasOwnCheck ? 'all' : 'own';
  return { checks, aggregate: checks === 'all', decisionInternals: checks === 'all', unpublishedDecision: editor, decisionHistory: editor };
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
