import { isUserActor, type Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { listAllOrganisations, type Organisation } from '../../db/organisation.repository';
import { findUserByEmail, listAllUsers, type UserRecord } from '../../db/user.repository';
import type { AccountDeps } from '../auth/account-deps';

/** Installation administration is for the operator on the server machine (the CLI), nobody else. */
function requireOperator(actor: Actor): void {
  if (!isUserActor(actor) || actor.via !== 'cli')
    throw new DomainError('FORBIDDEN', 'Only the operator on the server machine may list the whole installation.');
}

/** Every user of the installation (operator only). */
export async function listInstallationUsers(
  deps: Pick<AccountDeps, 'database'>,
  input: { actor: Actor },
): Promise<UserRecord[]> {
  requireOperator(input.actor);
  return listAllUsers(deps.database.db);
}

/** Every organisation of the installation (operator only). */
export async function listInstallationOrganisations(
  deps: Pick<AccountDeps, 'database'>,
  input: { actor: Actor },
): Promise<Organisation[]> {
  requireOperator(input.actor);
  return listAllOrganisations(deps.database.db);
}

/** The user with this e-mail address, or NOT_FOUND located at `email` (operator only). */
export async function requireUserByEmail(
  deps: Pick<AccountDeps, 'database'>,
  input: { actor: Actor; email: string },
): Promise<UserRecord> {
  requireOperator(input.actor);
  const user = await findUserByEmail(deps.database.db, input.email);
  if (!user) throw new DomainError('NOT_FOUND', `No user ${input.email}.`, [{ field: 'email', reason: 'unknown' }]);
  return user;
}
