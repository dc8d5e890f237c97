import { randomUUID } from 'node:crypto';
import type { Priority } from '../../core/assessment/assessment.types';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { checkDays } from '../../core/evidence/evidence-dates';
import { insertFinding, type FindingRecord } from '../../db/finding.repository';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment, requireAssessmentItem } from '../assessment-scope/require-assessment-item';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { FindingDeps } from './finding-deps';
import { toFindingView, type FindingView } from './finding-view';

/** A new finding against one item of the assessment. */
export interface FindingInput {
  readonly itemId: string;
  readonly issue: string;
  readonly impact?: string;
  readonly recommendation?: string;
  readonly priority: Priority;
  readonly ownerName?: string;
  readonly dueDate?: string;
}

/**
 * Records an open finding (version 1) on an item of the assessment's framework; the assessment
 * must be the organisation's and not archived. Audited in the same transaction.
 */
export async function createFinding(
  deps: FindingDeps,
  input: { actor: Actor; assessmentId: string; finding: FindingInput; context?: RequestContext },
): Promise<FindingView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const assessment = await requireAssessment(deps.database, organisationId, input.assessmentId, 'change-findings');
  const { finding } = input;
  requireAssessmentItem(deps.catalog, assessment, finding.itemId, 'field');
  if (finding.issue.trim() === '')
    throw new DomainError('VALIDATION_FAILED', 'A finding needs an issue.', [{ field: 'issue', reason: 'is empty' }]);
  checkDays({ dueDate: finding.dueDate });
  const at = deps.clock();
  const now = at.toISOString();
  const record: FindingRecord = {
    id: randomUUID(),
    organisationId,
    assessmentId: assessment.id,
    itemId: finding.itemId,
    deviceId: null,
    issue: finding.issue,
    impact: finding.impact ?? '',
    recommendation: finding.recommendation ?? '',
    priority: finding.priority,
    ownerName: finding.ownerName ?? '',
    dueDate: finding.dueDate ?? null,
    status: 'open',
    acceptedBy: null,
    acceptedReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await deps.database.db.transaction().execute(async (transaction) => {
    await insertFinding(transaction, record);
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'finding.create',
      targetType: 'finding',
      targetId: record.id,
      after: {
        assessmentId: record.assessmentId,
        itemId: record.itemId,
        issue: record.issue,
        priority: record.priority,
        status: record.status,
        dueDate: record.dueDate,
      },
    });
  });
  return toFindingView(record);
}
