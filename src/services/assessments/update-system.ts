import type { Criticality } from '../../core/assessment/assessment.types';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import type { IotSystem, SystemUpdate } from '../../contracts/assessment.schema';
import { updateSystem as writeSystem, type StoredSystem } from '../../db/system.repository';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { auditedSystem, systemProblems } from './create-system';
import { presentSystem } from './present-system';
import { requireSystem } from './require-assessment';

/**
 * Changes a system's fields with optimistic locking: `changes.version` must be the stored version,
 * otherwise CONFLICT carrying the current system (`current`). Fields left out stay as they are.
 */
export async function updateSystem(
  deps: Pick<AssessmentDeps, 'database' | 'clock'>,
  input: { actor: Actor; systemId: string; changes: SystemUpdate; context?: RequestContext },
): Promise<IotSystem> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  const { version, ...changes } = input.changes;
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await requireSystem(transaction, organisationId, input.systemId, 'id');
    const conflict = () =>
      new DomainError(
        'CONFLICT',
        'Someone else changed this system first; here is what is stored now.',
        [{ field: 'version', reason: `stored version is ${before.version}` }],
        { current: presentSystem(before) },
      );
    if (version !== before.version) throw conflict();
    const merged: StoredSystem = {
      ...before,
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.business !== undefined ? { business: changes.business } : {}),
      ...(changes.criticality !== undefined ? { criticality: changes.criticality as Criticality } : {}),
      ...(changes.ownerName !== undefined ? { ownerName: changes.ownerName } : {}),
      ...(changes.protectedFunctions !== undefined ? { protectedFunctions: [...changes.protectedFunctions] } : {}),
      ...(changes.protectedInformation !== undefined
        ? { protectedInformation: [...changes.protectedInformation] }
        : {}),
      ...(changes.internetFacing !== undefined ? { internetFacing: changes.internetFacing } : {}),
      ...(changes.tags !== undefined ? { tags: [...changes.tags] } : {}),
    };
    const problems = systemProblems(merged);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The system is not valid.', problems);
    if (JSON.stringify(auditedSystem(merged)) === JSON.stringify(auditedSystem(before))) return presentSystem(before);
    const after: StoredSystem = { ...merged, version: before.version + 1, updatedAt: now.toISOString() };
    if (!(await writeSystem(transaction, organisationId, after, before.version))) throw conflict();
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'system.update',
      targetType: 'system',
      targetId: after.id,
      before: auditedSystem(before),
      after: auditedSystem(after),
    });
    return presentSystem(after);
  });
}
