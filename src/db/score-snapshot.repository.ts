import type { Kysely } from 'kysely';
import type { AssessmentStatus } from '../core/assessment/assessment.types';
import type { Scores } from '../core/assessment/scoring';
import type { DatabaseSchema } from './database';

/** Why a snapshot was taken: the assessment changed status, or a day passed while it was in progress. */
export type SnapshotReason = 'status_change' | 'daily';

/** The scores of an assessment at one moment, for trends. */
export interface ScoreSnapshot {
  readonly id: string;
  readonly takenAt: string;
  readonly reason: SnapshotReason;
  readonly status: AssessmentStatus;
  readonly scores: Scores;
}

type Db = Kysely<DatabaseSchema>;
type Row = DatabaseSchema['score_snapshot'];

const toSnapshot = (row: Row): ScoreSnapshot => ({
  id: row.id,
  takenAt: row.taken_at,
  reason: row.reason as SnapshotReason,
  status: row.status as AssessmentStatus,
  scores: JSON.parse(row.scores) as Scores,
});

export async function insertScoreSnapshot(
  db: Db,
  organisationId: string,
  assessmentId: string,
  snapshot: ScoreSnapshot,
): Promise<void> {
  await db
    .insertInto('score_snapshot')
    .values({
      id: snapshot.id,
      organisation_id: organisationId,
      assessment_id: assessmentId,
      taken_at: snapshot.takenAt,
      reason: snapshot.reason,
      status: snapshot.status,
      scores: JSON.stringify(snapshot.scores),
    })
    .execute();
}

/** An assessment's snapshots, oldest first. */
export async function listScoreSnapshots(
  db: Db,
  organisationId: string,
  assessmentId: string,
): Promise<ScoreSnapshot[]> {
  const rows = await db
    .selectFrom('score_snapshot')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .orderBy('taken_at')
    .orderBy('id')
    .execute();
  return rows.map(toSnapshot);
}

/** When the newest snapshot of an assessment was taken, if any. */
export async function findLatestSnapshotTime(
  db: Db,
  organisationId: string,
  assessmentId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('score_snapshot')
    .select('taken_at')
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .orderBy('taken_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.taken_at;
}
