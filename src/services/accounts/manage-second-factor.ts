import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from '../../core/auth/recovery-codes';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { listOrganisationsOfUser } from '../../db/organisation.repository';
import { countUnusedRecoveryCodes, deleteRecoveryCodes, replaceRecoveryCodes } from '../../db/recovery-code.repository';
import { findUserById, updateTotp } from '../../db/user.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from '../auth/account-deps';
import { requirePasswordProof } from '../auth/require-password-proof';
import { requireUser } from './require-user';

/** Whether two-step sign-in is on, and how many unused recovery codes are left. */
export async function getSecondFactorStatus(
  deps: AccountDeps,
  input: { actor: Actor },
): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
  const actor = requireUser(input.actor);
  const user = await findUserById(deps.database.db, actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  return {
    enabled: user.totpEnabled,
    recoveryCodesLeft: user.totpEnabled ? await countUnusedRecoveryCodes(deps.database.db, user.id) : 0,
  };
}

/**
 * New recovery codes after the password is typed again: the old ones stop working, the new ones
 * are returned this once.
 */
export async function regenerateRecoveryCodes(
  deps: AccountDeps,
  input: { actor: Actor; password: string; context?: RequestContext },
): Promise<{ recoveryCodes: string[] }> {
  const { actor, user } = await requirePasswordProof(deps, input);
  if (!user.totpEnabled) throw new DomainError('CONFLICT', 'Turn on two-step sign-in first.');
  const now = deps.clock();
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await deps.database.db.transaction().execute(async (transaction) => {
    await replaceRecoveryCodes(
      transaction,
      user.id,
      recoveryCodes.map((code) => hashRecoveryCode(user.id, code)),
      now.toISOString(),
    );
    await recordAudit(transaction, actor, input.context, now, {
      organisationId: null,
      action: 'account.recovery_codes_regenerated',
      targetType: 'user',
      targetId: user.id,
    });
  });
  return { recoveryCodes };
}

/**
 * Turns two-step sign-in off after the password is typed again: the secret and the recovery codes
 * are deleted. Refused (TOTP_MANDATORY) while an organisation of the user requires it.
 */
export async function disableSecondFactor(
  deps: AccountDeps,
  input: { actor: Actor; password: string; context?: RequestContext },
): Promise<void> {
  const { actor, user } = await requirePasswordProof(deps, input);
  if (!user.totpEnabled) throw new DomainError('CONFLICT', 'Two-step sign-in is already off.');
  const requiring = (await listOrganisationsOfUser(deps.database.db, user.id)).filter(
    (organisation) => organisation.requireTotp,
  );
  if (requiring.length > 0)
    throw new DomainError(
      'TOTP_MANDATORY',
      `Two-step sign-in is required by ${requiring.map((organisation) => organisation.name).join(', ')}.`,
    );
  const now = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    await updateTotp(transaction, user.id, { sealedSecret: null, enabled: false, lastStep: 0, now: now.toISOString() });
    await deleteRecoveryCodes(transaction, user.id);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId: null,
      action: 'account.totp_disabled',
      targetType: 'user',
      targetId: user.id,
    });
  });
}
