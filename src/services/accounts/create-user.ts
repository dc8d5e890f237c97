import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import type { Role } from '../../core/auth/roles';
import { DomainError } from '../../core/domain-error';
import { findOrganisation, upsertMembership } from '../../db/organisation.repository';
import { findUserByEmail, insertUser, normalizeEmail } from '../../db/user.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps } from '../auth/account-deps';
import { requireValidPassword } from '../auth/require-valid-password';
import { requireValidEmail } from './create-first-owner';
import { requireUser } from './require-user';

/** Installation administration (CLI): creates an account and, optionally, a membership. */
export async function createUser(
  deps: AccountDeps,
  input: { actor: Actor; email: string; password: string; displayName?: string; organisationId?: string; role?: Role },
): Promise<{ userId: string }> {
  const actor = requireUser(input.actor);
  if (actor.via !== 'cli') throw new DomainError('FORBIDDEN', 'Accounts are created by invitation.');
  const email = normalizeEmail(input.email);
  requireValidEmail(email);
  requireValidPassword(input.password, email);
  if (await findUserByEmail(deps.database.db, email))
    throw new DomainError('CONFLICT', `An account for ${email} exists.`, [{ field: 'email', reason: 'taken' }]);
  if (input.organisationId && !(await findOrganisation(deps.database.db, input.organisationId)))
    throw new DomainError('NOT_FOUND', `No organisation ${input.organisationId}.`, [
      { field: 'org', reason: 'unknown' },
    ]);
  const passwordHash = await deps.passwords.hash(input.password);
  const now = deps.clock();
  const userId = randomUUID();
  await deps.database.db.transaction().execute(async (transaction) => {
    await insertUser(transaction, {
      id: userId,
      email,
      displayName: input.displayName?.trim() || email,
      passwordHash,
      mustChangePassword: false,
      now: now.toISOString(),
    });
    if (input.organisationId)
      await upsertMembership(transaction, {
        organisationId: input.organisationId,
        userId,
        role: input.role ?? 'viewer',
        createdAt: now.toISOString(),
      });
    await recordAudit(transaction, actor, undefined, now, {
      organisationId: input.organisationId ?? null,
      action: 'user.create',
      targetType: 'user',
      targetId: userId,
      after: { email, role: input.organisationId ? (input.role ?? 'viewer') : null },
    });
  });
  return { userId };
}
