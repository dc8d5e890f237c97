import { randomUUID } from 'node:crypto';
import type { AssessmentStatus, ReviewState } from '../core/assessment/assessment.types';
import type { Database } from '../db/database';

/**
 * Writes a system and an assessment row straight into the database (tests of evidence and
 * findings, which only read assessments). Returns the assessment id.
 */
export async function seedAssessmentRow(
  database: Pick<Database, 'db'>,
  organisationId: string,
  options: { status?: AssessmentStatus; frameworkId?: string } = {},
): Promise<string> {
  const now = new Date().toISOString();
  const systemId = randomUUID();
  await database.db
    .insertInto('iot_system')
    .values({
      id: systemId,
      organisation_id: organisationId,
      name: 'Camera network',
      description: '',
      business: '',
      criticality: 'important',
      owner_name: '',
      protected_functions: '[]',
      protected_information: '[]',
      internet_facing: 0,
      tags: '[]',
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const id = randomUUID();
  await database.db
    .insertInto('assessment')
    .values({
      id,
      organisation_id: organisationId,
      system_id: systemId,
      framework_id: options.frameworkId ?? 'jssec-v2',
      framework_version: '2.0',
      catalog_hash: 'a'.repeat(64),
      title: 'FY2026 review',
      period_start: null,
      period_end: null,
      status: options.status ?? 'in_progress',
      lead_user_id: null,
      copied_from: null,
      version: 1,
      created_at: now,
      updated_at: now,
      closed_at: null,
    })
    .execute();
  return id;
}

/** Writes an answer row in a given review state (e.g. `accepted`) straight into the database. */
export async function seedAnswerRow(
  database: Pick<Database, 'db'>,
  organisationId: string,
  assessmentId: string,
  itemId: string,
  reviewState: ReviewState,
): Promise<void> {
  await database.db
    .insertInto('answer')
    .values({
      assessment_id: assessmentId,
      item_id: itemId,
      organisation_id: organisationId,
      result: 'implemented',
      justification: '',
      comment: '',
      checks: '{}',
      assignee_user_id: null,
      due_date: null,
      review_state: reviewState,
      return_reason: null,
      version: 1,
      updated_at: new Date().toISOString(),
      updated_by: null,
    })
    .execute();
}

/** Changes an assessment's status in place (tests of what a status freezes). */
export async function setAssessmentStatusRow(
  database: Pick<Database, 'db'>,
  assessmentId: string,
  status: AssessmentStatus,
): Promise<void> {
  await database.db.updateTable('assessment').set({ status }).where('id', '=', assessmentId).execute();
}
