import { isUserActor, type Actor } from '../../core/auth/actor';
import { allowedActions } from '../../core/auth/policy';
import type { Me } from '../../contracts/auth.schema';
import { findUserById } from '../../db/user.repository';
import { listMyOrganisations } from '../organisations/manage-organisations';
import type { AccountDeps } from './account-deps';

/**
 * Who the caller is, as the web needs it on every page: the user, the current organisation and
 * role, the organisations to switch to, and the actions the policy allows there. Anonymous (or a
 * user deleted since) is `{ authenticated: false }`. The edge adds what only it knows (CSRF token).
 */
export async function describeMe(
  deps: AccountDeps,
  input: { actor: Actor; totpEnrolmentRequired?: boolean },
): Promise<Me> {
  const { actor } = input;
  if (!isUserActor(actor)) return { authenticated: false };
  const user = await findUserById(deps.database.db, actor.userId);
  if (!user) return { authenticated: false };
  return {
    authenticated: true,
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      totpEnabled: user.totpEnabled,
      mustChangePassword: user.mustChangePassword,
    },
    organisationId: actor.organisationId,
    role: actor.role,
    organisations: await listMyOrganisations(deps, { actor }),
    ...(input.totpEnrolmentRequired === undefined ? {} : { totpEnrolmentRequired: input.totpEnrolmentRequired }),
    permissions: allowedActions(actor),
  };
}
