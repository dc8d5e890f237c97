import { isUserActor, type Actor } from './actor';
import type { Role } from './roles';

/**
 * Every action a route or command can perform. A new route must name one here (or be public),
 * and the authorization test walks every route against this table.
 */
export const ACTION_RULES = {
  'account.read': 'authenticated',
  'account.update': 'authenticated',
  'account.tokens': 'member',
  'organisation.create': 'authenticated',
  'organisation.read': ['owner', 'admin', 'assessor', 'viewer', 'provider'],
  'organisation.update': ['owner'],
  'members.read': ['owner', 'admin'],
  'members.manage': ['owner', 'admin'],
  'invitations.manage': ['owner', 'admin'],
  'audit.read': ['owner', 'admin'],
  'settings.manage': ['owner', 'admin'],
  'home.read': ['owner', 'admin', 'assessor', 'viewer'],
  'systems.read': ['owner', 'admin', 'assessor', 'viewer'],
  'systems.manage': ['owner', 'admin', 'assessor'],
  'systems.delete': ['owner', 'admin'],
  'assessments.read': ['owner', 'admin', 'assessor', 'viewer'],
  'assessments.manage': ['owner', 'admin', 'assessor'],
  'assessments.delete': ['owner', 'admin'],
  'answers.write': ['owner', 'admin', 'assessor'],
  'answers.review': ['owner', 'admin'],
  'evidence.read': ['owner', 'admin', 'assessor', 'viewer'],
  'evidence.write': ['owner', 'admin', 'assessor'],
  'findings.write': ['owner', 'admin', 'assessor'],
  'inventory.read': ['owner', 'admin', 'assessor', 'viewer'],
  'inventory.manage': ['owner', 'admin', 'assessor'],
  'inventory.import': ['owner', 'admin', 'assessor'],
  'inventory.delete': ['owner', 'admin'],
  'inventory.settings': ['owner', 'admin'],
  'jobs.read': ['owner', 'admin', 'assessor', 'viewer'],
  'questionnaires.manage': ['owner', 'admin', 'assessor'],
  'questionnaires.respond': ['provider'],
  'vulnerabilities.read': ['owner', 'admin', 'assessor', 'viewer'],
  'vulnerabilities.triage': ['owner', 'admin', 'assessor'],
  'vulnerabilities.import': ['owner', 'admin'],
  'incidents.read': ['owner', 'admin', 'assessor', 'viewer'],
  'incidents.manage': ['owner', 'admin', 'assessor'],
  'playbooks.manage': ['owner', 'admin'],
  'probes.read': ['owner', 'admin', 'assessor', 'viewer'],
  'probes.run': ['owner', 'admin', 'assessor'],
  'probes.manage': ['owner', 'admin'],
} as const satisfies Record<string, 'authenticated' | 'member' | readonly Role[]>;

export type Action = keyof typeof ACTION_RULES;

/** What an action is about: the organisation it touches, when it touches one. */
export interface Resource {
  readonly organisationId?: string;
}

/**
 * The one authorization decision. Deny by default: anonymous actors can do nothing here, a
 * password that must be changed allows only account actions, and an organisation-scoped action is
 * allowed only inside the actor's current organisation with a listed role (tenant isolation).
 */
export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  if (!isUserActor(actor)) return false;
  if (actor.via === 'cli') return true;
  if (actor.mustChangePassword && action !== 'account.read' && action !== 'account.update') return false;
  const rule: 'authenticated' | 'member' | readonly Role[] = ACTION_RULES[action];
  if (rule === 'authenticated') return true;
  if (!actor.organisationId || !actor.role) return false;
  if (resource.organisationId !== undefined && resource.organisationId !== actor.organisationId) return false;
  if (rule === 'member') return true;
  return rule.includes(actor.role);
}

/** Every action `actor` may perform in their current organisation: what the web derives its menus from. */
export function allowedActions(actor: Actor): Action[] {
  return (Object.keys(ACTION_RULES) as Action[]).filter((action) => can(actor, action));
}
