import { isUserActor, type Actor, type UserActor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';

/** Narrows to a signed-in actor or throws UNAUTHENTICATED. */
export function requireUser(actor: Actor): UserActor {
  if (!isUserActor(actor)) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  return actor;
}

/** The organisation the actor acts in, or FORBIDDEN. Services scope every query with it. */
export function requireOrganisation(actor: Actor): { actor: UserActor; organisationId: string } {
  const user = requireUser(actor);
  if (!user.organisationId) throw new DomainError('FORBIDDEN', 'Choose an organisation first.');
  return { actor: user, organisationId: user.organisationId };
}
