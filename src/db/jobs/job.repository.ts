import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Job, JobStatus } from '../../core/jobs/job.types';
import type { Database, DatabaseSchema } from '../database';
import type { JobTable } from './job.table';

type JobRow = Selectable<JobTable>;

function jobOfRow(row: JobRow): Job {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    kind: row.kind,
    params: JSON.parse(row.params) as Record<string, unknown>,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    status: row.status as JobStatus,
    progress: Number(row.progress),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    requestedBy: row.requested_by,
    lockedBy: row.locked_by,
    leaseUntil: row.lease_until,
    result:
      row.result_name !== null && row.result_media_type !== null
        ? { fileName: row.result_name, mediaType: row.result_media_type, bytes: Number(row.result_bytes ?? 0) }
        : null,
    error: row.error_code !== null ? { code: row.error_code, message: row.error_message ?? '' } : null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export interface NewJob {
  readonly id: string;
  readonly organisationId: string;
  readonly kind: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly maxAttempts: number;
  readonly requestedBy: string;
  readonly createdAt: string;
  /**
   * Inserts the job already running, held by this worker until `leaseUntil` (its first attempt), for
   * a process that runs it itself right away: no other worker sharing the queue claims it meanwhile.
   */
  readonly claimedBy?: { readonly workerId: string; readonly leaseUntil: string };
}

export async function insertJob(db: Kysely<DatabaseSchema>, job: NewJob): Promise<Job> {
  const row = await db
    .insertInto('job')
    .values({
      id: job.id,
      organisation_id: job.organisationId,
      kind: job.kind,
      params: JSON.stringify(job.params),
      subject_type: job.subjectType,
      subject_id: job.subjectId,
      status: job.claimedBy ? 'running' : 'queued',
      progress: 0,
      attempts: job.claimedBy ? 1 : 0,
      max_attempts: job.maxAttempts,
      requested_by: job.requestedBy,
      locked_by: job.claimedBy?.workerId ?? null,
      lease_until: job.claimedBy?.leaseUntil ?? null,
      result_name: null,
      result_media_type: null,
      result_bytes: null,
      error_code: null,
      error_message: null,
      created_at: job.createdAt,
      started_at: job.claimedBy ? job.createdAt : null,
      finished_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return jobOfRow(row);
}

/** One job of the organisation, or undefined (another organisation's job is not found either). */
export async function findJob(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  id: string,
): Promise<Job | undefined> {
  const row = await db
    .selectFrom('job')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? jobOfRow(row) : undefined;
}

/** The newest jobs about one subject (an assessment), newest first. */
export async function listJobsOfSubject(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  subject: { readonly type: string; readonly id: string },
  limit: number,
): Promise<Job[]> {
  const rows = await db
    .selectFrom('job')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(jobOfRow);
}

/** Who claims a job, when, until when the claim holds, and which kinds it can run. */
export interface JobClaim {
  readonly workerId: string;
  readonly now: string;
  readonly leaseUntil: string;
  readonly kinds: readonly string[];
}

/**
 * Claims a runnable job for `workerId`: first a running one whose lease ran out (its server died),
 * oldest first, else the oldest queued one. Each is one statement that walks the
 * (status, created_at) index and stops at the first row: on PostgreSQL the row is locked with SKIP
 * LOCKED, so servers claiming at once take different jobs; on SQLite the single writer serialises
 * claims. (One statement with `queued OR lapsed` made both databases collect and sort every
 * queued job on each claim, so a backlog slowed every claim and a SQLite server mapped in the
 * whole job table.)
 */
export async function claimNextJob(database: Database, claim: JobClaim): Promise<Job | undefined> {
  if (claim.kinds.length === 0) return undefined;
  const lapsed = sql`status = 'running' AND lease_until < ${claim.now}`;
  return (await claimOldest(database, claim, lapsed)) ?? (await claimOldest(database, claim, sql`status = 'queued'`));
}

/** Claims the oldest job of `claim.kinds` that `runnable` selects; undefined when there is none. */
async function claimOldest(
  database: Database,
  claim: JobClaim,
  runnable: RawBuilder<unknown>,
): Promise<Job | undefined> {
  const lock = database.dialect === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
  const result = await sql<JobRow>`
    UPDATE job
       SET status = 'running', locked_by = ${claim.workerId}, lease_until = ${claim.leaseUntil},
           attempts = attempts + 1, started_at = COALESCE(started_at, ${claim.now})
     WHERE id = (
       SELECT id FROM job
        WHERE ${runnable} AND kind IN (${sql.join(claim.kinds)})
        ORDER BY created_at, id
        LIMIT 1 ${lock})
    RETURNING *`.execute(database.db);
  const row = result.rows[0];
  return row ? jobOfRow(row) : undefined;
}

/**
 * Renews the lease of a running job this worker holds and records its progress. False when the
 * job is no longer this worker's to run (cancelled, or claimed by another after a lapse).
 */
export async function renewJobLease(
  db: Kysely<DatabaseSchema>,
  lease: { readonly id: string; readonly workerId: string; readonly leaseUntil: string; readonly progress: number },
): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({ lease_until: lease.leaseUntil, progress: lease.progress })
    .where('id', '=', lease.id)
    .where('locked_by', '=', lease.workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type JobOutcome =
  | {
      readonly status: 'succeeded';
      readonly result: { readonly fileName: string; readonly mediaType: string; readonly bytes: number };
    }
  | { readonly status: 'failed'; readonly error: { readonly code: string; readonly message: string } }
  | { readonly status: 'queued'; readonly error: { readonly code: string; readonly message: string } };

/**
 * Ends this worker's run of a job: succeeded, failed, or back to queued for another attempt.
 * False (nothing written) when the job is no longer this worker's (cancelled meanwhile).
 */
export async function finishJobRun(
  db: Kysely<DatabaseSchema>,
  run: { readonly id: string; readonly workerId: string; readonly at: string },
  outcome: JobOutcome,
): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({
      status: outcome.status,
      locked_by: null,
      lease_until: null,
      progress: outcome.status === 'succeeded' ? 1000 : 0,
      result_name: outcome.status === 'succeeded' ? outcome.result.fileName : null,
      result_media_type: outcome.status === 'succeeded' ? outcome.result.mediaType : null,
      result_bytes: outcome.status === 'succeeded' ? outcome.result.bytes : null,
      error_code: outcome.status === 'succeeded' ? null : outcome.error.code,
      error_message: outcome.status === 'succeeded' ? null : outcome.error.message,
      finished_at: outcome.status === 'queued' ? null : run.at,
    })
    .where('id', '=', run.id)
    .where('locked_by', '=', run.workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Cancels a queued or running job; false when it had already ended. */
export async function cancelJob(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({ status: 'cancelled', locked_by: null, lease_until: null, finished_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The params of every queued or running job, of all organisations (which spooled uploads are still wanted). */
export async function listLiveJobParams(db: Kysely<DatabaseSchema>): Promise<Record<string, unknown>[]> {
  const rows = await db.selectFrom('job').select('params').where('status', 'in', ['queued', 'running']).execute();
  return rows.map((row) => JSON.parse(row.params) as Record<string, unknown>);
}

/** Ids of ended jobs that finished before `before` (their files can go), oldest first. */
export async function listEndedJobsBefore(
  db: Kysely<DatabaseSchema>,
  before: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('job')
    .select('id')
    .where('status', 'in', ['succeeded', 'failed', 'cancelled'])
    .where('finished_at', '<', before)
    .orderBy('finished_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

export async function deleteJobs(db: Kysely<DatabaseSchema>, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('job').where('id', 'in', ids).execute();
}
