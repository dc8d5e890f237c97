import { assessmentClosed } from '../../core/assessment/assessment-closed';
import type { AssessmentStatus } from '../../core/assessment/assessment.types';
import type { Catalog } from '../../core/catalog/catalog.types';
import { DomainError } from '../../core/domain-error';
import { findAssessmentScope, type AssessmentScope } from '../../db/assessment-scope.repository';
import type { Database } from '../../db/database';

/** What the caller is about to do with the assessment, which decides the statuses that freeze it. */
export type AssessmentPurpose = 'read' | 'change-evidence-links' | 'change-findings';

// Evidence links belong to answers, which are final once the assessment is done (reopen to edit);
// findings are followed up after it is done (remediation), so only archiving freezes them.
const FROZEN: Readonly<Record<AssessmentPurpose, readonly AssessmentStatus[]>> = {
  read: [],
  'change-evidence-links': ['done', 'archived'],
  'change-findings': ['archived'],
};

/**
 * The organisation's assessment, or NOT_FOUND (also for another organisation's id). For a
 * change, a status that freezes that kind of change is refused with CONFLICT.
 */
export async function requireAssessment(
  database: Pick<Database, 'db'>,
  organisationId: string,
  assessmentId: string,
  purpose: AssessmentPurpose,
): Promise<AssessmentScope> {
  const assessment = await findAssessmentScope(database.db, organisationId, assessmentId);
  if (!assessment)
    throw new DomainError('NOT_FOUND', 'No such assessment.', [{ field: 'assessmentId', reason: 'unknown' }]);
  if (FROZEN[purpose].includes(assessment.status)) {
    throw assessmentClosed(
      assessment.status,
      purpose === 'change-findings' ? 'change its findings' : 'change its answers and their evidence',
    );
  }
  return assessment;
}

/**
 * Checks that `itemId` is a checksheet item of the assessment's framework. `from` says where the
 * id came from: a URL path (NOT_FOUND) or a body field (VALIDATION_FAILED naming it).
 */
export function requireAssessmentItem(
  catalog: Catalog,
  assessment: AssessmentScope,
  itemId: string,
  from: 'path' | 'field',
): void {
  const node = catalog.nodes.get(itemId);
  if (node && node.kind === 'item' && node.frameworkId === assessment.frameworkId) return;
  const message = `${itemId} is not an item of ${assessment.frameworkId}, the framework of this assessment.`;
  if (from === 'path') throw new DomainError('NOT_FOUND', message);
  throw new DomainError('VALIDATION_FAILED', message, [
    { field: 'itemId', reason: `not an item of ${assessment.frameworkId}` },
  ]);
}
