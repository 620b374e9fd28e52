import { hasRole, type Role } from '../accounts';

export interface Viewer {
  id: number;
  role: Role;
}

/**
 * Independent review: a reviewer sees other reviewers' checks of a claim, and its aggregate,
 * only after filing their own. Editors and admins see everything. Anonymous readers see only
 * a published decision (and a claim without one does not exist for them).
 */
export type CheckVisibility = 'all' | 'own' | 'none';

export function checkVisibility(viewer: Viewer | null, hasOwnCheck: boolean): CheckVisibility {
  if (!viewer) return 'none';
  if (hasRole(viewer.role, 'editor') || hasOwnCheck) return 'all';
  return 'own';
}

export function seesUnpublishedDecisions(viewer: Viewer | null): boolean {
  return viewer !== null && hasRole(viewer.role, 'editor');
}
