import { isUserActor, type Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';

/** Backup and restore copy every organisation's data: only the operator on the server machine may. */
export function requireOperator(actor: Actor): void {
  if (!isUserActor(actor) || actor.via !== 'cli')
    throw new DomainError('FORBIDDEN', 'Only the operator on the server machine may back up or restore.');
}
