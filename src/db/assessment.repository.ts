import type { Kysely } from 'kysely';
import type { AssessmentStatus } from '../core/assessment/assessment.types';
import type { DatabaseSchema } from './database';

/** One assessment run as stored; always read within one organisation. */
export interface StoredAssessment {
  readonly id: string;
  readonly systemId: string;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly catalogHash: string;
  readonly title: string;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly status: AssessmentStatus;
  readonly leadUserId: string | null;
  readonly copiedFrom: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly closedAt: string | null;
}

type Db = Kysely<DatabaseSchema>;
type Row = DatabaseSchema['assessment'];

const toAssessment = (row: Row): StoredAssessment => ({
  id: row.id,
  systemId: row.system_id,
  frameworkId: row.framework_id,
  frameworkVersion: row.framework_version,
  catalogHash: row.catalog_hash,
  title: row.title,
  periodStart: row.period_start,
  periodEnd: row.period_end,
  status: row.status as AssessmentStatus,
  leadUserId: row.lead_user_id,
  copiedFrom: row.copied_from,
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  closedAt: row.closed_at,
});

export async function insertAssessment(db: Db, organisationId: string, assessment: StoredAssessment): Promise<void> {
  await db
    .insertInto('assessment')
    .values({
      id: assessment.id,
      organisation_id: organisationId,
      system_id: assessment.systemId,
      framework_id: assessment.frameworkId,
      framework_version: assessment.frameworkVersion,
      catalog_hash: assessment.catalogHash,
      title: assessment.title,
      period_start: assessment.periodStart,
      period_end: assessment.periodEnd,
      status: assessment.status,
      lead_user_id: assessment.leadUserId,
      copied_from: assessment.copiedFrom,
      version: assessment.version,
      created_at: assessment.createdAt,
      updated_at: assessment.updatedAt,
      closed_at: assessment.closedAt,
    })
    .execute();
}

export async function findAssessment(
  db: Db,
  organisationId: string,
  assessmentId: string,
): Promise<StoredAssessment | undefined> {
  const row = await db
    .selectFrom('assessment')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', assessmentId)
    .executeTakeFirst();
  return row ? toAssessment(row) : undefined;
}

/** The organisation's assessments (of one system when given), newest first, with their system's name. */
export async function listAssessments(
  db: Db,
  organisationId: string,
  filter: { systemId?: string } = {},
): Promise<(StoredAssessment & { systemName: string })[]> {
  const rows = await db
    .selectFrom('assessment')
    .innerJoin('iot_system', (join) =>
      join
        .onRef('iot_system.id', '=', 'assessment.system_id')
        .onRef('iot_system.organisation_id', '=', 'assessment.organisation_id'),
    )
    .selectAll('assessment')
    .select('iot_system.name as system_name')
    .where('assessment.organisation_id', '=', organisationId)
    .$if(filter.systemId !== undefined, (query) => query.where('assessment.system_id', '=', filter.systemId ?? ''))
    .orderBy('assessment.created_at', 'desc')
    .orderBy('assessment.id')
    .execute();
  return rows.map((row) => ({ ...toAssessment(row), systemName: row.system_name }));
}

/**
 * Writes the status fields of `assessment` (whose version is already the next one) only if the
 * stored version is still `expectedVersion`; false means someone else changed it first.
 */
export async function updateAssessmentStatus(
  db: Db,
  organisationId: string,
  assessment: StoredAssessment,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable('assessment')
    .set({
      status: assessment.status,
      closed_at: assessment.closedAt,
      version: assessment.version,
      updated_at: assessment.updatedAt,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', assessment.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Writes title, period and lead of `assessment` (already at its next version) if the stored version is `expectedVersion`. */
export async function updateAssessmentFields(
  db: Db,
  organisationId: string,
  assessment: StoredAssessment,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable('assessment')
    .set({
      title: assessment.title,
      period_start: assessment.periodStart,
      period_end: assessment.periodEnd,
      lead_user_id: assessment.leadUserId,
      version: assessment.version,
      updated_at: assessment.updatedAt,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', assessment.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes an assessment; its answers, history, evidence links, findings and snapshots go with it (cascade). */
export async function deleteAssessmentRow(db: Db, organisationId: string, assessmentId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('assessment')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', assessmentId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Ids of a system's assessments. */
export async function listAssessmentIdsOfSystem(db: Db, organisationId: string, systemId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('assessment')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('system_id', '=', systemId)
    .execute();
  return rows.map((row) => row.id);
}
