import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Catalog } from '../../core/catalog/catalog.types';
import type { StoredAssessment } from '../../db/assessment.repository';
import type { DatabaseSchema } from '../../db/database';
import { findLatestSnapshotTime, insertScoreSnapshot, type SnapshotReason } from '../../db/score-snapshot.repository';
import { scoreAssessment } from './score-assessment';

/** A running assessment gets at most one daily snapshot per this interval. */
export const DAILY_SNAPSHOT_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Records the assessment's scores now (status is the assessment's status at that moment). */
export async function takeScoreSnapshot(
  db: Kysely<DatabaseSchema>,
  catalog: Catalog,
  organisationId: string,
  assessment: StoredAssessment,
  reason: SnapshotReason,
  now: Date,
): Promise<void> {
  const scores = await scoreAssessment(db, catalog, organisationId, assessment);
  await insertScoreSnapshot(db, organisationId, assessment.id, {
    id: randomUUID(),
    takenAt: now.toISOString(),
    reason,
    status: assessment.status,
    scores,
  });
}

/**
 * Daily snapshots are taken lazily, not by a scheduler: whenever scores are read or an answer is
 * saved, an assessment that is in progress and whose newest snapshot is older than 24 h (or that
 * has none) gets one. An assessment nobody touches does not change, so nothing is lost; and no job
 * runner is needed. Snapshots are derived data (a record of computed scores), so they are not
 * audit entries of their own. Returns true when one was taken.
 */
export async function takeDailySnapshotIfDue(
  db: Kysely<DatabaseSchema>,
  catalog: Catalog,
  organisationId: string,
  assessment: StoredAssessment,
  now: Date,
): Promise<boolean> {
  if (assessment.status !== 'in_progress') return false;
  const latest = await findLatestSnapshotTime(db, organisationId, assessment.id);
  if (latest !== undefined && now.getTime() - new Date(latest).getTime() < DAILY_SNAPSHOT_INTERVAL_MS) return false;
  await takeScoreSnapshot(db, catalog, organisationId, assessment, 'daily', now);
  return true;
}
