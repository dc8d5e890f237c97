import type { Assessment } from '../../contracts/assessment.schema';
import type { StoredAssessment } from '../../db/assessment.repository';

/** An assessment as the API shows it. */
export function presentAssessment(assessment: StoredAssessment): Assessment {
  return {
    id: assessment.id,
    systemId: assessment.systemId,
    frameworkId: assessment.frameworkId,
    frameworkVersion: assessment.frameworkVersion,
    catalogHash: assessment.catalogHash,
    title: assessment.title,
    periodStart: assessment.periodStart,
    periodEnd: assessment.periodEnd,
    status: assessment.status,
    leadUserId: assessment.leadUserId,
    copiedFrom: assessment.copiedFrom,
    version: assessment.version,
    createdAt: assessment.createdAt,
    updatedAt: assessment.updatedAt,
    closedAt: assessment.closedAt,
  };
}
