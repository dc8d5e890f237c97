import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../core/auth/actor';
import { requireFramework } from '../../core/catalog/framework-tree';
import type { Catalog } from '../../core/catalog/catalog.types';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import type { Assessment, AssessmentInput } from '../../contracts/assessment.schema';
import { insertAssessment, type StoredAssessment } from '../../db/assessment.repository';
import type { DatabaseSchema } from '../../db/database';
import { findMembership } from '../../db/organisation.repository';
import { recordAudit } from '../audit/record-audit';
import { carryPendingLessons } from '../incidents/carry-lessons';
import type { RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { presentAssessment } from './present-assessment';
import { requireSystem } from './require-assessment';

/** The framework an assessment uses when none is named: the JSSEC IoT Security Checksheet. */
export const DEFAULT_FRAMEWORK_ID = 'jssec-v2';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with an assessment's title, period and lead (a lead must be a member of the organisation). */
export async function assessmentProblems(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  input: Pick<AssessmentInput, 'title' | 'periodStart' | 'periodEnd' | 'leadUserId'>,
): Promise<ProblemDetail[]> {
  const problems: ProblemDetail[] = [];
  if (input.title.trim() === '') problems.push({ field: 'title', reason: 'needs 1–200 characters', code: 'blank' });
  else if (input.title.length > 200)
    problems.push({ field: 'title', reason: 'needs 1–200 characters', code: 'max_length', params: { limit: 200 } });
  for (const field of ['periodStart', 'periodEnd'] as const) {
    const day = input[field];
    if (day !== undefined && (!DAY.test(day) || Number.isNaN(Date.parse(day))))
      problems.push({ field, reason: 'must be a date YYYY-MM-DD', code: 'not_a_date' });
  }
  if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart)
    problems.push({ field: 'periodEnd', reason: 'is before periodStart', code: 'end_before_start' });
  if (input.leadUserId !== undefined && !(await findMembership(db, organisationId, input.leadUserId)))
    problems.push({ field: 'leadUserId', reason: 'is not a member of this organisation', code: 'not_member' });
  return problems;
}

/**
 * Creates a planned assessment inside the caller's transaction: it records the framework version
 * and the catalog's content hash it is made against, and writes the audit entry.
 */
export async function createAssessmentInTransaction(
  transaction: Transaction<DatabaseSchema>,
  catalog: Catalog,
  input: {
    actor: Actor & { kind: 'user' };
    organisationId: string;
    now: Date;
    fields: AssessmentInput;
    copiedFrom?: string;
    context?: RequestContext | undefined;
  },
): Promise<StoredAssessment> {
  const { organisationId, fields } = input;
  await requireSystem(transaction, organisationId, fields.systemId);
  const framework = requireFramework(catalog, fields.frameworkId ?? DEFAULT_FRAMEWORK_ID);
  const problems = await assessmentProblems(transaction, organisationId, fields);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The assessment is not valid.', problems);
  const at = input.now.toISOString();
  const assessment: StoredAssessment = {
    id: randomUUID(),
    systemId: fields.systemId,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    catalogHash: framework.contentHash,
    title: fields.title.trim(),
    periodStart: fields.periodStart ?? null,
    periodEnd: fields.periodEnd ?? null,
    status: 'planned',
    leadUserId: fields.leadUserId ?? null,
    copiedFrom: input.copiedFrom ?? null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
  };
  await insertAssessment(transaction, organisationId, assessment);
  await recordAudit(transaction, input.actor, input.context, input.now, {
    organisationId,
    action: input.copiedFrom ? 'assessment.copy' : 'assessment.create',
    targetType: 'assessment',
    targetId: assessment.id,
    after: {
      systemId: assessment.systemId,
      title: assessment.title,
      frameworkId: assessment.frameworkId,
      frameworkVersion: assessment.frameworkVersion,
      catalogHash: assessment.catalogHash,
      ...(input.copiedFrom ? { copiedFrom: input.copiedFrom } : {}),
    },
  });
  // Lessons learned from the system's incidents flow into its next assessment as findings (items 57, 59).
  await carryPendingLessons(transaction, {
    actor: input.actor,
    organisationId,
    assessment,
    at: input.now,
    context: input.context,
  });
  return assessment;
}

/** Starts a planned assessment of a system against a framework (jssec-v2 unless named). */
export async function createAssessment(
  deps: AssessmentDeps,
  input: { actor: Actor; fields: AssessmentInput; context?: RequestContext },
): Promise<Assessment> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  const assessment = await deps.database.db.transaction().execute((transaction) =>
    createAssessmentInTransaction(transaction, deps.catalog, {
      actor,
      organisationId,
      now,
      fields: input.fields,
      context: input.context,
    }),
  );
  return presentAssessment(assessment);
}
