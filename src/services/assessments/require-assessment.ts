import { DomainError } from '../../core/domain-error';
import type { Kysely } from 'kysely';
import { findAssessment, type StoredAssessment } from '../../db/assessment.repository';
import type { DatabaseSchema } from '../../db/database';
import { findSystem, type StoredSystem } from '../../db/system.repository';

/**
 * The assessment with this id in the organisation, or NOT_FOUND — also for another
 * organisation's id, so ids do not reveal what other tenants have.
 */
export async function requireAssessment(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  assessmentId: string,
): Promise<StoredAssessment> {
  const assessment = await findAssessment(db, organisationId, assessmentId);
  if (!assessment)
    throw new DomainError('NOT_FOUND', 'No such assessment.', [{ field: 'assessmentId', reason: 'unknown' }]);
  return assessment;
}

/** The system with this id in the organisation, or NOT_FOUND (also for another organisation's id). */
export async function requireSystem(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  systemId: string,
  field = 'systemId',
): Promise<StoredSystem> {
  const system = await findSystem(db, organisationId, systemId);
  if (!system) throw new DomainError('NOT_FOUND', 'No such system.', [{ field, reason: 'unknown' }]);
  return system;
}

/** Answers of a done or archived assessment are final: reopen it (status in_progress) to edit. */
export function isEditable(assessment: StoredAssessment): boolean {
  return assessment.status !== 'done' && assessment.status !== 'archived';
}
