import { isUserActor, type Actor } from '../../core/auth/actor';
import { hashSecret } from '../../core/auth/tokens';
import { deleteSession } from '../../db/session.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from './account-deps';

/** Ends one session. */
export async function logOut(
  deps: AccountDeps,
  input: { actor: Actor; sessionToken: string; context: RequestContext },
): Promise<void> {
  const now = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    await deleteSession(transaction, hashSecret(input.sessionToken));
    if (isUserActor(input.actor))
      await recordAudit(transaction, input.actor, input.context, now, {
        organisationId: null,
        action: 'auth.logout',
        targetType: 'user',
        targetId: input.actor.userId,
      });
  });
}
