import type { AccessRule } from '../../http/access';

/** Roles are the newsroom's: a reviewer checks claims, an editor decides and publishes, an admin manages accounts. */
export const ROLES = ['reviewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { reviewer: 1, editor: 2, admin: 3 };
const WHO: Record<Role, string> = { reviewer: 'Reviewers, editors and admins.', editor: 'Editors and admins.', admin: 'Admins only.' };

/** Each role can do what the roles below it can. */
export function hasRole(userRole: Role, required: Role): boolean {
  return RANK[userRole] >= RANK[required];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The access rule "this role or above", for route tables; the HTTP layer only enforces it. */
export function atLeast(role: Role): AccessRule {
  return {
    name: role,
    description: WHO[role],
    allows: (user) => hasRole(user.role, role),
    refusal: (user) => `This needs the ${role} role; your account is a ${user.role}.`,
  };
}
