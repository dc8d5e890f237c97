import { randomUUID } from 'node:crypto';
import { CRITICALITIES, type Criticality } from '../../core/assessment/assessment.types';
import type { Actor } from '../../core/auth/actor';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import type { IotSystem, SystemInput } from '../../contracts/assessment.schema';
import { insertSystem, type StoredSystem } from '../../db/system.repository';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { presentSystem } from './present-system';

/** What a system's editable fields must satisfy (the HTTP schema says the same; the CLI comes here directly). */
export function systemProblems(system: Pick<StoredSystem, 'name' | 'criticality'>): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (system.name.trim() === '') problems.push({ field: 'name', reason: 'needs 1–200 characters', code: 'blank' });
  else if (system.name.length > 200)
    problems.push({ field: 'name', reason: 'needs 1–200 characters', code: 'max_length', params: { limit: 200 } });
  if (!(CRITICALITIES as readonly string[]).includes(system.criticality))
    problems.push({ field: 'criticality', reason: `one of ${CRITICALITIES.join(', ')}`, code: 'not_allowed_value' });
  return problems;
}

/** The fields of a system that an audit entry records. */
export function auditedSystem(system: StoredSystem): Omit<StoredSystem, 'id' | 'createdAt' | 'updatedAt'> {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = system;
  return fields;
}

/** Adds an IoT system (the scope assessments are made over) to the actor's organisation. */
export async function createSystem(
  deps: Pick<AssessmentDeps, 'database' | 'clock'>,
  input: { actor: Actor; system: SystemInput; context?: RequestContext },
): Promise<IotSystem> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock().toISOString();
  const given = input.system;
  const system: StoredSystem = {
    id: randomUUID(),
    name: given.name.trim(),
    description: given.description ?? '',
    business: given.business ?? '',
    criticality: given.criticality as Criticality,
    ownerName: given.ownerName ?? '',
    protectedFunctions: [...(given.protectedFunctions ?? [])],
    protectedInformation: [...(given.protectedInformation ?? [])],
    internetFacing: given.internetFacing ?? false,
    tags: [...(given.tags ?? [])],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const problems = systemProblems(system);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The system is not valid.', problems);
  await deps.database.db.transaction().execute(async (transaction) => {
    await insertSystem(transaction, organisationId, system);
    await recordAudit(transaction, actor, input.context, new Date(now), {
      organisationId,
      action: 'system.create',
      targetType: 'system',
      targetId: system.id,
      after: auditedSystem(system),
    });
  });
  return presentSystem(system);
}
