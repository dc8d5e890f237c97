import QRCode from 'qrcode';
import type { Actor } from '../../core/auth/actor';
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from '../../core/auth/recovery-codes';
import { DomainError } from '../../core/domain-error';
import { replaceRecoveryCodes } from '../../db/recovery-code.repository';
import { advanceTotpStep, findUserById, updateTotp } from '../../db/user.repository';
import { matchTotpStep, newTotpSecret, totpUri } from '../../integrations/auth/totp';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from '../auth/account-deps';
import { requireRecentAuthentication } from './require-recent-authentication';

export interface TotpEnrolment {
  readonly secret: string;
  readonly uri: string;
  /** The otpauth URI as an SVG QR code, as a data: URL for an <img>. */
  readonly qrDataUrl: string;
}

/** Starts (or restarts) TOTP enrolment: a new secret, stored sealed and not yet active. */
export async function beginTotpEnrolment(deps: AccountDeps, input: { actor: Actor }): Promise<TotpEnrolment> {
  const actor = requireRecentAuthentication(input.actor, deps.clock());
  const user = await findUserById(deps.database.db, actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  if (user.totpEnabled) throw new DomainError('CONFLICT', 'Two-step sign-in is already on.');
  const secret = newTotpSecret();
  await updateTotp(deps.database.db, user.id, {
    sealedSecret: deps.secretBox.seal(secret),
    enabled: false,
    lastStep: 0,
    now: deps.clock().toISOString(),
  });
  const uri = totpUri(secret, user.email);
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * Finishes enrolment when the first code from the app matches; from then on sign-in asks for a
 * code. Returns the account's recovery codes, shown this once (only their hashes are stored).
 */
export async function confirmTotpEnrolment(
  deps: AccountDeps,
  input: { actor: Actor; code: string; context: RequestContext },
): Promise<{ recoveryCodes: string[] }> {
  const now = deps.clock();
  const actor = requireRecentAuthentication(input.actor, now);
  const user = await findUserById(deps.database.db, actor.userId);
  if (!user?.totpSecretSealed || user.totpEnabled) throw new DomainError('CONFLICT', 'Start enrolment first.');
  const step = matchTotpStep(deps.secretBox.open(user.totpSecretSealed), input.code.trim(), now);
  if (step === undefined)
    throw new DomainError('VALIDATION_FAILED', 'The code does not match. Check the time on your phone and try again.', [
      { field: 'code', reason: 'invalid' },
    ]);
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await deps.database.db.transaction().execute(async (transaction) => {
    await updateTotp(transaction, user.id, {
      sealedSecret: user.totpSecretSealed,
      enabled: true,
      lastStep: 0,
      now: now.toISOString(),
    });
    await advanceTotpStep(transaction, user.id, step);
    await replaceRecoveryCodes(
      transaction,
      user.id,
      recoveryCodes.map((code) => hashRecoveryCode(user.id, code)),
      now.toISOString(),
    );
    await recordAudit(transaction, actor, input.context, now, {
      organisationId: null,
      action: 'account.totp_enabled',
      targetType: 'user',
      targetId: user.id,
    });
  });
  return { recoveryCodes };
}
