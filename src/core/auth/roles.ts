/** Roles a user holds in one organisation. `provider` is an outside vendor who sees only questionnaires. */
export const ROLES = ['owner', 'admin', 'assessor', 'viewer', 'provider'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Readonly<Record<Role, number>> = { owner: 5, admin: 4, assessor: 3, viewer: 2, provider: 1 };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The lower of two roles: what an API token may do is its owner's role capped by its ceiling. */
export function capRole(role: Role, ceiling: Role): Role {
  return RANK[role] <= RANK[ceiling] ? role : ceiling;
}

/** Only owners act on owners: reset their password, change their role, remove them. */
export function canActOnMember(role: Role, targetRole: Role): boolean {
  return targetRole !== 'owner' || role === 'owner';
}

/** True when `role` may grant `target` to someone (nobody grants more than they hold; only owners make owners). */
export function canGrantRole(role: Role, target: Role): boolean {
  return role === 'owner' || (role === 'admin' && target !== 'owner');
}
