import type { Actor } from '../../core/auth/actor';
import { hashSecret } from '../../core/auth/tokens';
import { DomainError } from '../../core/domain-error';
import { markSessionAuthenticated } from '../../db/session.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from './account-deps';
import { requirePasswordProof } from './require-password-proof';

/**
 * The signed-in user proves the password again, so the session may change account security for
 * the next minutes (RECENT_AUTHENTICATION_MS). Sessions only; wrong passwords count like sign-in.
 */
export async function reauthenticate(
  deps: AccountDeps,
  input: { actor: Actor; sessionToken: string | undefined; password: string; context: RequestContext },
): Promise<void> {
  if (!input.sessionToken) throw new DomainError('FORBIDDEN', 'Only a signed-in browser session can re-authenticate.');
  const { actor, user } = await requirePasswordProof(deps, input);
  const now = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    await markSessionAuthenticated(transaction, hashSecret(input.sessionToken ?? ''), now.toISOString());
    await recordAudit(transaction, actor, input.context, now, {
      organisationId: null,
      action: 'auth.reauthenticated',
      targetType: 'user',
      targetId: user.id,
    });
  });
}
