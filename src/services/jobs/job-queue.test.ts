import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { beforeEach, expect, it } from 'vitest';
import { DomainError } from '../../core/domain-error';
import { claimNextJob } from '../../db/jobs/job.repository';
import { createJobFileStore, type JobFileStore } from '../../integrations/jobs/job-file-store';
import { createPostgresJobFileStore } from '../../integrations/jobs/postgres-job-file-store';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { createTestClock } from '../../testing/test-app';
import { seedAssessmentRow } from '../../testing/test-assessment-rows';
import { describeEachDialect } from '../../testing/test-database';
import { userActor } from '../../testing/test-evidence';
import { reportOfBytes } from '../reports/generated-report';
import { requestReport } from '../reports/request-report';
import { cancelJob } from './cancel-job';
import { getJob } from './get-job';
import type { JobHandlers } from './job-handler';
import { openJobFile } from './open-job-file';
import { purgeEndedJobs } from './purge-ended-jobs';
import { runNextJob } from './run-next-job';

describeEachDialect('the background job queue', (database, dialect) => {
  const clock = createTestClock();
  let jobFiles: JobFileStore;
  const deps = () => ({ database: database(), clock, jobFiles });
  let organisationId: string;
  let assessmentId: string;
  let assessor: ReturnType<typeof userActor>;
  let viewer: ReturnType<typeof userActor>;
  /** What the handler saw and did, per run. */
  let runs: { kind: string; role: string | null; language: unknown }[];
  let failures: Error[];

  const handlers: JobHandlers = {
    'assessment-json': {
      readAction: 'assessments.read',
      run: async ({ actor, params, onProgress }) => {
        runs.push({ kind: 'assessment-json', role: actor.role, language: params['language'] });
        onProgress(0.5);
        const failure = failures.shift();
        if (failure) throw failure;
        return reportOfBytes('report.json', 'application/json', `{"assessment":"${String(params['assessmentId'])}"}`);
      },
    },
  };
  const options = (workerId = 'worker-1') => ({ workerId, handlers, leaseMs: 60_000 });
  /** A claim as `workerId`'s worker makes it: a minute's lease from the test clock's now. */
  const claim = (workerId: string) =>
    claimNextJob(database(), {
      workerId,
      now: clock().toISOString(),
      leaseUntil: new Date(clock().getTime() + 60_000).toISOString(),
      kinds: ['assessment-json'],
    });
  const ask = (actor = assessor) =>
    requestReport(deps(), { actor, assessmentId, kind: 'assessment-json', language: 'en', detailed: false });

  beforeEach(async () => {
    // Job files in a folder on SQLite, in the database (EVIDENCE_STORE=postgres) on PostgreSQL.
    jobFiles =
      dialect === 'postgres'
        ? createPostgresJobFileStore(database().db)
        : createJobFileStore(mkdtempSync(join(tmpdir(), 'iotcheck-jobs-')));
    runs = [];
    failures = [];
    organisationId = await seedOrganisation(database(), 'Jobs');
    assessmentId = await seedAssessmentRow(database(), organisationId);
    assessor = userActor((await seedMember(database(), organisationId, 'assessor')).userId, organisationId);
    viewer = userActor((await seedMember(database(), organisationId, 'viewer')).userId, organisationId, 'viewer');
  });

  it('queues a report, runs it as the requester and serves its file to readers of the assessment', async () => {
    const queued = await ask();
    expect(queued).toMatchObject({ status: 'queued', kind: 'assessment-json', progress: 0, attempts: 0 });
    expect(await runNextJob(deps(), options())).toBe('ran');
    expect(runs).toEqual([{ kind: 'assessment-json', role: 'assessor', language: 'en' }]);
    const done = await getJob(deps(), { actor: viewer, jobId: queued.id });
    expect(done).toMatchObject({ status: 'succeeded', progress: 1000, lockedBy: null, attempts: 1 });
    expect(done.result).toMatchObject({ fileName: 'report.json', mediaType: 'application/json' });
    const file = await openJobFile(deps(), { actor: viewer, jobId: queued.id });
    expect(await text(file.content)).toBe(`{"assessment":"${assessmentId}"}`);
    expect(await runNextJob(deps(), options())).toBe('idle');
    const audit = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('target_id', '=', queued.id)
      .execute();
    expect(audit).toEqual([{ action: 'report.requested' }]);
  });

  it('hides a job from another organisation and from members who may not read assessments', async () => {
    const queued = await ask();
    await runNextJob(deps(), options());
    const otherOrganisation = await seedOrganisation(database(), 'Other');
    const outsider = userActor(
      (await seedMember(database(), otherOrganisation, 'owner')).userId,
      otherOrganisation,
      'owner',
    );
    const provider = userActor(
      (await seedMember(database(), organisationId, 'provider')).userId,
      organisationId,
      'provider',
    );
    for (const actor of [outsider, provider]) {
      await expect(openJobFile(deps(), { actor, jobId: queued.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(getJob(deps(), { actor, jobId: queued.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(ask(provider)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ask(outsider)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('fails a refused job with its code, and retries an unexpected error until it gives up', async () => {
    failures = [new DomainError('VALIDATION_FAILED', 'cannot')];
    const refused = await ask();
    await runNextJob(deps(), options());
    expect(await getJob(deps(), { actor: assessor, jobId: refused.id })).toMatchObject({
      status: 'failed',
      error: { code: 'VALIDATION_FAILED', message: 'cannot' },
      result: null,
    });
    failures = [new Error('boom'), new Error('boom'), new Error('boom')];
    const flaky = await ask();
    await runNextJob(deps(), options());
    expect(await getJob(deps(), { actor: assessor, jobId: flaky.id })).toMatchObject({ status: 'queued', attempts: 1 });
    await runNextJob(deps(), options());
    await runNextJob(deps(), options());
    expect(await getJob(deps(), { actor: assessor, jobId: flaky.id })).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { code: 'INTERNAL' },
    });
    await expect(openJobFile(deps(), { actor: assessor, jobId: flaky.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets another server take over a job whose lease ran out, and never runs a held job twice', async () => {
    const queued = await ask();
    // Server A claims the job and dies: its lease is never renewed.
    const claimed = await claim('server-a');
    expect(claimed).toMatchObject({ id: queued.id, lockedBy: 'server-a' });
    expect(await runNextJob(deps(), options('server-b'))).toBe('idle');
    clock.advance(61_000);
    expect(await runNextJob(deps(), options('server-b'))).toBe('ran');
    expect(await getJob(deps(), { actor: assessor, jobId: queued.id })).toMatchObject({
      status: 'succeeded',
      attempts: 2,
    });
  });

  it('resumes a job whose server died before the queue behind it, then takes the queue oldest first', async () => {
    const first = await ask();
    expect(await claim('server-a')).toMatchObject({ id: first.id });
    clock.advance(1_000);
    const second = await ask();
    clock.advance(1_000);
    const third = await ask();
    // Server A dies holding the first job; its lease runs out while two jobs wait.
    clock.advance(61_000);
    expect(await claim('server-b')).toMatchObject({ id: first.id, lockedBy: 'server-b', attempts: 2 });
    expect(await claim('server-b')).toMatchObject({ id: second.id, attempts: 1 });
    expect(await claim('server-b')).toMatchObject({ id: third.id, attempts: 1 });
    expect(await claim('server-b')).toBeUndefined();
    for (const job of [first, second, third]) await cancelJob(deps(), { actor: assessor, jobId: job.id });
  });

  it('gives servers claiming at the same moment different jobs (SKIP LOCKED on PostgreSQL)', async () => {
    const queued = [await ask(), await ask(), await ask()].map((job) => job.id);
    const claimed = await Promise.all(['a', 'b', 'c', 'd'].map(claim));
    const ids = claimed.flatMap((job) => (job ? [job.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => queued.includes(id)).sort()).toEqual([...queued].sort());
    for (const id of queued) await cancelJob(deps(), { actor: assessor, jobId: id });
  });

  it('cancels a queued job for its requester or an admin, audited; an ended job cannot be cancelled', async () => {
    const queued = await ask();
    await expect(cancelJob(deps(), { actor: viewer, jobId: queued.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await cancelJob(deps(), { actor: assessor, jobId: queued.id })).toMatchObject({ status: 'cancelled' });
    expect(await runNextJob(deps(), options())).toBe('idle');
    expect(runs).toEqual([]);
    await expect(cancelJob(deps(), { actor: assessor, jobId: queued.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('purges ended jobs and their files after the retention period', async () => {
    const queued = await ask();
    await runNextJob(deps(), options());
    await purgeEndedJobs(deps());
    expect((await getJob(deps(), { actor: assessor, jobId: queued.id })).status).toBe('succeeded');
    clock.advance(8 * 86_400_000);
    // The queue is installation-wide: other tests' ended jobs go too.
    expect(await purgeEndedJobs(deps())).toBeGreaterThanOrEqual(1);
    expect(await jobFiles.open(queued.id)).toBeUndefined();
    await expect(getJob(deps(), { actor: assessor, jobId: queued.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
