import type { Kysely, Selectable } from 'kysely';
import type { FindingStatus, Priority } from '../core/assessment/assessment.types';
import type { FindingTable } from './assessments.table';
import type { DatabaseSchema } from './database';

type Db = Kysely<DatabaseSchema>;

/** A gap found in an assessment, with what to do about it and who owns it. */
export interface FindingRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly assessmentId: string;
  readonly itemId: string;
  readonly deviceId: string | null;
  readonly issue: string;
  readonly impact: string;
  readonly recommendation: string;
  readonly priority: Priority;
  readonly ownerName: string;
  readonly dueDate: string | null;
  readonly status: FindingStatus;
  /** Who accepted the risk (user id, or `cli:<label>`), while status is accepted_risk. */
  readonly acceptedBy: string | null;
  readonly acceptedReason: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The fields an update may change; version and updatedAt are set by updateFindingRecord. */
export type FindingChanges = Pick<
  FindingRecord,
  | 'issue'
  | 'impact'
  | 'recommendation'
  | 'priority'
  | 'ownerName'
  | 'dueDate'
  | 'status'
  | 'acceptedBy'
  | 'acceptedReason'
>;

/** Row → domain mapping of a finding (also used by the assessment read models). */
export const toFinding = (row: Selectable<FindingTable>): FindingRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  assessmentId: row.assessment_id,
  itemId: row.item_id,
  deviceId: row.device_id,
  issue: row.issue,
  impact: row.impact,
  recommendation: row.recommendation,
  priority: row.priority as Priority,
  ownerName: row.owner_name,
  dueDate: row.due_date,
  status: row.status as FindingStatus,
  acceptedBy: row.accepted_by,
  acceptedReason: row.accepted_reason,
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Stores a new finding. */
export async function insertFinding(db: Db, finding: FindingRecord): Promise<void> {
  await db
    .insertInto('finding')
    .values({
      id: finding.id,
      organisation_id: finding.organisationId,
      assessment_id: finding.assessmentId,
      item_id: finding.itemId,
      device_id: finding.deviceId,
      issue: finding.issue,
      impact: finding.impact,
      recommendation: finding.recommendation,
      priority: finding.priority,
      owner_name: finding.ownerName,
      due_date: finding.dueDate,
      status: finding.status,
      accepted_by: finding.acceptedBy,
      accepted_reason: finding.acceptedReason,
      version: finding.version,
      created_at: finding.createdAt,
      updated_at: finding.updatedAt,
    })
    .execute();
}

/** One finding of the organisation; another organisation's id is simply not found. */
export async function findFinding(
  db: Db,
  organisationId: string,
  findingId: string,
): Promise<FindingRecord | undefined> {
  const row = await db
    .selectFrom('finding')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', findingId)
    .executeTakeFirst();
  return row ? toFinding(row) : undefined;
}

/** The findings of one assessment, oldest first. */
export async function listFindingRecords(
  db: Db,
  organisationId: string,
  assessmentId: string,
): Promise<FindingRecord[]> {
  const rows = await db
    .selectFrom('finding')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toFinding);
}

/**
 * Applies `changes` only if the stored version is still `expectedVersion` (optimistic locking),
 * bumping the version. False when the finding is gone or someone changed it first.
 */
export async function updateFindingRecord(
  db: Db,
  organisationId: string,
  findingId: string,
  expectedVersion: number,
  changes: FindingChanges & { updatedAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('finding')
    .set({
      issue: changes.issue,
      impact: changes.impact,
      recommendation: changes.recommendation,
      priority: changes.priority,
      owner_name: changes.ownerName,
      due_date: changes.dueDate,
      status: changes.status,
      accepted_by: changes.acceptedBy,
      accepted_reason: changes.acceptedReason,
      updated_at: changes.updatedAt,
      version: expectedVersion + 1,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', findingId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
