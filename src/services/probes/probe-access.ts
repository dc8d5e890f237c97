import type { UserActor, Actor } from '../../core/auth/actor';
import { can, type Action } from '../../core/auth/policy';
import { DomainError } from '../../core/domain-error';
import { requireOrganisation } from '../accounts/require-user';

/** The actor and organisation when the actor may perform a probe action there; FORBIDDEN otherwise. */
export function requireProbeAccess(
  actor: Actor,
  action: Extract<Action, `probes.${string}`>,
): { actor: UserActor; organisationId: string } {
  const member = requireOrganisation(actor);
  if (!can(member.actor, action, { organisationId: member.organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not do this with probes in this organisation.');
  return member;
}
